// Checking a second-factor code at sign-in: a TOTP code (each time step good once) or
// one of the account's recovery codes (each good once).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "admin/context.h"

namespace khabar::admin {

bool second_factor_ok(const Context& ctx, const store::Account& account, std::string_view code);

// What the store keeps of a recovery code: a keyed hash bound to the user.
std::string recovery_digest(const Context& ctx, Id user_id, std::string_view code);

// The TOTP secret of an account, unsealed with the site secret.
std::optional<std::string> totp_secret(const Context& ctx, const store::Account& account);
std::string seal_totp_secret(const Context& ctx, std::string_view secret);

}  // namespace khabar::admin
