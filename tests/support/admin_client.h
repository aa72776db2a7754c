// A signed-in (or not yet) browser for the admin, on the raw test HTTP client: keeps the
// session cookie, finds each page's CSRF token, posts forms, signs in (with a TOTP code
// when asked for one), and creates accounts through the real command line and links.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "support/http_client.h"

namespace khabar::test {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string form_encode(const Fields& fields);
// The value of the first <input name="NAME" value="..."> in `html` (entities decoded).
std::string input_value(const std::string& html, const std::string& name);

// What a browser sends when the first form of `html` whose action is `action` is
// submitted as it stands (no button pressed): every named input (checkboxes and radios
// only when checked; no files), textarea (its text as parsed: the first newline after
// the tag dropped) and select (its selected option, else the first), in document order.
Fields form_fields(const std::string& html, const std::string& action);
// The value of the first field `name` ("" when there is none).
std::string field(const Fields& fields, const std::string& name);
// Sets every field `name` to `value`, or adds one when there is none.
void set_field(Fields& fields, const std::string& name, const std::string& value);

class AdminClient {
 public:
  // `client_ip`, when set, is sent as X-Forwarded-For (the server trusts 127.0.0.1 as a
  // proxy), so that tests can act as different clients for the sign-in throttle.
  explicit AdminClient(int port, std::string client_ip = "")
      : port_(port), client_ip_(std::move(client_ip)) {}

  HttpResponse get(const std::string& target, const std::vector<std::string>& headers = {});
  // Posts `fields` (plus this session's CSRF token unless `csrf` is false).
  HttpResponse post(const std::string& target, Fields fields, bool csrf = true,
                    const std::vector<std::string>& headers = {});

  // Posts a multipart/form-data form: `fields`, the CSRF token, and `files` given as
  // {field name, file name, content}.
  struct Upload {
    std::string field, filename, content;
  };
  HttpResponse post_multipart(const std::string& target, Fields fields,
                              const std::vector<Upload>& files);

  // Signs in through /admin/login; with a `totp_secret`, answers the code step with a
  // code computed from it. Returns the final response (303 on success).
  HttpResponse sign_in(const std::string& login, const std::string& password,
                       const std::string& totp_secret = "");
  // Follows a set-password link (absolute URL) and chooses `password`.
  HttpResponse set_password(const std::string& link, const std::string& password);

  // The session's CSRF token (read from the profile page once and remembered).
  std::string csrf();
  const std::string& session() const { return session_; }
  // The khabar_device cookie (this "browser"'s device id), kept like a browser keeps it.
  const std::string& device() const { return device_; }
  void set_device(std::string d) { device_ = std::move(d); }
  void set_session(std::string s) { session_ = std::move(s), csrf_.clear(); }

 private:
  std::vector<std::string> cookie_headers(std::vector<std::string> headers) const;
  void remember_cookie(const HttpResponse& r);
  int port_;
  std::string client_ip_;
  std::string session_;
  std::string form_cookie_;  // khabar_form: the pre-session cookie of the sign-in forms
  std::string device_;       // khabar_device
  std::string csrf_;
};

// `khabar user add` on `data`; returns the set-password link it printed.
std::string add_user(const std::filesystem::path& data, const std::string& login,
                     const std::string& role, const std::string& display_name = "",
                     const std::string& email = "");

// A new account (`khabar user add`) whose holder chose a password and signed in.
AdminClient signed_in_user(int port, const std::filesystem::path& data, const std::string& login,
                           const std::string& role);

// Posts the editor's form for a new article (expecting 303); returns the new id.
std::string create_article(AdminClient& c, const Fields& fields);

// A password cracklib accepts, different for each `seed`.
std::string strong_password(const std::string& seed);

}  // namespace khabar::test
