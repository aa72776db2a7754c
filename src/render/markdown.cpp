#include "render/markdown.h"

#include <md4c-html.h>

#include <algorithm>
#include <cctype>

#include "render/embeds.h"

namespace khabar::render {
namespace {

// Whether a link target is safe to emit: relative, or http(s)/mailto/tel. The value is
// as md4c wrote it (HTML-escaped); control characters and spaces are ignored the way
// browsers ignore them when they read a scheme.
bool is_safe_url(std::string_view value) {
  std::string scheme;
  for (char c : value) {
    if (c == ':') break;
    if (c == '/' || c == '?' || c == '#') return true;  // no scheme: relative
    if (static_cast<unsigned char>(c) <= ' ') continue;
    if (c == '&') return false;  // an entity inside a scheme: refuse, never guess
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (scheme.size() == value.size()) return true;  // no ':' at all
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

// md4c does not filter URL schemes: neutralise javascript:, data: and the like by
// copying `html` with every unsafe href/src value replaced by "#". Only real attributes
// count: the scan follows md4c's output (text holds no raw '<'; attribute values are
// double-quoted, a quote inside one written &quot;), so " href=\"" inside a title
// attribute is text, not a link (tests/fuzz/markdown.cpp found such a title breaking the
// tag open).
void neutralise_unsafe_urls(std::string& html) {
  std::string out;
  std::size_t copied = 0;
  bool in_tag = false, in_value = false;
  const std::string_view view(html);
  for (std::size_t i = 0; i < view.size(); ++i) {
    char c = view[i];
    if (!in_tag) {
      in_tag = c == '<';
    } else if (in_value) {
      in_value = c != '"';
    } else if (c == '>') {
      in_tag = false;
    } else if (c == '"') {
      in_value = true;
    } else if (c == ' ') {
      std::string_view rest = view.substr(i);
      std::size_t name = rest.starts_with(" href=\"") ? 7 : rest.starts_with(" src=\"") ? 6 : 0;
      if (name == 0) continue;
      std::size_t start = i + name, end = view.find('"', start);
      if (end == std::string_view::npos) break;
      if (!is_safe_url(view.substr(start, end - start))) {
        out.append(html, copied, start - copied);
        out += '#';
        copied = end;
      }
      i = end;  // the value's closing quote: back among the tag's attributes
    }
  }
  if (copied == 0) return;
  out.append(html, copied, std::string::npos);
  html = std::move(out);
}

constexpr std::size_t kPadding = 64;

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 4);
  auto append = [](const MD_CHAR* text, MD_SIZE size, void* userdata) {
    static_cast<std::string*>(userdata)->append(text, size);
  };
  unsigned parser_flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                          MD_FLAG_PERMISSIVEWWWAUTOLINKS | MD_FLAG_NOHTML;
  // md4c 0.4.8 (Debian 12) can read a few bytes past the end of its input (found by
  // tests/fuzz/markdown.cpp): hand it a copy with zero bytes behind the end, so that such a
  // read stays inside memory we own, and drop any zero byte that reaches the output.
  std::string padded;
  padded.reserve(markdown.size() + kPadding);
  padded.append(embed_code_as_links(markdown));
  std::size_t size = padded.size();
  padded.append(kPadding, '\0');
  if (md_html(padded.data(), static_cast<MD_SIZE>(size), append, &out, parser_flags, 0) != 0)
    return {};
  std::erase(out, '\0');
  neutralise_unsafe_urls(out);
  return out;
}

}  // namespace khabar::render
