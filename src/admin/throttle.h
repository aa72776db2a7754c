// The login throttle: after `limit` failures of one account (or one client) within 15
// minutes, further attempts are refused (429) for a delay that doubles with every
// failure beyond it: 30 s, 1 min, 2 min... up to 15 min. Kept in the store, so it holds
// across restarts and processes.
#pragma once

#include <string>

#include "admin/context.h"

namespace khabar::admin {

struct ThrottleKeys {
  std::string account;  // "account:" + keyed hash of the login as typed (lower case)
  std::string client;   // "client:" + keyed hash of the client address
};
ThrottleKeys throttle_keys(const Context& ctx, std::string_view login);

// Seconds until an attempt with these keys may be made (0: now).
std::int64_t throttled_for(const Context& ctx, const ThrottleKeys& keys);
void record_failure(const Context& ctx, const ThrottleKeys& keys);
void record_success(const Context& ctx, const ThrottleKeys& keys);

}  // namespace khabar::admin
