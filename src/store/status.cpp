#include "store/status.h"

namespace khabar::store {

std::string_view to_string(Code code) {
  switch (code) {
    case Code::Ok: return "OK";
    case Code::NotFound: return "Not found";
    case Code::Conflict: return "Conflict";
    case Code::Invalid: return "Invalid";
    case Code::Corrupt: return "Corrupt";
    case Code::Unavailable: return "Unavailable";
  }
  return "Unknown";
}

std::string Outcome::to_string() const {
  std::string out(store::to_string(code_));
  if (!message_.empty()) out += ": " + message_;
  return out;
}

}  // namespace khabar::store
