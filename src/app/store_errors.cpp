#include "app/store_errors.h"

namespace khabar::app {

std::optional<http::Response> store_error_response(const store::StoreError& error) {
  std::optional<http::Response> r;
  switch (error.code) {
    case store::Code::NotFound:
      r = http::Response::plain(404, "It is not there any more: someone removed it meanwhile.");
      break;
    case store::Code::Conflict:
      r = http::Response::plain(
          409,
          "Someone else changed this at the same moment. Nothing you sent was stored: "
          "reload the page and try again.");
      break;
    case store::Code::Unavailable:
      r = http::Response::plain(
          503,
          "The site could not reach its database just now (it is busy or out of space). Nothing "
          "you sent was stored: please try again in a few seconds (your browser's Back button "
          "keeps what you wrote).");
      r->set_header("Retry-After", "5");
      break;
    case store::Code::Ok:
    case store::Code::Invalid:
    case store::Code::Corrupt:
      return std::nullopt;
  }
  r->cache_control = "no-store";
  return r;
}

}  // namespace khabar::app
