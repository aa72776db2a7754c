// Account operations shared by the admin screens and the command line (`khabar user`):
// creating a user with a one-time set-password link, new links, and the rules that keep
// a site administrable (there is always an enabled administrator).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/capabilities.h"
#include "store/store.h"

namespace khabar::newsroom {

inline constexpr std::int64_t kPasswordLinkSeconds = 24 * 3600;
inline constexpr std::int64_t kPasswordResetSeconds = 3600;  // "Forgot your password?"

struct NewAccount {
  std::string login;
  std::string email;
  std::string display_name;  // defaults to the login (then the public slug is random)
  content::Role role = content::Role::Contributor;
};

// Why `a` cannot be created (bad login, bad email, a name too long...), or nothing. (A
// login that is taken is found by create_account, in its transaction.)
std::optional<std::string> new_account_problem(const NewAccount& a);

// Creates the account (no password: it can sign in once it has followed the link) and
// returns the account id and a set-password link (valid 24 hours), in one transaction.
// Invalid (with the reason for the person who typed it) when new_account_problem says
// so; Conflict when the login is taken.
struct Invitation {
  content::Id user_id = 0;
  std::string link;
};
store::Result<Invitation> create_account(store::Store& store, const NewAccount& a,
                                         std::string_view site_url, content::Timestamp now);

// A new set-password link for an existing account (earlier links stay valid until used
// or expired; using one voids the others).
std::string password_link(store::AccountStore& accounts, content::Id user_id,
                          std::string_view site_url, std::int64_t now,
                          std::int64_t valid_seconds = kPasswordLinkSeconds);

// Whether taking administrator rights from `user_id` (demoting or disabling it) would
// leave the site without an enabled administrator.
bool is_last_administrator(store::Store& store, content::Id user_id);

}  // namespace khabar::newsroom
