#include "importers/wordpress_content.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <vector>

#include "content/text.h"
#include "render/embeds.h"
#include "render/escape.h"
#include "render/sanitize.h"

namespace khabar::importers {
namespace {

using Attributes = std::map<std::string, std::string>;

// Block-level elements: wpautop neither wraps them in <p> nor puts <br> next to them.
constexpr std::array<std::string_view, 45> kBlocks = {
    "table",  "thead",    "tfoot",  "caption",    "col",     "colgroup",   "tbody",   "tr",
    "td",     "th",       "div",    "dl",         "dd",      "dt",         "ul",      "ol",
    "li",     "pre",      "form",   "map",        "area",    "blockquote", "address", "math",
    "style",  "p",        "h1",     "h2",         "h3",      "h4",         "h5",      "h6",
    "hr",     "fieldset", "legend", "section",    "article", "aside",      "hgroup",  "header",
    "footer", "nav",      "figure", "figcaption", "details"};

bool is_block(std::string_view name) {
  for (auto b : kBlocks)
    if (b == name) return true;
  return name == "menu" || name == "summary" || name == "iframe" || name == "script";
}

// If `text` at `i` is a tag, its lower-case name and whether it closes ("</x>").
std::optional<std::pair<std::string, bool>> tag_at(std::string_view text, std::size_t i) {
  if (text[i] != '<') return std::nullopt;
  std::size_t j = i + 1;
  bool closing = j < text.size() && text[j] == '/';
  if (closing) ++j;
  std::string name;
  while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])))) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j])));
    ++j;
  }
  if (name.empty()) return std::nullopt;
  return std::pair{name, closing};
}

std::string drop_block_comments(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = text.find("<!--", i);
    if (at == std::string_view::npos) break;
    std::string_view after = text.substr(at + 4);
    std::size_t skip = after.find_first_not_of(" \t\r\n");
    bool block = skip != std::string_view::npos &&
                 (after.substr(skip, 3) == "wp:" || after.substr(skip, 4) == "/wp:");
    std::size_t end = text.find("-->", at + 4);
    if (end == std::string_view::npos) break;  // no later comment can end either
    if (!block) {
      out.append(text.substr(i, at + 4 - i));
      i = at + 4;
      continue;
    }
    out.append(text.substr(i, at - i));
    i = end + 3;
  }
  out.append(text.substr(i));
  return out;
}

Attributes parse_attributes(std::string_view s) {
  Attributes out;
  std::size_t i = 0;
  int positional = 0;
  auto skip_space = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  };
  while (true) {
    skip_space();
    if (i >= s.size()) break;
    std::size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '=') ++i;
    std::string name = content::ascii_lower(s.substr(start, i - start));
    skip_space();
    if (i < s.size() && s[i] == '=') {
      ++i;
      skip_space();
      std::string value;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char quote = s[i++];
        std::size_t end = s.find(quote, i);
        if (end == std::string_view::npos) end = s.size();
        value = std::string(s.substr(i, end - i));
        i = end + 1;
      } else {
        std::size_t end = i;
        while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
        value = std::string(s.substr(i, end - i));
        i = end;
      }
      out[name] = value;
    } else if (!name.empty()) {
      out[std::to_string(positional++)] = name;
    }
  }
  return out;
}

std::string attr(const Attributes& a, const char* key) {
  auto it = a.find(key);
  return it == a.end() ? "" : it->second;
}

std::string align_class(const std::string& align) {
  if (align == "alignleft" || align == "alignright" || align == "aligncenter" ||
      align == "alignnone")
    return " " + align;
  return "";
}

