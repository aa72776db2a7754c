// The HTML sanitiser on any bytes: it must not crash, must stay within bounded memory and
// stack, and must never let markup that runs script through.
#include "render/sanitize.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check_html.h"
#include "render/embeds.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  std::string out = khabar::render::sanitize_html(html);
  khabar::fuzz::check_safe_html(out);
  // Embeds as readers first see them: placeholders, with no frame (render/embeds.h).
  khabar::render::EmbedOptions all;
  for (const auto& p : khabar::render::embed_providers()) all.enabled.emplace_back(p.key);
  khabar::fuzz::check_safe_html(khabar::render::with_embeds(out, all));
  return 0;
}
