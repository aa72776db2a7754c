#include "security/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include "content/urls.h"
#include "security/secret.h"

namespace khabar::security {
namespace {

constexpr unsigned kStep = 30;
constexpr unsigned kDigits = 6;

void init_oath() {
  static const bool ok = oath_init() == OATH_OK;
  if (!ok) throw std::runtime_error("liboath cannot be initialised");
}

std::optional<std::string> decode(std::string_view base32) {
  init_oath();
  char* raw = nullptr;
  size_t len = 0;
  std::string in(base32);
  if (oath_base32_decode(in.data(), in.size(), &raw, &len) != OATH_OK) return std::nullopt;
  std::string out(raw, len);
  sodium_memzero(raw, len);
  std::free(raw);
  return out;
}

}  // namespace

std::string new_totp_secret() {
  init_oath();
  if (!init_crypto()) throw std::runtime_error("libsodium cannot be initialised");
  unsigned char bytes[20];
  randombytes_buf(bytes, sizeof bytes);
  char* out = nullptr;
  size_t len = 0;
  if (oath_base32_encode(reinterpret_cast<const char*>(bytes), sizeof bytes, &out, &len) != OATH_OK)
    throw std::runtime_error("cannot encode a TOTP secret");
  std::string secret(out, len);
  std::free(out);
  while (!secret.empty() && secret.back() == '=') secret.pop_back();
  return secret;
}

std::string totp_uri(std::string_view base32_secret, std::string_view issuer,
                     std::string_view account) {
  std::string label = content::percent_encode(std::string(issuer) + ":" + std::string(account));
  return "otpauth://totp/" + label + "?secret=" + std::string(base32_secret) +
         "&issuer=" + content::percent_encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

std::string totp_code(std::string_view base32_secret, std::int64_t unix_time) {
  auto key = decode(base32_secret);
  if (!key) throw std::invalid_argument("not a base32 TOTP secret");
  char otp[kDigits + 1] = {};
  int rc = oath_totp_generate(key->data(), key->size(), static_cast<time_t>(unix_time), kStep, 0,
                              kDigits, otp);
  sodium_memzero(key->data(), key->size());
  if (rc != OATH_OK) throw std::runtime_error("cannot compute a TOTP code");
  return otp;
}

std::optional<std::int64_t> totp_match(std::string_view base32_secret, std::string_view code,
                                       std::int64_t unix_time) {
  std::string digits;
  for (char c : code)
    if (c != ' ') digits += c;
  if (digits.size() != kDigits) return std::nullopt;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  auto key = decode(base32_secret);
  if (!key) return std::nullopt;
  int position = 0;
  int rc = oath_totp_validate2(key->data(), key->size(), static_cast<time_t>(unix_time), kStep, 0,
                               1, &position, digits.c_str());
  sodium_memzero(key->data(), key->size());
  if (rc < 0) return std::nullopt;
  return unix_time / kStep + position;
}

std::vector<std::string> new_recovery_codes() {
  if (!init_crypto()) throw std::runtime_error("libsodium cannot be initialised");
  constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  std::vector<std::string> codes;
  for (int i = 0; i < 10; ++i) {
    std::string code;
    for (int j = 0; j < 10; ++j) {
      if (j == 5) code += '-';
      code += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

std::string normalise_recovery_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace khabar::security
