// The site secret and what is derived from it: keyed hashes and signed values.
// Uses libsodium (HMAC-SHA-256, randombytes). All functions are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace khabar::security {

// Initialises libsodium once; returns false if it cannot (no entropy source).
bool init_crypto();

// 32 random bytes as 64 hex digits: a new site secret.
std::string new_secret_hex();

// Whether `hex` is a usable secret (at least 32 bytes as hex digits).
bool is_valid_secret(std::string_view hex);

class Secret {
 public:
  // `hex` must satisfy is_valid_secret.
  explicit Secret(std::string_view hex);

  // HMAC-SHA-256 of `message` under a key derived for `purpose`, as hex (64 digits).
  // Different purposes give unrelated values for the same message.
  std::string keyed_hash(std::string_view purpose, std::string_view message) const;

  // `value` + "." + a MAC binding it to `purpose`. The value must not contain '.'.
  std::string sign(std::string_view purpose, std::string_view value) const;
  // The value of a signed string if its MAC is right (constant-time compare), else nothing.
  std::optional<std::string> verify(std::string_view purpose, std::string_view signed_value) const;

 private:
  std::string key_;  // raw bytes
};

}  // namespace khabar::security
