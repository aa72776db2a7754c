#include "security/rate_limit.h"

#include <sodium.h>

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

FloodGate::FloodGate(std::chrono::seconds interval)
    : interval_(interval), key_(random_key()), key_made_(Clock::now()) {}

std::string FloodGate::digest_locked(std::string_view client, Clock::time_point now) {
  if (now - key_made_ >= kKeyLifetime) {
    key_ = random_key();
    key_made_ = now;
    last_.clear();
  }
  return keyed(key_, client);
}

bool FloodGate::allow(std::string_view client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  std::string key = digest_locked(client, now);
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
  auto it = last_.find(keyed(key_, client));
  if (it == last_.end() || now - it->second >= interval_) return 0;
  auto left = interval_ - (now - it->second);
  return static_cast<long>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

void FloodGate::forget(std::string_view client) {
  std::lock_guard lock(mutex_);
  last_.erase(keyed(key_, client));
}

void FloodGate::set_interval(std::chrono::seconds interval) {
  std::lock_guard lock(mutex_);
  interval_ = interval;
}

}  // namespace khabar::security
