// Text rules for articles: slugs, excerpts, reading time. Pure functions on UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::content {

// A URL slug from a headline. ASCII letters and digits are lowercased; letters of
// other scripts (Pashto, Dari, Greek...) are kept as they are; everything else
// (spaces, punctuation, symbols, including Arabic-script punctuation) becomes a single
// '-', never leading or trailing. Invalid UTF-8 bytes are dropped. An empty result
// means the text had no letters or digits.
std::string make_slug(std::string_view text);

// The one rule for unique names (slugs, logins): `base` if it is free, else `base-2`,
// `base-3`... the first for which `taken` says no.
std::string first_free(std::string_view base, const std::function<bool(const std::string&)>& taken);

// Whether `display_name` would publish `login` (the same once trimmed, ASCII case aside):
// such a name is never shown as a byline until the newsroom chooses it.
bool names_login(std::string_view display_name, std::string_view login);

// The first `max` bytes of `text`, cut back to a whole UTF-8 character.
std::string truncate_utf8(std::string_view text, std::size_t max);

// Plain text from Markdown, good enough for excerpts, feeds and word counts:
// drops heading/quote/list markers, emphasis, code fences, images and URLs alone on
// their line (embeds), and keeps the text of links. Paragraphs are joined by single spaces.
std::string markdown_to_plain_text(std::string_view markdown);

// `text` without WordPress shortcodes ([poll id="3"], [contact-form-7 ...], [/su_box]):
// bracketed words that begin with a letter, up to 200 bytes long; footnote marks ("[1]")
// and other brackets stay. What a summary shows of a body whose plugin is gone. Linear.
std::string strip_shortcodes(std::string_view text);

// At most `max_chars` code points of `text`, cut at the last word boundary, with
// trailing punctuation trimmed and "…" appended when anything was cut.
std::string make_excerpt(std::string_view text, std::size_t max_chars);

// Whole minutes to read `text` at 200 words a minute; never less than 1.
int reading_minutes(std::string_view text);

// `s` without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view s);

// ASCII letters lowered; other bytes (UTF-8) as they are.
std::string ascii_lower(std::string_view s);

// The non-empty pieces of `text` between occurrences of `separator`.
std::vector<std::string_view> split(std::string_view text, char separator);
// The pieces are views into `text`: a temporary string would leave them dangling.
std::vector<std::string_view> split(std::string&& text, char separator) = delete;
inline std::vector<std::string_view> split(const char* text, char separator) {
  return split(std::string_view(text), separator);
}

// A whole string as a decimal integer (an optional leading '-', then digits only).
std::optional<std::int64_t> parse_integer(std::string_view text);

// Number of code points in valid UTF-8 (invalid bytes count as one each).
std::size_t utf8_length(std::string_view text);

// Whether `text` is valid UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

}  // namespace khabar::content
