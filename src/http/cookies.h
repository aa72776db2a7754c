// Cookies: reading the Cookie header, writing Set-Cookie.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace khabar::http {

// The value of cookie `name` in the request's Cookie header(s), if present.
std::optional<std::string> cookie(const Request& request, std::string_view name);

struct CookieOptions {
  int max_age_seconds = 0;  // 0: a session cookie; negative: delete the cookie now
  bool secure = false;      // only over https
  bool http_only = true;
  std::string same_site = "Lax";
  std::string path = "/";
};

// A Set-Cookie header value. `value` must be cookie-safe (no ';', ',', spaces, quotes).
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o);

}  // namespace khabar::http
