// Newsroom accounts as the store keeps them: the private side of users (login, email,
// password hash, two-factor state), sessions, set-password links and the login throttle.
// Same contract as store.h (thread-safe, one transaction per write, StoreError on
// failures of the database itself). Secrets arrive here already hashed or sealed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/capabilities.h"
#include "content/model.h"
#include "store/status.h"

namespace khabar::store {

using content::Id;
using content::Timestamp;

// Notices a user may turn off (Account::notices).
inline constexpr int kNoticeComments = 1;  // comments awaiting moderation (who moderates)
inline constexpr int kNoticeReviews = 2;   // articles submitted for review (who publishes)
inline constexpr int kNoticeSignIns = 4;   // sign-ins from a new device (own; an admin's: all)
inline constexpr int kAllNotices = kNoticeComments | kNoticeReviews | kNoticeSignIns;

struct Account {
  Id id = 0;
  std::string login;  // private
  std::string email;  // private
  std::string display_name;
  std::string slug;
  std::string bio;
  std::string avatar;  // media file or ""
  content::Role role = content::Role::Contributor;
  bool disabled = false;
  std::string password_hash;  // argon2id; "" = none set yet (invited)
  std::string totp_sealed;    // "" = two-factor not enrolled
  std::int64_t totp_last_step = 0;
  Timestamp created_at = 0;
  Timestamp password_changed_at = 0;
  int notices = kAllNotices;  // which notices reach this user by email (bits below)
};

struct SessionRecord {
  std::string id_digest;
  Id user_id = 0;
  Timestamp created_at = 0;
  Timestamp last_seen_at = 0;
  std::string user_agent;
};

struct ProfileChange {
  std::string display_name;
  std::string email;
  std::string bio;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  virtual std::optional<Account> account_by_login(std::string_view login) = 0;
  virtual std::optional<Account> account(Id id) = 0;
  virtual std::vector<Account> accounts() = 0;  // by display name
  virtual std::int64_t count_accounts() = 0;

  virtual bool set_role(Id id, content::Role role) = 0;
  // Disabling ends all sessions and voids the user's set-password links.
  virtual bool set_disabled(Id id, bool disabled) = 0;
  virtual bool update_profile(Id id, const ProfileChange& p) = 0;
  // Sets the public slug (the author page's address, /author/<slug>/): the old address, and
  // any that led to it, answer 301 to the new one. Conflict when another account has it;
  // NotFound for no such account. The caller makes the slug (content::make_slug).
  virtual Status set_public_slug(Id id, std::string_view slug) = 0;
  // Sets which notices reach the user by email (Account::notices).
  virtual bool set_notices(Id id, int notices) = 0;
  // Records that the user signed in from the device whose cookie has this digest; true
  // if it had not been seen for this user before.
  virtual bool remember_device(Id id, std::string_view device_digest, Timestamp now) = 0;
  // Sets the author photo (a media file name, "" for none).
  virtual bool set_avatar(Id id, std::string_view avatar) = 0;
  // Sets the password hash and ends every session of the user but `keep_session`.
  virtual bool set_password_hash(Id id, std::string_view hash, Timestamp now,
                                 std::string_view keep_session = {}) = 0;
  // Enrols (sealed secret + recovery code digests) or, with "" and {}, removes 2FA.
  virtual bool set_two_factor(Id id, std::string_view totp_sealed,
                              const std::vector<std::string>& recovery_digests) = 0;
  // Records that the code of time step `step` was used; false if that step or a later
  // one was already used (a code is good once).
  virtual bool use_totp_step(Id id, std::int64_t step) = 0;
  // Consumes a recovery code; false if the user has no such unused code.
  virtual bool use_recovery_code(Id id, std::string_view digest) = 0;
  virtual std::int64_t count_recovery_codes(Id id) = 0;

  virtual void add_session(const SessionRecord& s) = 0;
  virtual std::optional<SessionRecord> session(std::string_view id_digest) = 0;
  virtual void touch_session(std::string_view id_digest, Timestamp now) = 0;
  virtual bool delete_session(std::string_view id_digest) = 0;
  virtual std::vector<SessionRecord> sessions_of(Id user_id) = 0;  // newest use first

  virtual void add_password_link(std::string_view token_digest, Id user_id,
                                 Timestamp expires_at) = 0;
  // The user of an unexpired link, without using it up.
  virtual std::optional<Id> password_link_user(std::string_view token_digest, Timestamp now) = 0;
  // Uses the link up (with every other link of its user), sets the password and enables
  // the account (an invitation), in one transaction; false if unknown or expired.
  virtual bool redeem_password_link(std::string_view token_digest, std::string_view hash,
                                    Timestamp now) = 0;

  virtual void add_login_failure(std::string_view key, Timestamp at) = 0;
  struct Failures {
    std::int64_t count = 0;
    Timestamp last = 0;
  };
  virtual Failures login_failures(std::string_view key, Timestamp since) = 0;
  virtual void clear_login_failures(std::string_view key) = 0;
};

}  // namespace khabar::store
