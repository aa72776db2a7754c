// A reader's comment (plain text) as HTML: everything escaped, blank lines make
// paragraphs, single newlines <br>, and http(s) URLs become links with
// rel="nofollow ugc noopener". No other markup can come out of it. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace khabar::render {

std::string comment_to_html(std::string_view text);

}  // namespace khabar::render
