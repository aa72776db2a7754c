#include "security/secret.h"

#include <sodium.h>

#include <stdexcept>

namespace khabar::security {
namespace {

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

bool init_crypto() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string new_secret_hex() {
  if (!init_crypto()) throw std::runtime_error("libsodium cannot be initialised");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

bool is_valid_secret(std::string_view hex) {
  if (hex.size() < 64 || hex.size() % 2 != 0) return false;
  for (char c : hex)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

Secret::Secret(std::string_view hex) {
  if (!init_crypto()) throw std::runtime_error("libsodium cannot be initialised");
  if (!is_valid_secret(hex)) throw std::invalid_argument("the site secret must be 64+ hex digits");
  key_.resize(hex.size() / 2);
  std::size_t written = 0;
  sodium_hex2bin(reinterpret_cast<unsigned char*>(key_.data()), key_.size(), hex.data(), hex.size(),
                 nullptr, &written, nullptr);
  key_.resize(written);
}

std::string Secret::keyed_hash(std::string_view purpose, std::string_view message) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key_.data()),
                              key_.size());
  // Purpose and message are length-prefixed so no two pairs hash the same input.
  std::string prefix = std::to_string(purpose.size()) + ":" + std::string(purpose) + ":";
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                                prefix.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return to_hex(mac, sizeof mac);
}

std::string Secret::sign(std::string_view purpose, std::string_view value) const {
  return std::string(value) + "." + keyed_hash(purpose, value);
}

std::optional<std::string> Secret::verify(std::string_view purpose,
                                          std::string_view signed_value) const {
  std::size_t dot = signed_value.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view value = signed_value.substr(0, dot);
  std::string_view mac = signed_value.substr(dot + 1);
  std::string expected = keyed_hash(purpose, value);
  if (mac.size() != expected.size() ||
      sodium_memcmp(mac.data(), expected.data(), expected.size()) != 0)
    return std::nullopt;
  return std::string(value);
}

}  // namespace khabar::security
