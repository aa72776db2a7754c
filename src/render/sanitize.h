// The HTML sanitiser: what HTML from outside (a WordPress import) may keep. Parsed with
// gumbo as browsers parse it, then rebuilt from an allow-list of elements and attributes:
// no script, style, frame, form or embedded object survives, no event handler (on*), no
// style attribute, and no URL but http(s), mailto, tel and relative ones. Elements not on
// the list are dropped but their text is kept; dangerous ones are dropped with their
// content; of SVG and MathML only the text is kept. <audio> and <video> (always with
// controls, preload="none") keep a src or poster only on this site (a relative path): a
// file on another host would be fetched before the reader pressed play; a player left
// with nothing to play from here is dropped, its text kept. Thread-safe, pure.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace khabar::render {

// `rewrite`, when given, may replace each safe href/src URL (e.g. an imported site's
// uploads moved into the media library); it returns nothing to keep the URL.
using UrlRewrite = std::function<std::optional<std::string>(std::string_view url)>;

struct SanitizeNotes {
  // Markup nested deeper than the sanitiser keeps (about 100 levels) was flattened: its
  // tags dropped, its text kept.
  bool flattened = false;
};

// Runs in time and memory linear in the input and in bounded stack, whatever its nesting.
std::string sanitize_html(std::string_view html, const UrlRewrite& rewrite = nullptr,
                          SanitizeNotes* notes = nullptr);

// Whether `url` is safe in href/src: http(s), mailto, tel, or relative (no scheme).
bool is_safe_url(std::string_view url);

}  // namespace khabar::render
