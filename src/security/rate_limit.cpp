#include "security/rate_limit.h"

namespace khabar::security {

bool FloodGate::allow(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (last_.size() > 100000) {
    for (auto it = last_.begin(); it != last_.end();)
      it = now - it->second >= interval_ ? last_.erase(it) : std::next(it);
  }
  auto it = last_.find(key);
  if (it != last_.end() && now - it->second < interval_) return false;
  last_[key] = now;
  return true;
}

long FloodGate::retry_after(const std::string& key, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto it = last_.find(key);
  if (it == last_.end() || now - it->second >= interval_) return 0;
  auto left = interval_ - (now - it->second);
  return static_cast<long>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

void FloodGate::set_interval(std::chrono::seconds interval) {
  std::lock_guard lock(mutex_);
  interval_ = interval;
}

}  // namespace khabar::security
