#include "search/plain_text.h"

#include <cstdint>
#include <utility>

#include "render/markdown.h"

namespace khabar::search {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (lower(s[at + k]) != prefix[k]) return false;
  return true;
}

// Elements whose content is no text a reader sees.
bool hidden(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "template" || tag == "noscript" ||
         tag == "head" || tag == "title" || tag == "textarea";
}

// Elements that stand on lines of their own.
bool block(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",     "h1",      "h2",         "h3",     "h4",     "h5",         "h6",
      "li",      "dt",      "dd",      "blockquote", "pre",    "figure", "figcaption", "table",
      "caption", "tr",      "td",      "th",         "br",     "hr",     "ul",         "ol",
      "dl",      "section", "article", "aside",      "header", "footer", "address"};
  for (auto b : kBlocks)
    if (tag == b) return true;
  return false;
}

void append_utf8(std::string& out, std::uint32_t c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The character reference at html[at] ('&'): its text and the bytes it takes; the '&'
// alone when it is none this knows (HTML as Khabar writes it uses few).
std::pair<std::string, std::size_t> reference(std::string_view html, std::size_t at) {
  std::size_t semi = html.find(';', at);
  if (semi == std::string_view::npos || semi - at > 10) return {"&", 1};
  std::string_view name = html.substr(at + 1, semi - at - 1);
  std::string out;
  if (name.size() > 1 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::uint32_t c = 0;
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return {"&", 1};
    for (char d : digits) {
      int v = d >= '0' && d <= '9'          ? d - '0'
              : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
              : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                            : -1;
      if (v < 0) return {"&", 1};
      c = c * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      if (c > 0x10FFFF) c = 0x110000;
    }
    append_utf8(out, c);
  } else if (name == "amp") {
    out = "&";
  } else if (name == "lt") {
    out = "<";
  } else if (name == "gt") {
    out = ">";
  } else if (name == "quot") {
    out = "\"";
  } else if (name == "apos") {
    out = "'";
  } else if (name == "nbsp") {
    out = "\u00a0";
  } else {
    return {"&", 1};
  }
  return {out, semi - at + 1};
}

// Text written with white space collapsed: one space between words, one newline between
// blocks, none at either end.
class Writer {
 public:
  explicit Writer(std::size_t capacity) { out_.reserve(capacity); }

  void text(std::string_view s) {
    for (char c : s) {
      if (is_space(c)) {
        if (pending_ == None) pending_ = Space;
        continue;
      }
      if (!out_.empty()) {
        if (pending_ == Line)
          out_ += '\n';
        else if (pending_ == Space)
          out_ += ' ';
      }
      pending_ = None;
      out_ += c;
    }
  }
  void line() { pending_ = Line; }
  std::string take() { return std::move(out_); }

 private:
  enum Pending { None, Space, Line };
  std::string out_;
  Pending pending_ = None;
};

}  // namespace

std::string html_text(std::string_view html) {
  Writer out(html.size());
  std::size_t i = 0, n = html.size();
  while (i < n) {
    char c = html[i];
    if (c == '&') {
      auto [text, used] = reference(html, i);
      out.text(text);
      i += used;
      continue;
    }
    if (c != '<') {
      std::size_t next = html.find_first_of("<&", i);
      if (next == std::string_view::npos) next = n;
      out.text(html.substr(i, next - i));
      i = next;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {  // a comment
      std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    std::size_t j = i + 1;
    bool closing = j < n && html[j] == '/';
    if (closing) ++j;
    std::size_t name_start = j;
    while (j < n && ((html[j] >= 'a' && html[j] <= 'z') || (html[j] >= 'A' && html[j] <= 'Z') ||
                     (html[j] >= '0' && html[j] <= '9')))
      ++j;
    if (j == name_start && !(j < n && (html[j] == '!' || html[j] == '?'))) {
      out.text("<");  // a '<' that starts no tag is text
      ++i;
      continue;
    }
    std::string tag;
    for (std::size_t k = name_start; k < j; ++k) tag += lower(html[k]);
    // The tag's end, past quoted attribute values.
    char quote = 0;
    while (j < n && (quote || html[j] != '>')) {
      if (quote) {
        if (html[j] == quote) quote = 0;
      } else if (html[j] == '"' || html[j] == '\'') {
        quote = html[j];
      }
      ++j;
    }
    i = j < n ? j + 1 : n;
    if (!closing && hidden(tag)) {  // skip to its end tag
      std::string end = "</" + tag;
      std::size_t at = i;
      while (at < n && !(html[at] == '<' && starts_with_nocase(html, at, end))) ++at;
      std::size_t close = at < n ? html.find('>', at) : std::string_view::npos;
      i = close == std::string_view::npos ? n : close + 1;
      continue;
    }
    if (block(tag)) out.line();
  }
  return out.take();
}

bool repeats_opening(std::string_view standfirst, std::string_view text) {
  for (std::string_view ellipsis : {"\u2026", "..."}) {
    while (standfirst.ends_with(' ')) standfirst.remove_suffix(1);
    if (standfirst.ends_with(ellipsis)) standfirst.remove_suffix(ellipsis.size());
  }
  // Letters and digits: ASCII ones, and every byte of any other character (punctuation
  // outside ASCII is rare, and the same on both sides).
  auto counts = [](char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  };
  std::size_t at = 0, compared = 0;
  for (char c : standfirst) {
    if (!counts(c)) continue;
    while (at < text.size() && !counts(text[at])) ++at;
    if (at == text.size() || text[at] != c) return false;
    ++at;
    ++compared;
  }
  return compared > 0;
}

std::string body_text(std::string_view markdown, std::string_view html) {
  if (!html.empty()) return html_text(html);
  if (markdown.empty()) return {};
  return html_text(render::markdown_to_html(markdown));
}

}  // namespace khabar::search
