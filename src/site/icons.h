// The site's icons (docs/urls.md): /favicon.ico (16, 32 and 48 pixels), the app icons
// /apple-touch-icon.png (180), /icon-192.png and /icon-512.png, and /site.webmanifest;
// made from the library picture chosen as the site icon (its middle, square), else the
// title's first letter on the theme's colour, so that no site answers 404 for them.
// Cached with the site tag (a change of setting makes them again). Internal to site/.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "http/message.h"
#include "site/page_context.h"

namespace khabar::site {

bool is_icon_path(std::string_view path);
// The response for an icon path; nothing when the icon cannot be made.
std::optional<http::Response> site_icon(PageContext& ctx, const std::filesystem::path& media_dir,
                                        std::string_view path);

}  // namespace khabar::site
