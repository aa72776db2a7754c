// Flood control: at most one event per key within an interval (e.g. one comment per
// client every 15 s). In memory, per process. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace khabar::security {

// One event per interval per client. Clients are remembered in memory only, by a keyed
// hash under a random key that is never written anywhere and is replaced every day (the
// remembered clients are forgotten with it): nothing here can be reversed from a backup.
class FloodGate {
 public:
  using Clock = std::chrono::steady_clock;
  explicit FloodGate(std::chrono::seconds interval);

  // True (and the time is recorded) if `client` (an address) had no event within the
  // interval before `now`; false otherwise. Old entries are dropped as the map grows.
  bool allow(std::string_view client, Clock::time_point now = Clock::now());

  // Takes back the event `allow` just recorded for `client` (it did not happen after all:
  // e.g. a comment refused as a duplicate). allow() succeeded only if any earlier event was
  // outside the interval, so forgetting the entry leaves the gate as it was before.
  void forget(std::string_view client);

  // Seconds until `client` may act again (0 if it may now).
  long retry_after(std::string_view client, Clock::time_point now = Clock::now()) const;

  void set_interval(std::chrono::seconds interval);

 private:
  mutable std::mutex mutex_;
  std::chrono::seconds interval_;
  std::unordered_map<std::string, Clock::time_point> last_;
  std::string key_;  // random, in memory only
  Clock::time_point key_made_;
  std::string digest_locked(std::string_view client, Clock::time_point now);
};

}  // namespace khabar::security
