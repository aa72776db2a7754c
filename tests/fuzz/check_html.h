// What every fuzz target that makes HTML checks of its output: parsed as a browser would,
// it holds no script-capable element, no event handler or style attribute, and no link to a
// javascript:, data: or vbscript: URL. Aborts (a finding) otherwise.
#pragma once

#include <string_view>

namespace khabar::fuzz {

void check_safe_html(std::string_view html);

}  // namespace khabar::fuzz