std::string caption_figure(const Attributes& a, std::string_view inner) {
  // The picture is the first <img> (maybe inside a link); the rest is the caption.
  std::string body(inner);
  std::size_t img = body.find("<img");
  std::string media, caption = attr(a, "caption");
  if (img != std::string::npos) {
    std::size_t start = img, end = body.find('>', img);
    std::size_t link = body.rfind("<a ", img);
    if (link != std::string::npos && body.find("</a>", link) != std::string::npos &&
        body.find("</a>", link) > img) {
      start = link;
      end = body.find("</a>", img) + 3;
    }
    if (end != std::string::npos) {
      media = body.substr(start, end + 1 - start);
      body.erase(start, end + 1 - start);
    }
  }
  if (caption.empty()) caption = content::trim(body);
  return "<figure class=\"wp-caption" + align_class(attr(a, "align")) + "\">" + media +
         (caption.empty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
}

// A paragraph holding only a link to `url`: how a body keeps an embed (render/embeds.h).
std::string embed_link(std::string_view url) {
  std::string u = render::escape_html(url);
  return "<p><a href=\"" + u + "\">" + u + "</a></p>";
}

// What WordPress embeds besides [embed]: a URL of a known provider alone on its line (its
// auto-embeds, and the block editor's embed blocks, which hold the URL so), and the
// providers' own iframes, become the embed's link; other iframes are left to the
// sanitiser, which removes them.
std::string embeds_as_links(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::string lower = content::ascii_lower(text);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t line_end = text.find('\n', i);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string line = content::trim(text.substr(i, line_end - i));
    if ((line.starts_with("https://") || line.starts_with("http://")) &&
        line.find_first_of(" \t<>\"") == std::string::npos && render::recognise_embed(line)) {
      out += embed_link(line);
      out += '\n';
      i = line_end + 1;
      continue;
    }
    // The iframes on this line.
    std::size_t at = i;
    while (true) {
      std::size_t frame = lower.find("<iframe", at);
      if (frame == std::string::npos || frame >= line_end) break;
      std::size_t tag_end = text.find('>', frame);
      if (tag_end == std::string_view::npos) break;
      Attributes a = parse_attributes(text.substr(frame + 7, tag_end - frame - 7));
      auto url = render::embed_url_of_frame(content::trim(attr(a, "src")));
      if (!url) {
        at = tag_end;
        continue;
      }
      std::size_t close = lower.find("</iframe>", tag_end);
      std::size_t next = close == std::string::npos ? tag_end + 1 : close + 9;
      out.append(text.substr(i, frame - i));
      out += embed_link(*url);
      i = at = next;
      if (line_end < next) {  // the iframe went on over lines
        line_end = text.find('\n', next);
        if (line_end == std::string_view::npos) line_end = text.size();
      }
    }
    std::size_t stop = std::min(text.size(), line_end + 1);
    out.append(text.substr(i, stop - i));
    i = stop;
  }
  return out;
}

std::string image_figure(const Attachment& att) {
  return "<figure><img src=\"" + render::escape_html(att.url) + "\" alt=\"" +
         render::escape_html(att.alt) + "\">" +
         (att.caption.empty()
              ? ""
              : "<figcaption>" + render::escape_html(att.caption) + "</figcaption>") +
         "</figure>";
}

// Where the brackets of a text are, found in one pass, so that expanding any number of
// shortcodes (nested, unclosed, unknown) stays linear: each search is a binary search.
class BracketIndex {
 public:
  explicit BracketIndex(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == ']') {
        closes_.push_back(i);
        if (i + 1 < text.size() && text[i + 1] == ']') doubles_.push_back(i);
      } else if (text[i] == '[' && i + 1 < text.size() && text[i + 1] == '/') {
        std::size_t j = i + 2;
        while (j < text.size() && text[j] != ']' && text[j] != '[' && j - i < 64) ++j;
        if (j < text.size() && text[j] == ']')
          end_tags_[std::string(text.substr(i + 2, j - i - 2))].push_back(i);
      }
    }
  }
  // The first ']' (or "]]", or "[/name]") at or after `from` and before `end`, or npos.
  std::size_t close(std::size_t from, std::size_t end) const { return first(closes_, from, end); }
  std::size_t double_close(std::size_t from, std::size_t end) const {
    return first(doubles_, from, end);
  }
  std::size_t end_tag(const std::string& name, std::size_t from, std::size_t end) const {
    auto it = end_tags_.find(name);
    return it == end_tags_.end() ? std::string_view::npos : first(it->second, from, end);
  }

 private:
  static std::size_t first(const std::vector<std::size_t>& at, std::size_t from, std::size_t end) {
    auto it = std::lower_bound(at.begin(), at.end(), from);
    return it == at.end() || *it >= end ? std::string_view::npos : *it;
  }
  std::vector<std::size_t> closes_, doubles_;
  std::map<std::string, std::vector<std::size_t>> end_tags_;
};

struct Shortcodes {
  const AttachmentLookup& attachments;
  const std::vector<std::int64_t>& children;
  ContentReport& report;

  std::string expand(std::string_view text) {
    BracketIndex index(text);
    return expand(text, index, 0, text.size());
  }

