// What every admin handler works with: the services, the request, the site settings
// that matter to the admin, and the signed-in user (if any).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/capabilities.h"
#include "content/clock.h"
#include "content/time_zone.h"
#include "http/message.h"
#include "http/multipart.h"
#include "http/static_files.h"
#include "mail/notices.h"
#include "mail/postman.h"
#include "render/theme.h"
#include "security/secret.h"
#include "store/store.h"

namespace khabar::admin {

using content::Id;
using content::Timestamp;

// Admin settings kept in the store's settings table (docs/configuration.md).
struct AdminSettings {
  std::string site_title = "Khabar";
  std::string site_url = "http://127.0.0.1:8080";  // no trailing slash
  int session_idle_minutes = 720;                  // signed out after this long unused
  int session_lifetime_hours = 336;                // and after this long in any case
  bool require_two_factor = false;                 // for every role that publishes
  int login_account_failures = 5;                  // within 15 minutes, then 429
  int login_client_failures = 20;
  content::TimeZone zone;  // the newsroom's: times are shown and typed in it
};
AdminSettings load_admin_settings(store::ReaderReads& reads);

// A form (application/x-www-form-urlencoded body), fields in order.
class Form {
 public:
  Form() = default;
  explicit Form(std::string_view body);
  // The plain fields of a multipart/form-data body.
  explicit Form(const std::vector<http::FormPart>& parts);
  std::string get(std::string_view name) const;  // first value or ""
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct SignedIn {
  store::Account account;
  std::string session_digest;
  std::string csrf;  // the token forms of this session carry
};

struct Context {
  store::Store& store;
  const render::Theme& theme;
  const http::StaticFiles& assets;
  const security::Secret& secret;
  const http::Request& request;
  std::string client_address;
  const content::Clock& clock;
  Timestamp now;  // clock.now() when the request arrived
  AdminSettings settings;
  Form form;                          // the body of a POST
  std::vector<http::FormPart> files;  // its file parts (multipart/form-data)
  std::filesystem::path media_dir;    // uploaded files are kept here
  std::optional<SignedIn> user;
  std::vector<std::string> set_cookies;  // Set-Cookie values the response must carry
  mail::Postman* postman = nullptr;      // email, when [mail] is set (else null)

  // Whether this site sends email ([mail] in khabar.toml).
  bool mails() const { return postman && postman->enabled(); }
  mail::SiteName site_name() const { return {settings.site_title, settings.site_url}; }

  store::AccountStore& accounts() const { return store.accounts(); }
  bool is_post() const { return request.method == "POST"; }
};

// Whether the signed-in user is among `author_ids` (an article's bylines).
content::Ownership ownership_of(const Context& ctx, const std::vector<Id>& author_ids);

}  // namespace khabar::admin
