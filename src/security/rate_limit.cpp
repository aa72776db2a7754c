#include "security/rate_limit.h"

#include <sodium.h>

#include <algorithm>

namespace khabar::security {
namespace {

constexpr auto kKeyLifetime = std::chrono::hours(24);

std::string random_key() {
  std::string key(crypto_generichash_KEYBYTES, '\0');
  randombytes_buf(key.data(), key.size());
  return key;
}

std::string keyed(const std::string& key, std::string_view client) {
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(client.data()),
                     client.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

}  // namespace

ClientDigests::ClientDigests() : key_(random_key()), made_(Clock::now()) {}

std::string ClientDigests::of(std::string_view client, Clock::time_point now, bool& renewed) {
  renewed = now - made_ >= kKeyLifetime;
  if (renewed) {
    key_ = random_key();
    made_ = now;
  }
  return keyed(key_, client);
}

std::string ClientDigests::of(std::string_view client) const { return keyed(key_, client); }

FloodGate::FloodGate(std::chrono::seconds interval) : interval_(interval) {}

bool FloodGate::allow(std::string_view client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  bool renewed = false;
  std::string key = digests_.of(client, now, renewed);
  if (renewed) last_.clear();
  if (last_.size() > 100000) {
    for (auto it = last_.begin(); it != last_.end();)
      it = now - it->second >= interval_ ? last_.erase(it) : std::next(it);
  }
  auto it = last_.find(key);
  if (it != last_.end() && now - it->second < interval_) return false;
  last_[key] = now;
  return true;
}

long FloodGate::retry_after(std::string_view client, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto it = last_.find(digests_.of(client));
  if (it == last_.end() || now - it->second >= interval_) return 0;
  auto left = interval_ - (now - it->second);
  return static_cast<long>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

void FloodGate::forget(std::string_view client) {
  std::lock_guard lock(mutex_);
  last_.erase(digests_.of(client));
}

void FloodGate::set_interval(std::chrono::seconds interval) {
  std::lock_guard lock(mutex_);
  interval_ = interval;
}

RateBudget::RateBudget(int per_minute) : per_minute_(per_minute < 1 ? 1 : per_minute) {}

RateBudget::Clock::duration RateBudget::step_locked() const {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::minutes(1)) / per_minute_;
}

bool RateBudget::allow(std::string_view client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  bool renewed = false;
  std::string key = digests_.of(client, now, renewed);
  if (renewed) free_at_.clear();
  if (free_at_.size() > 100000) {
    for (auto it = free_at_.begin(); it != free_at_.end();)
      it = it->second <= now ? free_at_.erase(it) : std::next(it);
  }
  auto& free_at = free_at_[key];
  Clock::time_point from = std::max(free_at, now);
  if (from + step_locked() - now > std::chrono::minutes(1)) return false;
  free_at = from + step_locked();
  return true;
}

long RateBudget::retry_after(std::string_view client, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto it = free_at_.find(digests_.of(client));
  if (it == free_at_.end()) return 0;
  auto late = it->second + step_locked() - now - std::chrono::minutes(1);
  if (late <= Clock::duration::zero()) return 0;
  return static_cast<long>(std::chrono::ceil<std::chrono::seconds>(late).count());
}

void RateBudget::set_per_minute(int per_minute) {
  std::lock_guard lock(mutex_);
  per_minute_ = per_minute < 1 ? 1 : per_minute;
}

}  // namespace khabar::security
