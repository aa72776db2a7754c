// Percent-decoding, query strings and slug making on any text. A slug is never empty
// of meaning in a dangerous way: no '/', '?', '#', '%', '.', space or control character,
// valid UTF-8, and making a slug of a slug changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "content/text.h"
#include "content/urls.h"
#include "http/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto decoded = khabar::content::percent_decode(text, true))
    if (decoded->find('\0') != std::string::npos) std::abort();
  khabar::http::parse_query(text);
  khabar::http::parse_target(text);
  std::string slug = khabar::content::make_slug(text);
  for (unsigned char c : slug)
    if (c < 0x20 || c == 0x7f || c == '/' || c == '?' || c == '#' || c == '%' || c == ' ' ||
        c == '.' || c == '\\') {
      std::fprintf(stderr, "slug '%s' holds 0x%02x\n", slug.c_str(), c);
      std::abort();
    }
  if (!khabar::content::is_valid_utf8(slug)) std::abort();
  if (khabar::content::make_slug(slug) != slug) {
    std::fprintf(stderr, "slug of '%s' is '%s'\n", slug.c_str(),
                 khabar::content::make_slug(slug).c_str());
    std::abort();
  }
  return 0;
}
