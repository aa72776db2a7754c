// A reader's comment as HTML: whatever the text, only <p>, <br> and links come out, and the
// links are http(s) only.
#include "render/comment_text.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "check_html.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string html = khabar::render::comment_to_html(text);
  khabar::fuzz::check_safe_html(html);
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    std::string_view tag = std::string_view(html).substr(at);
    if (!tag.starts_with("<p>") && !tag.starts_with("</p>") && !tag.starts_with("<br>") &&
        !tag.starts_with("<a href=\"http") && !tag.starts_with("</a>")) {
      std::fprintf(stderr, "comment made markup: %s\n", html.c_str());
      std::abort();
    }
  }
  return 0;
}
