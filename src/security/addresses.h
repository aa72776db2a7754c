// What may be written down of a client's address: its network, never the address itself
// (IPv4 to /24, IPv6 to /48), as logs and anything else on disk use it. Pure.
#pragma once

#include <string>
#include <string_view>

namespace khabar::security {

// "203.0.113.77" -> "203.0.113.0/24", "2001:db8:1234:5678::1" -> "2001:db8:1234::/48";
// anything that is not an address -> "unknown".
std::string anonymised_address(std::string_view address);

}  // namespace khabar::security