  // Replaces the shortcodes Khabar knows in text[begin, end); leaves the others (reported)
  // as they are. A [caption]'s inside is expanded too; its end tag is the first after it,
  // so that inside holds no complete [caption] of its own: the recursion is one level deep.
  std::string expand(std::string_view text, const BracketIndex& index, std::size_t begin,
                     std::size_t end) {
    std::string out;
    out.reserve(end - begin);
    std::size_t i = begin;
    while (i < end) {
      std::size_t open = text.find('[', i);
      if (open == std::string_view::npos || open >= end) break;
      out.append(text.substr(i, open - i));
      i = open;
      if (open + 1 < end && text[open + 1] == '[') {  // [[x]] is how WordPress writes [x]
        std::size_t close = index.double_close(open, end - 1);
        if (close != std::string_view::npos) {
          out.append(text.substr(open + 1, close - open));
          i = close + 2;
          continue;
        }
      }
      std::size_t j = open + 1;
      while (j < end && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_' ||
                         text[j] == '-'))
        ++j;
      std::string name = content::ascii_lower(text.substr(open + 1, j - open - 1));
      std::size_t close = index.close(j, end);
      bool shaped = !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) &&
                    close != std::string_view::npos &&
                    (text[j] == ']' || text[j] == ' ' || text[j] == '/');
      if (!shaped) {
        out += '[';
        ++i;
        continue;
      }
      Attributes a = parse_attributes(text.substr(j, close - j));
      std::size_t end_tag = index.end_tag(name, close, end);
      bool enclosing = end_tag != std::string_view::npos;
      std::size_t inner_begin = close + 1, inner_end = enclosing ? end_tag : inner_begin;
      std::string_view inner = text.substr(inner_begin, inner_end - inner_begin);
      std::size_t next = enclosing ? end_tag + name.size() + 3 : close + 1;
      if (name == "caption" || name == "wp_caption") {
        out += caption_figure(a, enclosing ? expand(text, index, inner_begin, inner_end) : "");
      } else if (name == "gallery") {
        out += gallery(a);
      } else if (name == "audio" || name == "video") {
        out += media_figure(name, a);
      } else if (name == "embed") {
        std::string url = content::trim(enclosing ? inner : attr(a, "src"));
        if (render::is_safe_url(url)) out += embed_link(url);
      } else {
        // Not ours: keep the text, note the name if it looks like a real shortcode.
        if (enclosing || !a.empty()) ++report.unknown_shortcodes[name];
        out += '[';
        i = open + 1;
        continue;
      }
      i = next;
    }
    out.append(text.substr(i, end - i));
    return out;
  }

  // [audio mp3="..."] and [video mp4="..." poster="..."]: a player (the sanitiser keeps
  // its source when the file is on this site) and, under it, a link to the file.
  static std::string media_figure(const std::string& kind, const Attributes& a) {
    static constexpr std::array<const char*, 4> kAudio = {"mp3", "m4a", "ogg", "wav"};
    static constexpr std::array<const char*, 4> kVideo = {"mp4", "m4v", "webm", "ogv"};
    std::string src = attr(a, "src");
    for (const char* format : kind == "audio" ? kAudio : kVideo)
      if (src.empty()) src = attr(a, format);
    if (src.empty() || !render::is_safe_url(src)) return "";
    std::string u = render::escape_html(src);
    std::string name = u.substr(u.rfind('/') + 1);
    std::string poster = attr(a, "poster");
    return "<figure><" + kind + " src=\"" + u + "\"" +
           (poster.empty() ? "" : " poster=\"" + render::escape_html(poster) + "\"") + "></" +
           kind + "><figcaption><a href=\"" + u + "\">" + name + "</a></figcaption></figure>";
  }

  std::string gallery(const Attributes& a) {
    std::vector<std::int64_t> ids;
    std::string listed = attr(a, "ids");  // split() returns views into it
    for (std::string_view id : content::split(listed, ','))
      if (auto n = content::parse_integer(content::trim(id))) ids.push_back(*n);
    if (listed.empty()) ids = children;
    std::string out = "<figure class=\"gallery\">";
    int shown = 0;
    for (auto id : ids)
      if (const Attachment* att = attachments(id)) out += image_figure(*att), ++shown;
    return shown ? out + "</figure>" : "";
  }
};

}  // namespace

