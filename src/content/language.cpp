#include "content/language.h"

#include <array>

namespace khabar::content {

bool is_rtl(std::string_view language) {
  std::string_view primary = language.substr(0, language.find('-'));
  static constexpr std::array<std::string_view, 13> rtl = {
      "ar", "arc", "ckb", "dv", "fa", "he", "ks", "prs", "ps", "sd", "ug", "ur", "yi"};
  for (auto code : rtl)
    if (primary == code) return true;
  return false;
}

std::string_view text_direction(std::string_view language) {
  return is_rtl(language) ? "rtl" : "ltr";
}

bool is_valid_language_code(std::string_view language) {
  std::string_view primary = language.substr(0, language.find('-'));
  if (primary.size() < 2 || primary.size() > 3) return false;
  for (char c : language)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  return true;
}

}  // namespace khabar::content
