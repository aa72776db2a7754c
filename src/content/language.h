// Languages and writing direction.
#pragma once

#include <string_view>

namespace khabar::content {

// Whether a BCP 47 language code ("ps", "fa-AF", "ar") is written right to left.
bool is_rtl(std::string_view language);

// "rtl" or "ltr", for the HTML dir attribute.
std::string_view text_direction(std::string_view language);

// Whether `language` is a plausible BCP 47 code: 2-3 letters, optional -subtags.
bool is_valid_language_code(std::string_view language);

}  // namespace khabar::content
