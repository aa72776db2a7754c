// Request-target parsing: percent-decoding, query strings, path checks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar::http {

// key=value pairs of a query string, decoded; malformed pairs are skipped.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

struct Target {
  std::string path;   // decoded
  std::string query;  // raw
};

// Splits and decodes an origin-form request target ("/a%20b/?x=1"). Empty optional when
// it is not origin-form, is badly encoded, or its path has a "." or ".." segment.
std::optional<Target> parse_target(std::string_view target);

}  // namespace khabar::http
