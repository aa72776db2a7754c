// Markdown to HTML (md4c, CommonMark + GitHub tables/strikethrough/autolinks).
// Raw HTML in the source is not passed through (it is escaped), and link/image URLs
// other than relative, http(s), mailto and tel become "#", so an article body can never
// inject markup or script. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace khabar::render {

std::string markdown_to_html(std::string_view markdown);

}  // namespace khabar::render
