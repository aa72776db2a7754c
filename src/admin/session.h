// Admin sessions: a 256-bit random id in the `khabar_session` cookie (HttpOnly,
// SameSite=Lax, Secure on https sites); the store keeps only its digest. Sessions end
// after the idle time and the lifetime in the settings, on sign-out, revocation,
// password change or when the account is disabled. Every state-changing request
// carries the session's CSRF token and, when the browser sends them, an Origin/Referer
// of this site.
#pragma once

#include <optional>
#include <string>

#include "admin/context.h"

namespace khabar::admin {

inline constexpr std::string_view kSessionCookie = "khabar_session";

// The signed-in user of the request, if its session cookie names a live session of an
// enabled account. Refreshes the session's last use (at most once a minute).
std::optional<SignedIn> authenticate(const Context& ctx);

// Starts a session for `account`; returns the Set-Cookie header value.
std::string start_session(const Context& ctx, const store::Account& account);
// A Set-Cookie header value that removes the session cookie.
std::string end_session_cookie(const Context& ctx);

// The browser's device id: a random value in the `khabar_device` cookie (Path=/admin,
// HttpOnly, 400 days), made at its first sign-in; the store keeps a keyed hash of it per
// account, so that a sign-in from a device not seen before can be told (notices).
inline constexpr std::string_view kDeviceCookie = "khabar_device";
struct Device {
  std::string digest;      // what the store keeps
  std::string set_cookie;  // the Set-Cookie value that keeps (or makes) the cookie
};
Device device_of(const Context& ctx);

// The CSRF token of the session whose cookie value is `session_token`.
std::string csrf_token(const security::Secret& secret, std::string_view session_token);

// Whether a state-changing request is this site's own: the `_csrf` field (or the
// X-CSRF-Token header) equals `expected`, and Origin/Referer, when present, name this
// site. Sets `why` when it is not.
bool genuine_request(const Context& ctx, std::string_view expected, std::string* why);
// Only the Origin/Referer part of that.
bool from_this_site(const Context& ctx, std::string* why);

// Login and set-password forms have no session yet. Their token is bound to a pre-session
// cookie of the browser (`khabar_form`, set on the first form, SameSite=Strict), signed with
// the time it was made, good for two hours and once; the request must come with an Origin
// (or Referer) of this site, never "null". So another site cannot sign a victim into an
// account of its choosing (login CSRF).
inline constexpr std::string_view kFormCookie = "khabar_form";
std::string anonymous_form_token(Context& ctx);
bool anonymous_form_token_ok(Context& ctx);

}  // namespace khabar::admin
