#include "app/store_errors.h"

namespace khabar::app {

std::optional<http::Response> store_error_response(const store::StoreError& error) {
  int status = store::http_status(error.code);
  if (status == 0) return std::nullopt;
  const char* text =
      status == 404   ? "It is not there any more: someone removed it meanwhile."
      : status == 403 ? "That is not yours to do."
      : status == 409
          ? "Someone else changed this at the same moment. Nothing you sent was stored: "
            "reload the page and try again."
          : "The site could not reach its database just now (it is busy or out of space). "
            "Nothing you sent was stored: please try again in a few seconds (your browser's "
            "Back button keeps what you wrote).";
  auto r = http::Response::plain(status, text);
  if (status == 503) r.set_header("Retry-After", std::to_string(store::kRetryAfterSeconds));
  r.cache_control = "no-store";
  return r;
}

}  // namespace khabar::app
