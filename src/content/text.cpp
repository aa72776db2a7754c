#include "content/text.h"

#include <cctype>
#include <charconv>
#include <cstdint>

namespace khabar::content {
namespace {

// Decodes one code point at text[i]; advances i. Returns -1 for an invalid sequence
// (and advances by one byte).
std::int32_t next_code_point(std::string_view text, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int extra = 0;
  std::int32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0)
    extra = 1, cp = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0)
    extra = 2, cp = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0)
    extra = 3, cp = c & 0x07, min = 0x10000;
  else {
    ++i;
    return -1;
  }
  if (i + extra >= text.size()) {
    ++i;
    return -1;
  }
  for (int k = 1; k <= extra; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return -1;
  }
  i += extra + 1;
  return cp;
}

// Code points outside ASCII that separate words rather than belong to them.
bool is_non_ascii_separator(std::int32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) ||      // Latin-1 punctuation, NBSP, symbols
         cp == 0xD7 || cp == 0xF7 ||        // × ÷
         (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation, spaces, ZW joiners
         (cp >= 0x2190 && cp <= 0x2BFF) ||  // arrows, maths, shapes
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation
         cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x066A || cp == 0x066B ||
         cp == 0x066C || cp == 0x066D || cp == 0x06D4 ||  // Arabic-script punctuation
         cp == 0x0640 ||                                  // tatweel
         cp == 0xFEFF || (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
         // fullwidth and halfwidth punctuation: U+FF0E and U+FF61 are dots to a browser
         // reading a host name, so "evil｡com" must not survive as a slug
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x1F000 && cp <= 0x1FAFF);  // emoji
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();)
    if (next_code_point(text, i) < 0) return false;
  return true;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) next_code_point(text, i);
  return n;
}

bool names_login(std::string_view display_name, std::string_view login) {
  return ascii_lower(trim(display_name)) == ascii_lower(trim(login));
}

std::string truncate_utf8(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut));
}

std::string first_free(std::string_view base,
                       const std::function<bool(const std::string&)>& taken) {
  std::string name(base);
  for (int n = 2; taken(name); ++n) name = std::string(base) + "-" + std::to_string(n);
  return name;
}

std::string make_slug(std::string_view text) {
  std::string out;
  bool pending_dash = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    std::int32_t cp = next_code_point(text, i);
    if (cp < 0) continue;
    bool keep = false;
    std::string piece;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) keep = true, piece.assign(1, c);
    } else if (!is_non_ascii_separator(cp)) {
      keep = true;
      piece.assign(text.substr(start, i - start));
    }
    if (!keep) {
      pending_dash = !out.empty();
      continue;
    }
    if (pending_dash) out += '-';
    pending_dash = false;
    out += piece;
  }
  return out;
}

std::string markdown_to_plain_text(std::string_view md) {
  std::string out;
  bool in_fence = false;
  std::size_t pos = 0;
  while (pos <= md.size()) {
    std::size_t eol = md.find('\n', pos);
    if (eol == std::string_view::npos) eol = md.size();
    std::string_view line = md.substr(pos, eol - pos);
    pos = eol + 1;
    std::size_t s = 0;
    while (s < line.size() && is_space(line[s])) ++s;
    line.remove_prefix(s);
    if (line.starts_with("```") || line.starts_with("~~~")) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    // Block markers: headings, quotes, list bullets, numbered lists.
    while (!line.empty() && (line[0] == '#' || line[0] == '>')) {
      line.remove_prefix(1);
      while (!line.empty() && line[0] == ' ') line.remove_prefix(1);
    }
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
      line.remove_prefix(2);
    if (line.find_first_not_of("-*_= ") == std::string_view::npos) line = {};  // rules
    // A URL alone on its line is an embed (render/embeds.h), no sentence of the text.
    if ((line.starts_with("https://") || line.starts_with("http://")) &&
        line.find_first_of(" \t") == std::string_view::npos)
      line = {};
    // Inline: keep link text, drop images, emphasis and code marks.
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
        std::size_t close = line.find(']', i);
        std::size_t paren = close == std::string_view::npos ? close : line.find(')', close);
        if (paren != std::string_view::npos) {
          i = paren;
          continue;
        }
      }
      if (c == '[') {
        std::size_t close = line.find(']', i);
        if (close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == '(') {
          std::size_t paren = line.find(')', close);
          if (paren != std::string_view::npos) {
            out.append(line.substr(i + 1, close - i - 1));
            i = paren;
            continue;
          }
        }
      }
      if (c == '*' || c == '_' || c == '`') continue;
      out += c;
    }
    if (!line.empty() && !out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string make_excerpt(std::string_view text, std::size_t max_chars) {
  // Collapse whitespace first so the count is of visible characters.
  std::string flat;
  for (char c : text) {
    if (is_space(c)) {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else {
      flat += c;
    }
  }
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  std::size_t count = 0, i = 0, last_space = std::string::npos;
  while (i < flat.size() && count < max_chars) {
    if (flat[i] == ' ') last_space = i;
    next_code_point(flat, i);
    ++count;
  }
  if (i >= flat.size()) return flat;
  // Cut mid-word? Go back to the last space (unless the next char is one already).
  std::size_t cut = flat[i] == ' ' ? i : (last_space == std::string::npos ? i : last_space);
  std::string out = flat.substr(0, cut);
  while (!out.empty()) {
    char c = out.back();
    if (c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '-')
      out.pop_back();
    else
      break;
  }
  // Arabic-script comma/semicolon (U+060C, U+061B) are two bytes: D8 8C, D8 9B.
  while (out.size() >= 2 && static_cast<unsigned char>(out[out.size() - 2]) == 0xD8 &&
         (static_cast<unsigned char>(out.back()) == 0x8C ||
          static_cast<unsigned char>(out.back()) == 0x9B))
    out.resize(out.size() - 2);
  return out + "\u2026";
}

std::string strip_shortcodes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find('[', i);
    if (open == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::size_t name = open + 1 + (open + 1 < text.size() && text[open + 1] == '/');
    // The closing bracket within reach, with no other opening before it.
    std::size_t close = text.substr(open + 1, 200).find_first_of("[]");
    bool shortcode = name < text.size() && std::isalpha(static_cast<unsigned char>(text[name])) &&
                     close != std::string_view::npos && text[open + 1 + close] == ']';
    if (!shortcode) {
      out += '[';
      i = open + 1;
      continue;
    }
    i = open + 1 + close + 1;
    // The space on either side becomes one.
    if (!out.empty() && out.back() == ' ' && i < text.size() && text[i] == ' ') ++i;
  }
  out.append(text.substr(i));
  return out;
}

int reading_minutes(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (is_space(c))
      in_word = false;
    else if (!in_word)
      in_word = true, ++words;
  }
  int minutes = static_cast<int>((words + 199) / 200);
  return minutes < 1 ? 1 : minutes;
}

}  // namespace khabar::content
