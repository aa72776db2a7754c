// The letters Khabar writes (invitation, password reset, notices to the newsroom) and who
// receives each notice: enabled accounts with an address, a password and that notice on
// (Account::notices). One letter per recipient.
#pragma once

#include <string>
#include <string_view>

#include "mail/postman.h"
#include "store/store.h"

namespace khabar::mail {

struct SiteName {
  std::string title;
  std::string url;  // no trailing slash
};

Letter invitation_letter(const SiteName& site, const store::Account& account, std::string_view link,
                         std::string_view invited_by);
Letter password_letter(const SiteName& site, const store::Account& account, std::string_view link,
                       bool asked_by_user);

// To those who may publish (but `submitter`): `title` (article `id`) awaits review.
int notify_submitted(Postman& postman, store::Store& store, const SiteName& site, content::Id id,
                     std::string_view title, const store::Account& submitter);

// To the account and to the administrators: `account` signed in from a device not seen
// before. `when` is the newsroom's time, `browser` the user agent, `network` the client's
// anonymised address.
int notify_new_device(Postman& postman, store::Store& store, const SiteName& site,
                      const store::Account& account, std::string_view when,
                      std::string_view browser, std::string_view network);

// To those who moderate: comments await moderation. At most one digest an hour, only for
// comments that arrived since the last one, whichever process sends it.
int moderation_digest(Postman& postman, store::Store& store, content::Timestamp now);

}  // namespace khabar::mail
