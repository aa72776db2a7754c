// The newsroom admin under /admin/: sign-in, dashboard, moderation, users, profile,
// two-factor, settings. Never cached; every response carries the admin's security
// headers. Thread-safe: holds no mutable state (everything lives in the store).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "content/clock.h"
#include "http/message.h"
#include "http/static_files.h"
#include "mail/postman.h"
#include "render/theme.h"
#include "security/secret.h"
#include "store/store.h"

namespace khabar::admin {

class Admin {
 public:
  // Uploads (author photos) are written under `media_dir` (served as /media/). "Now"
  // (sessions, schedules, revisions) comes from `clock`, which must outlive the admin.
  Admin(store::Store& store, const render::Theme& theme, const http::StaticFiles& assets,
        const security::Secret& secret, std::filesystem::path media_dir,
        const content::Clock& clock = content::system_clock());

  // Whether `path` belongs to the admin ("/admin" or below it).
  static bool owns(std::string_view path);

  // Whether the request's session cookie names a session that exists and has not expired
  // (one indexed lookup; authenticate() does the full check when the request is handled).
  // Thread-safe.
  bool has_live_session(const http::Request& request) const;

  // Answers a request for an admin path. `client_address` is the reader's address as the
  // site determined it (trusted proxies applied); used for the sign-in throttle.
  http::Response handle(const http::Request& request, std::string client_address) const;

  // Email for the admin's letters (invitations, password resets, notices); without it (or
  // with one whose [mail] has no host) set-password links are shown to the administrator.
  // Set before requests are served; must outlive the admin.
  void set_postman(mail::Postman* postman) { postman_ = postman; }

 private:
  store::Store& store_;
  const render::Theme& theme_;
  const http::StaticFiles& assets_;
  const security::Secret& secret_;
  std::filesystem::path media_dir_;
  const content::Clock& clock_;
  mail::Postman* postman_ = nullptr;
};

}  // namespace khabar::admin
