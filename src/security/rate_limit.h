// Flood control: at most one event per key within an interval (e.g. one comment per
// client every 15 s), and a budget of events per minute (searches). In memory, per
// process. Thread-safe.
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
// Clients by a keyed hash under a random key that is never written anywhere and is
// replaced every day: nothing remembered under it can be reversed from a backup or a
// core file's worth of addresses. Not thread-safe (its owners lock).
class ClientDigests {
 public:
  using Clock = std::chrono::steady_clock;
  ClientDigests();
  // `client`'s digest; `renewed` is set when the key was replaced just now (everything
  // remembered under the old one is to be forgotten).
  std::string of(std::string_view client, Clock::time_point now, bool& renewed);
  std::string of(std::string_view client) const;  // under the current key

 private:
  std::string key_;
  Clock::time_point made_;
};

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
  ClientDigests digests_;
};

// At most `per_minute` events per client in any minute, spent evenly or at once (a
// generic cell rate: each event moves the client's "free again" time on by a minute /
// per_minute; an event is refused while that time is more than a minute ahead).
class RateBudget {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateBudget(int per_minute);

  // True (and the event counted) if `client` has budget left at `now`.
  bool allow(std::string_view client, Clock::time_point now = Clock::now());
  // Seconds until `client` has budget again (0 if it has now).
  long retry_after(std::string_view client, Clock::time_point now = Clock::now()) const;
  void set_per_minute(int per_minute);

 private:
  Clock::duration step_locked() const;
  mutable std::mutex mutex_;
  int per_minute_;
  std::unordered_map<std::string, Clock::time_point> free_at_;
  ClientDigests digests_;
};

}  // namespace khabar::security
