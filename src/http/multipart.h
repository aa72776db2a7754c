// multipart/form-data bodies (RFC 7578): what a form with a file input sends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::http {

struct FormPart {
  std::string name;
  std::string filename;      // empty for plain fields
  std::string content_type;  // as the browser said; never trusted for files
  std::string data;
};

// The boundary parameter of a multipart/form-data Content-Type, if it is one.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Splits `body` into its parts. Returns nothing and sets `error` when the body is not
// well-formed (no closing boundary, a part without a name, more than `max_parts` parts).
std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view boundary, std::string* error,
                                                     std::size_t max_parts = 200);

}  // namespace khabar::http
