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

// A new random token (session ids, set-password links): 32 bytes as 64 hex digits.
std::string new_token();
// What is stored of a token: its BLAKE2b hash as hex. Someone who reads the database
// cannot use what they read as a cookie or a link.
std::string token_digest(std::string_view token);

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

  // Encrypts `plain` (XSalsa20-Poly1305 under a key derived for `purpose`) as hex; used
  // for what must be read back but must not be readable from a copy of the database
  // alone (two-factor secrets). open() gives nothing if the text was altered.
  std::string seal(std::string_view purpose, std::string_view plain) const;
  std::optional<std::string> open(std::string_view purpose, std::string_view sealed) const;

 private:
  std::string key_;  // raw bytes
};

}  // namespace khabar::security