std::string autop(std::string_view input) {
  std::string text;
  text.reserve(input.size() + input.size() / 8);
  // Line breaks made uniform; pre blocks set aside; "\n\n" around block-level tags.
  std::vector<std::string> pres;
  for (std::size_t i = 0; i < input.size(); ++i) {
    char c = input[i];
    if (c == '\r') {
      if (i + 1 < input.size() && input[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '<') {
      auto tag = tag_at(input, i);
      if (tag && tag->first == "pre" && !tag->second) {
        std::size_t end = input.find("</pre>", i);
        end = end == std::string_view::npos ? input.size() : end + 6;
        text += "\n\n\x01" + std::to_string(pres.size()) + "\x01\n\n";
        pres.emplace_back(input.substr(i, end - i));
        i = end - 1;
        continue;
      }
      if (tag && is_block(tag->first)) {
        std::size_t end = input.find('>', i);
        if (end == std::string_view::npos) end = input.size() - 1;
        if (!tag->second) text += "\n\n";
        text.append(input.substr(i, end + 1 - i));
        if (tag->second || tag->first == "hr" || tag->first == "br")
          text += "\n\n";
        else
          text += "\n";
        i = end;
        continue;
      }
    }
    text += c;
  }
  std::string out;
  out.reserve(text.size() + 64);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t blank = text.find("\n\n", pos);
    std::string_view chunk = std::string_view(text).substr(
        pos, blank == std::string::npos ? std::string::npos : blank - pos);
    pos = blank == std::string::npos ? text.size() : blank + 2;
    std::string piece = content::trim(chunk);
    if (piece.empty()) continue;
    if (piece.front() == '\x01') {  // a pre block, as it was
      out += pres[static_cast<std::size_t>(std::stoul(piece.substr(1)))] + "\n";
      continue;
    }
    auto tag = tag_at(piece, 0);
    if (tag && is_block(tag->first)) {
      out += piece + "\n";
      continue;
    }
    out += "<p>";
    for (char c : piece) {
      if (c == '\n')
        out += "<br />\n";
      else
        out += c;
    }
    out += "</p>\n";
  }
  return out;
}

std::string wordpress_to_html(std::string_view content, const AttachmentLookup& attachments,
                              const std::vector<std::int64_t>& children, ContentReport& report,
                              const render::UrlRewrite& rewrite) {
  Shortcodes shortcodes{attachments, children, report};
  std::string html = embeds_as_links(shortcodes.expand(drop_block_comments(content)));
  render::SanitizeNotes notes;
  std::string clean = render::sanitize_html(autop(html), rewrite, &notes);
  report.flattened = notes.flattened;
  return clean;
}

std::string html_to_text(std::string_view html, bool keep_lines) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<') {
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      auto tag = tag_at(html, i);
      bool line = tag && (tag->first == "br" ||
                          (tag->second && (tag->first == "p" || is_block(tag->first))));
      out += keep_lines && line ? (tag->first == "br" ? "\n" : "\n\n") : " ";
      i = end;
      continue;
    }
    if (c == '&') {
      static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kEntities = {
          {{"&amp;", "&"},
           {"&lt;", "<"},
           {"&gt;", ">"},
           {"&quot;", "\""},
           {"&#39;", "'"},
           {"&#039;", "'"},
           {"&nbsp;", " "},
           {"&#8217;", "\u2019"}}};
      bool replaced = false;
      for (auto [entity, text] : kEntities)
        if (html.substr(i, entity.size()) == entity) {
          out += text;
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      if (replaced) continue;
    }
    out += c;
  }
  // Spaces collapsed; with keep_lines, at most one blank line in a row.
  std::string collapsed;
  bool space = true;
  int newlines = 2;
  for (char c : out) {
    if (c == '\r') continue;
    if (keep_lines && c == '\n') {
      while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
      if (newlines < 2) collapsed += '\n';
      ++newlines;
      space = true;
      continue;
    }
    bool is_space = c == ' ' || c == '\n' || c == '\t';
    if (is_space && space) continue;
    collapsed += is_space ? ' ' : c;
    space = is_space;
    if (!is_space) newlines = 0;
  }
  return content::trim(collapsed);
}

std::optional<std::int64_t> parse_wordpress_date(std::string_view d) {
  std::tm tm{};
  if (d.size() < 19 || d.starts_with("0000")) return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len) {
    return content::parse_integer(d.substr(at, len)).value_or(-1);
  };
  long long y = num(0, 4), mo = num(5, 2), da = num(8, 2), h = num(11, 2), mi = num(14, 2),
            s = num(17, 2);
  if (y < 1970 || mo < 1 || mo > 12 || da < 1 || da > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
      s < 0 || s > 60)
    return std::nullopt;
  tm.tm_year = static_cast<int>(y - 1900);
  tm.tm_mon = static_cast<int>(mo - 1);
  tm.tm_mday = static_cast<int>(da);
  tm.tm_hour = static_cast<int>(h);
  tm.tm_min = static_cast<int>(mi);
  tm.tm_sec = static_cast<int>(s);
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace khabar::importers
