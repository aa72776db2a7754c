// The HTML sanitiser on any bytes: it must not crash, must stay within bounded memory and
// stack, and must never let markup that runs script through.
#include "render/sanitize.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check_html.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  khabar::fuzz::check_safe_html(khabar::render::sanitize_html(html));
  return 0;
}
