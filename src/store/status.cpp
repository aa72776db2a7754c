#include "store/status.h"

namespace khabar::store {

const char* to_string(Code code) {
  switch (code) {
    case Code::Ok:
      return "ok";
    case Code::NotFound:
      return "not found";
    case Code::Conflict:
      return "conflict";
    case Code::Invalid:
      return "invalid";
    case Code::Corrupt:
      return "corrupt";
    case Code::Unavailable:
      return "unavailable";
    case Code::Forbidden:
      return "forbidden";
  }
  return "unknown";
}

int http_status(Code code) {
  switch (code) {
    case Code::NotFound:
      return 404;
    case Code::Conflict:
      return 409;
    case Code::Unavailable:
      return 503;
    case Code::Forbidden:
      return 403;
    case Code::Ok:
    case Code::Invalid:
    case Code::Corrupt:
      return 0;
  }
  return 0;
}

std::string Status::to_string() const {
  if (is_ok()) return "ok";
  std::string out = store::to_string(code_);
  if (!message_.empty()) out += ": " + message_;
  return out;
}

}  // namespace khabar::store
