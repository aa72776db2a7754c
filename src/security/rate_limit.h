// Flood control: at most one event per key within an interval (e.g. one comment per
// client every 15 s). In memory, per process. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace khabar::security {

class FloodGate {
 public:
  using Clock = std::chrono::steady_clock;
  explicit FloodGate(std::chrono::seconds interval) : interval_(interval) {}

  // True (and the time is recorded) if `key` had no event within the interval before
  // `now`; false otherwise. Old entries are dropped as the map grows.
  bool allow(const std::string& key, Clock::time_point now = Clock::now());

  // Seconds until `key` may act again (0 if it may now).
  long retry_after(const std::string& key, Clock::time_point now = Clock::now()) const;

  void set_interval(std::chrono::seconds interval);

 private:
  mutable std::mutex mutex_;
  std::chrono::seconds interval_;
  std::unordered_map<std::string, Clock::time_point> last_;
};

}  // namespace khabar::security
