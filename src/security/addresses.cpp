#include "security/addresses.h"

#include <arpa/inet.h>

#include <array>

namespace khabar::security {

std::string anonymised_address(std::string_view address) {
  std::string text(address.substr(0, 64));
  std::array<unsigned char, 16> bytes{};
  std::array<char, INET6_ADDRSTRLEN> out{};
  if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) {
    bytes[3] = 0;
    inet_ntop(AF_INET, bytes.data(), out.data(), out.size());
    return std::string(out.data()) + "/24";
  }
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) == 1) {
    for (std::size_t i = 6; i < bytes.size(); ++i) bytes[i] = 0;
    inet_ntop(AF_INET6, bytes.data(), out.data(), out.size());
    return std::string(out.data()) + "/48";
  }
  return "unknown";
}

}  // namespace khabar::security
