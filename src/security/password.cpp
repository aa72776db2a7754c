#include "security/password.h"

#include <crack.h>
#include <sodium.h>

#include <cctype>
#include <mutex>
#include <stdexcept>

#include "content/text.h"
#include "security/secret.h"

namespace khabar::security {
namespace {

constexpr auto kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr auto kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

const std::string& dummy_hash() {
  static const std::string hash = hash_password("khabar-dummy-password-for-timing");
  return hash;
}

// The letters of a password, lower case; with `unleet`, digits and symbols that stand
// for letters (p@ssw0rd) first turned back into them.
std::string letters_of(std::string_view password, bool unleet) {
  std::string out;
  for (char c : password) {
    if (unleet) {
      switch (c) {
        case '0':
          c = 'o';
          break;
        case '1':
          c = 'i';
          break;
        case '3':
          c = 'e';
          break;
        case '4':
        case '@':
          c = 'a';
          break;
        case '5':
        case '$':
          c = 's';
          break;
        case '7':
          c = 't';
          break;
        default:
          break;
      }
    }
    if (std::isalpha(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::string hash_password(std::string_view password) {
  if (!init_crypto()) throw std::runtime_error("libsodium cannot be initialised");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), kOps, kMem) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (!init_crypto()) return false;
  bool known = !hash.empty() && hash.size() < crypto_pwhash_STRBYTES;
  std::string stored(known ? hash : std::string_view(dummy_hash()));
  bool match = crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
  return known && match;
}

std::optional<std::string> password_weakness(std::string_view password, std::string_view login,
                                             std::string_view display_name) {
  if (password.size() < kMinPasswordLength)
    return "The password must have at least " + std::to_string(kMinPasswordLength) + " characters.";
  if (password.size() > kMaxPasswordLength)
    return "The password must have at most " + std::to_string(kMaxPasswordLength) + " characters.";
  std::string p = content::ascii_lower(password);
  for (std::string_view name : {login, display_name}) {
    std::string n = content::ascii_lower(name);
    if (n.size() >= 4 && p.find(n) != std::string::npos)
      return "The password must not contain your login or your name.";
  }
  if (password.find('\0') != std::string_view::npos)
    return "The password must not contain a NUL character.";
  // A word said twice ("kabul2026kabul") is one word.
  std::string letters = letters_of(password, false);
  std::size_t half = letters.size() / 2;
  if (letters.size() >= 6 && letters.size() % 2 == 0 &&
      letters.compare(0, half, letters, half) == 0)
    return "This password is too easy to guess: it repeats itself.";
  // cracklib keeps state between calls and is not documented as thread-safe.
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::string copy(password);
  if (const char* reason = FascistCheck(copy.c_str(), GetDefaultCracklibDict())) {
    std::string why(reason);
    if (!why.empty()) why[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(why[0])));
    return "This password is too easy to guess: " + why + ".";
  }
  // cracklib passes a dictionary word with digits or symbols around it ("Summer2026!!",
  // "p@ssw0rd2024"): check the letters on their own as well.
  for (bool unleet : {false, true}) {
    std::string core = letters_of(password, unleet);
    if (core.empty()) continue;
    const char* reason = FascistCheck(core.c_str(), GetDefaultCracklibDict());
    if (reason && std::string_view(reason).find("dictionary") != std::string_view::npos)
      return "This password is too easy to guess: it is a dictionary word with digits or "
             "symbols added.";
  }
  return std::nullopt;
}

}  // namespace khabar::security
