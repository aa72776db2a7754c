#include "http/cookies.h"

#include <algorithm>

namespace khabar::http {

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  for (const auto& [key, header] : request.headers) {
    if (key != "cookie") continue;
    std::string_view rest = header;
    while (!rest.empty()) {
      std::size_t semi = rest.find(';');
      std::string_view pair = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos || pair.substr(0, eq) != name) continue;
      std::string_view value = pair.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      return std::string(value);
    }
  }
  return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out = std::string(name) + "=" + std::string(value) + "; Path=" + o.path;
  if (o.max_age_seconds != 0) out += "; Max-Age=" + std::to_string(std::max(0, o.max_age_seconds));
  if (o.http_only) out += "; HttpOnly";
  if (o.secure) out += "; Secure";
  if (!o.same_site.empty()) out += "; SameSite=" + o.same_site;
  return out;
}

}  // namespace khabar::http
