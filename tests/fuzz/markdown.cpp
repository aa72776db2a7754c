// The Markdown renderer (the editor's bodies) on any bytes: no crash, no markup that runs
// script in what it writes.
#include "render/markdown.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check_html.h"
#include "render/embeds.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string out = khabar::render::markdown_to_html(text);
  khabar::fuzz::check_safe_html(out);
  // Embeds as readers first see them: placeholders, with no frame (render/embeds.h).
  khabar::render::EmbedOptions all;
  for (const auto& p : khabar::render::embed_providers()) all.enabled.emplace_back(p.key);
  khabar::fuzz::check_safe_html(khabar::render::with_embeds(out, all));
  return 0;
}
