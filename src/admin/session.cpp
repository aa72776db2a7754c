#include "admin/session.h"

#include <sodium.h>

#include <mutex>
#include <unordered_map>

#include "content/text.h"
#include "http/cookies.h"

namespace khabar::admin {
namespace {

constexpr std::int64_t kTouchEvery = 60;

bool secure_site(const Context& ctx) { return ctx.settings.site_url.starts_with("https://"); }

http::CookieOptions cookie_options(const Context& ctx) {
  http::CookieOptions o;
  o.secure = secure_site(ctx);
  o.http_only = true;
  o.same_site = "Lax";
  o.path = "/";
  return o;
}

bool equal_tokens(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// "scheme://host[:port]" of a URL, or "".
std::string_view origin_of(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::size_t end = url.find('/', scheme + 3);
  return url.substr(0, end);
}

std::string_view host_of(std::string_view origin) {
  std::size_t scheme = origin.find("://");
  return scheme == std::string_view::npos ? origin : origin.substr(scheme + 3);
}

// Whether `origin` is this site: the configured URL's origin, or the Host the request
// was sent to (a site reached by another name, e.g. 127.0.0.1 before DNS is set up).
bool our_origin(const Context& ctx, std::string_view origin) {
  if (origin.empty()) return false;
  if (origin == origin_of(ctx.settings.site_url)) return true;
  std::string_view host = ctx.request.header("host");
  return !host.empty() && host_of(origin) == host;
}

}  // namespace

std::optional<SignedIn> authenticate(const Context& ctx) {
  auto token = http::cookie(ctx.request, kSessionCookie);
  if (!token || token->size() != 64) return std::nullopt;
  std::string digest = security::token_digest(*token);
  auto session = ctx.accounts().session(digest);
  if (!session) return std::nullopt;
  bool idle = ctx.now - session->last_seen_at > ctx.settings.session_idle_minutes * 60LL;
  bool old = ctx.now - session->created_at > ctx.settings.session_lifetime_hours * 3600LL;
  auto account = ctx.accounts().account(session->user_id);
  if (idle || old || !account || account->disabled) {
    ctx.accounts().delete_session(digest);
    return std::nullopt;
  }
  if (ctx.now - session->last_seen_at >= kTouchEvery) ctx.accounts().touch_session(digest, ctx.now);
  return SignedIn{std::move(*account), std::move(digest), csrf_token(ctx.secret, *token)};
}

std::string start_session(const Context& ctx, const store::Account& account) {
  std::string token = security::new_token();
  std::string agent(ctx.request.header("user-agent").substr(0, 200));
  if (!content::is_valid_utf8(agent)) agent.clear();
  ctx.accounts().add_session(
      {security::token_digest(token), account.id, ctx.now, ctx.now, std::move(agent)});
  return http::set_cookie(kSessionCookie, token, cookie_options(ctx));
}

Device device_of(const Context& ctx) {
  auto id = http::cookie(ctx.request, kDeviceCookie);
  std::string token =
      id && id->size() == 64 && security::is_valid_secret(*id) ? *id : security::new_token();
  auto o = cookie_options(ctx);
  o.path = "/admin";
  o.max_age_seconds = 400 * 86400;
  return {ctx.secret.keyed_hash("device", token), http::set_cookie(kDeviceCookie, token, o)};
}

std::string end_session_cookie(const Context& ctx) {
  auto o = cookie_options(ctx);
  o.max_age_seconds = -1;
  return http::set_cookie(kSessionCookie, "", o);
}

std::string csrf_token(const security::Secret& secret, std::string_view session_token) {
  return secret.keyed_hash("csrf", session_token);
}

bool genuine_request(const Context& ctx, std::string_view expected, std::string* why) {
  std::string sent = ctx.form.get("_csrf");
  if (sent.empty()) sent = std::string(ctx.request.header("x-csrf-token"));
  if (!equal_tokens(sent, expected)) {
    *why =
        "This form has expired or was not sent from this site's admin. Go back, reload "
        "the page and try again.";
    return false;
  }
  return from_this_site(ctx, why);
}

bool from_this_site(const Context& ctx, std::string* why) {
  std::string_view origin = ctx.request.header("origin");
  if (!origin.empty() && origin != "null" && !our_origin(ctx, origin)) {
    *why = "This request came from another site (Origin: " + std::string(origin) + ").";
    return false;
  }
  std::string_view referer = ctx.request.header("referer");
  if (origin.empty() && !referer.empty() && !our_origin(ctx, origin_of(referer))) {
    *why = "This request came from another site (Referer).";
    return false;
  }
  return true;
}

namespace {

// Anonymous form tokens already used, until they expire anyway: each is good once.
class UsedTokens {
 public:
  // False when `token` was used before; remembers it until `expires`.
  bool use(const std::string& token, Timestamp now, Timestamp expires) {
    std::lock_guard lock(mutex_);
    if (++inserts_ % 256 == 0) std::erase_if(used_, [&](const auto& e) { return e.second < now; });
    return used_.emplace(token, expires).second;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, Timestamp> used_;
  std::uint64_t inserts_ = 0;
};
UsedTokens used_tokens;

constexpr Timestamp kAnonymousFormSeconds = 2 * 3600;

// The browser's pre-session cookie: 32 hex digits, or nothing.
std::optional<std::string> form_cookie(const Context& ctx) {
  auto value = http::cookie(ctx.request, kFormCookie);
  if (!value || value->size() != 32 ||
      value->find_first_not_of("0123456789abcdef") != std::string::npos)
    return std::nullopt;
  return value;
}

}  // namespace

std::string anonymous_form_token(Context& ctx) {
  auto cookie = form_cookie(ctx);
  if (!cookie) {
    cookie = security::new_token().substr(0, 32);
    http::CookieOptions o = cookie_options(ctx);
    o.same_site = "Strict";
    o.path = "/admin/";
    o.max_age_seconds = 86400;
    ctx.set_cookies.push_back(http::set_cookie(kFormCookie, *cookie, o));
  }
  // <time>-<the cookie's digest>-<a nonce>: bound to this browser, good once.
  return ctx.secret.sign("admin-anonymous-form", std::to_string(ctx.now) + "-" +
                                                     security::token_digest(*cookie).substr(0, 32) +
                                                     "-" + security::new_token().substr(0, 16));
}

bool anonymous_form_token_ok(Context& ctx) {
  std::string sent = ctx.form.get("_csrf");
  auto value = ctx.secret.verify("admin-anonymous-form", sent);
  auto parts = value ? content::split(*value, '-') : std::vector<std::string_view>{};
  auto cookie = form_cookie(ctx);
  if (parts.size() != 3 || !cookie) return false;
  auto made = content::parse_integer(parts[0]);
  if (!made || *made > ctx.now + 60 || ctx.now - *made > kAnonymousFormSeconds) return false;
  if (!equal_tokens(std::string(parts[1]), security::token_digest(*cookie).substr(0, 32)))
    return false;
  // Another site's form sends Origin: null, or (rarely) nothing: both refused here.
  std::string_view origin = ctx.request.header("origin");
  std::string_view referer = ctx.request.header("referer");
  if (origin.empty() && referer.empty()) return false;
  if (origin == "null") return false;
  std::string why;
  if (!from_this_site(ctx, &why)) return false;
  return used_tokens.use(sent, ctx.now, *made + kAnonymousFormSeconds);
}

}  // namespace khabar::admin
