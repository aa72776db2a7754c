// The public URL scheme (docs/urls.md). Every link the site prints comes from here.
// Slugs may hold non-ASCII letters; they are percent-encoded as UTF-8 in URLs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace khabar::content {

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string percent_encode(std::string_view text);
// Decodes %XX escapes (and '+' as space when `plus_is_space`). Empty optional for a
// malformed escape or a decoded NUL byte.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space = false);
// A path with each segment percent-encoded and the slashes kept.
std::string percent_encode_path(std::string_view path);

std::string article_url(std::string_view slug);                 // /<slug>/
std::string category_url(std::string_view path);                // /category/world/asia/
std::string tag_url(std::string_view slug);                     // /tag/<slug>/
std::string author_url(std::string_view slug);                  // /author/<slug>/
std::string feed_url(std::string_view listing_url);             // <listing>feed/
std::string atom_feed_url(std::string_view listing_url);        // <listing>feed/atom/
std::string paged_url(std::string_view listing_url, int page);  // <listing>page/N/ (1 = listing)

}  // namespace khabar::content
