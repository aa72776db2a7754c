// Form bodies: multipart/form-data (uploads) with a boundary taken from the input's first
// line, and application/x-www-form-urlencoded. A clear error or the parts, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/multipart.h"
#include "http/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t line = input.find('\n');
  std::string_view content_type = input.substr(0, line);
  std::string_view body = line == std::string_view::npos ? "" : input.substr(line + 1);
  khabar::http::parse_query(body);
  auto boundary = khabar::http::multipart_boundary(content_type);
  if (!boundary) return 0;
  std::string error;
  auto parts = khabar::http::parse_multipart(body, *boundary, &error, 20);
  if (!parts && error.empty()) std::abort();  // every refusal says why
  if (parts && parts->size() > 20) std::abort();
  return 0;
}
