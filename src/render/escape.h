// Escaping for the few places that build markup outside templates (templates escape
// by themselves: ctemplate AUTOESCAPE).
#pragma once

#include <string>
#include <string_view>

namespace khabar::render {

// &, <, >, " and ' as entities: safe in HTML/XML text and quoted attributes.
std::string escape_html(std::string_view text);

// JSON text made safe inside <script type="application/ld+json">: '<', '>' and '&' as
// \u escapes so no "</script>" or "<!--" can appear.
std::string script_safe_json(std::string_view json);

}  // namespace khabar::render
