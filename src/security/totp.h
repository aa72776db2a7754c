// Two-factor codes: TOTP (RFC 6238: HMAC-SHA-1, 30 s steps, 6 digits) with liboath, and
// one-time recovery codes. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::security {

// A new random TOTP secret: 20 bytes, as base32 (what authenticator apps take).
std::string new_totp_secret();

// The otpauth:// URI an authenticator app scans ("Issuer:account").
std::string totp_uri(std::string_view base32_secret, std::string_view issuer,
                     std::string_view account);

// The code for the time step holding `unix_time`.
std::string totp_code(std::string_view base32_secret, std::int64_t unix_time);

// The time step (unix_time / 30) whose code `code` is, within one step either side of
// `unix_time` (clock drift), or nothing. Callers refuse a step they already accepted
// (a code is good once).
std::optional<std::int64_t> totp_match(std::string_view base32_secret, std::string_view code,
                                       std::int64_t unix_time);

// Ten recovery codes, "xxxxx-xxxxx" from an alphabet without look-alike letters.
std::vector<std::string> new_recovery_codes();
// A recovery code as typed, made canonical (lower case, no spaces; the dash optional).
std::string normalise_recovery_code(std::string_view typed);

}  // namespace khabar::security
