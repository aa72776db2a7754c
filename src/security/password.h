// Passwords: argon2id hashes (libsodium crypto_pwhash_str, "interactive" limits) and the
// strength rules a newsroom's accounts must meet (length, cracklib's dictionary checks).
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace khabar::security {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 1024;  // argon2 takes any; a form need not

// An argon2id hash string ("$argon2id$v=19$m=...") of `password`.
std::string hash_password(std::string_view password);

// Whether `password` matches `hash`. When `hash` is empty (an unknown user, or one who
// has no password yet) it still spends the same time on a dummy hash and returns false,
// so the answer's timing does not tell whether an account exists.
bool verify_password(std::string_view hash, std::string_view password);

// Why `password` is not good enough, or nothing if it is. `login` and `display_name`
// must not be guessable from it. Uses cracklib's default dictionary.
std::optional<std::string> password_weakness(std::string_view password, std::string_view login,
                                             std::string_view display_name);

}  // namespace khabar::security
