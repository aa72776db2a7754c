#include "admin/session.h"

#include <sodium.h>

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
    *why = "This form has expired or was not sent from this site's admin. Go back, reload "
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

std::string anonymous_form_token(const Context& ctx) {
  return ctx.secret.sign("admin-anonymous-form", std::to_string(ctx.now));
}

bool anonymous_form_token_ok(const Context& ctx) {
  auto value = ctx.secret.verify("admin-anonymous-form", ctx.form.get("_csrf"));
  auto made = value ? content::parse_integer(*value) : std::nullopt;
  if (!made || *made > ctx.now + 60 || ctx.now - *made > 86400) return false;
  std::string why;
  return from_this_site(ctx, &why);
}

}  // namespace khabar::admin
