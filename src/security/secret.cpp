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

std::string new_token() { return new_secret_hex(); }

std::string token_digest(std::string_view token) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return to_hex(hash, sizeof hash);
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

std::string Secret::seal(std::string_view purpose, std::string_view plain) const {
  std::string key_hex = keyed_hash("seal:" + std::string(purpose), "key");
  unsigned char key[crypto_secretbox_KEYBYTES];
  sodium_hex2bin(key, sizeof key, key_hex.data(), key_hex.size(), nullptr, nullptr, nullptr);
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(bytes, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(bytes + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), bytes,
                        key);
  sodium_memzero(key, sizeof key);
  return to_hex(bytes, out.size());
}

std::optional<std::string> Secret::open(std::string_view purpose, std::string_view sealed) const {
  std::string raw(sealed.size() / 2, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), sealed.data(),
                     sealed.size(), nullptr, &len, nullptr) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  std::string key_hex = keyed_hash("seal:" + std::string(purpose), "key");
  unsigned char key[crypto_secretbox_KEYBYTES];
  sodium_hex2bin(key, sizeof key, key_hex.data(), key_hex.size(), nullptr, nullptr, nullptr);
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  int rc = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                      bytes + crypto_secretbox_NONCEBYTES,
                                      len - crypto_secretbox_NONCEBYTES, bytes, key);
  sodium_memzero(key, sizeof key);
  if (rc != 0) return std::nullopt;
  return plain;
}

}  // namespace khabar::security
