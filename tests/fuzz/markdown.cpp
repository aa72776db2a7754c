// The Markdown renderer (the editor's bodies) on any bytes: no crash, no markup that runs
// script in what it writes.
#include "render/markdown.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check_html.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  khabar::fuzz::check_safe_html(khabar::render::markdown_to_html(text));
  return 0;
}
