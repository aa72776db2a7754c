// Sign-in, sign-out and set-password screens.
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "admin/session.h"
#include "admin/throttle.h"
#include "admin/two_factor_check.h"
#include "content/capabilities.h"
#include "content/text.h"
#include "newsroom/accounts.h"
#include "security/addresses.h"
#include "security/password.h"

namespace khabar::admin {
namespace {

constexpr std::int64_t kSecondStepSeconds = 300;
constexpr std::string_view kWrongLogin = "The login or the password is wrong.";

// Where to go after signing in: an admin path given by the login form, or the dashboard.
std::string next_path(std::string_view next) {
  if (next.starts_with("/admin") && !next.starts_with("//") &&
      next.find_first_of("\r\n\\") == std::string_view::npos)
    return std::string(next);
  return "/admin/";
}

http::Response login_form(Context& ctx, int status, std::string_view error,
                          std::string_view login_value) {
  AdminPage page(ctx, "admin/login.tpl", "Sign in");
  auto& d = page.main();
  d.ShowSection("STEP_PASSWORD");
  d.SetValue("FORM_TOKEN", anonymous_form_token(ctx));
  d.SetValue("LOGIN", std::string(login_value));
  d.SetValue("NEXT", next_path(ctx.is_post() ? ctx.form.get("next")
                                             : ctx.request.query_param("next").value_or("")));
  if (!error.empty()) page.error(error);
  auto said = ctx.request.query_param("done");
  if (said == "password") page.notice("Your password is set. Sign in with it.");
  if (said == "signed-out") page.notice("You are signed out.");
  if (ctx.mails()) d.ShowSection("FORGOT");
  return page.render(status);
}

http::Response code_form(Context& ctx, int status, std::string_view error,
                         const store::Account& account) {
  AdminPage page(ctx, "admin/login.tpl", "Two-factor code");
  auto& d = page.main();
  d.ShowSection("STEP_CODE");
  d.SetValue("FORM_TOKEN", anonymous_form_token(ctx));
  std::string pending = std::to_string(account.id) + "-" +
                        std::to_string(ctx.now + kSecondStepSeconds) + "-" +
                        std::to_string(account.password_changed_at);
  d.SetValue("PENDING", ctx.secret.sign("login-second-step", pending));
  d.SetValue("NEXT", next_path(ctx.form.get("next")));
  if (!error.empty()) page.error(error);
  return page.render(status);
}

http::Response too_many(Context& ctx, std::int64_t wait) {
  spdlog::warn("admin: sign-in throttled from {} ({} s)",
               security::anonymised_address(ctx.client_address), wait);
  auto r = message_page(ctx, 429, "Too many attempts",
                        "Too many failed sign-in attempts. Wait " + std::to_string(wait) +
                            " seconds, then try again.");
  r.set_header("Retry-After", std::to_string(wait));
  return r;
}

// Remembers the browser's device for the account; the first sign-in from one not seen
// before is told to the account and the administrators (when the site sends email).
void note_device(Context& ctx, const store::Account& account) {
  Device device = device_of(ctx);
  ctx.set_cookies.push_back(device.set_cookie);
  if (!ctx.accounts().remember_device(account.id, device.digest, ctx.now)) return;
  spdlog::info("admin: account {} signed in from a new device", account.id);
  if (!ctx.mails()) return;
  std::string browser(ctx.request.header("user-agent").substr(0, 200));
  if (!content::is_valid_utf8(browser)) browser.clear();
  mail::notify_new_device(*ctx.postman, ctx.store, ctx.site_name(), account,
                          admin_time(ctx, ctx.now), browser,
                          security::anonymised_address(ctx.client_address));
}

http::Response signed_in(Context& ctx, const store::Account& account, const ThrottleKeys& keys) {
  record_success(ctx, keys);
  spdlog::info("admin: account {} signed in from {}", account.id,
               security::anonymised_address(ctx.client_address));
  note_device(ctx, account);
  std::string next = next_path(ctx.form.get("next"));
  if (ctx.settings.require_two_factor && account.totp_sealed.empty() &&
      content::publishes(account.role))
    next = "/admin/two-factor";
  auto r = see_other(next);
  r.headers.emplace_back("Set-Cookie", start_session(ctx, account));
  return r;
}

// The second step: the signed "pending" value says who passed the password step, until
// when, and with which password (a password change in between voids it).
http::Response second_step(Context& ctx) {
  auto pending = ctx.secret.verify("login-second-step", ctx.form.get("pending"));
  auto parts = pending ? content::split(*pending, '-') : std::vector<std::string_view>{};
  std::optional<store::Account> account;
  if (parts.size() == 3) {
    auto id = content::parse_integer(parts[0]);
    auto until = content::parse_integer(parts[1]);
    auto changed = content::parse_integer(parts[2]);
    if (id && until && changed && *until >= ctx.now) {
      account = ctx.accounts().account(*id);
      if (account && (account->password_changed_at != *changed || account->disabled))
        account.reset();
    }
  }
  if (!account) return login_form(ctx, 403, "The sign-in took too long. Sign in again.", "");
  auto keys = throttle_keys(ctx, account->login);
  if (auto wait = throttled_for(ctx, keys)) return too_many(ctx, wait);
  if (!second_factor_ok(ctx, *account, ctx.form.get("code"))) {
    record_failure(ctx, keys);
    spdlog::info("admin: wrong two-factor code for account {} from {}", account->id,
                 security::anonymised_address(ctx.client_address));
    return code_form(ctx, 403, "That code is not right (or was already used).", *account);
  }
  return signed_in(ctx, *account, keys);
}

}  // namespace

http::Response login(Context& ctx) {
  if (!ctx.is_post()) {
    if (ctx.user) return see_other("/admin/");
    return login_form(ctx, 200, "", "");
  }
  if (!anonymous_form_token_ok(ctx))
    return login_form(ctx, 403,
                      "The sign-in form had expired or came from another site. Try again.", "");
  if (ctx.form.has("pending")) return second_step(ctx);
  std::string login_name = ctx.form.get("login");
  std::string password = ctx.form.get("password");
  auto keys = throttle_keys(ctx, login_name);
  if (auto wait = throttled_for(ctx, keys)) return too_many(ctx, wait);
  // The same work whether or not the account exists: one argon2id verification.
  auto account = ctx.accounts().account_by_login(login_name);
  bool password_ok = security::verify_password(account ? account->password_hash : "", password);
  if (!account || !password_ok || account->disabled) {
    record_failure(ctx, keys);
    // Never the typed login (often a password typed in the wrong box) nor the address.
    if (account)
      spdlog::info("admin: failed sign-in for account {} from {}", account->id,
                   security::anonymised_address(ctx.client_address));
    else
      spdlog::info("admin: failed sign-in for an unknown login from {}",
                   security::anonymised_address(ctx.client_address));
    return login_form(ctx, 403, kWrongLogin, login_name);
  }
  if (!account->totp_sealed.empty()) {
    std::string code = ctx.form.get("code");
    if (code.empty()) return code_form(ctx, 200, "", *account);
    if (!second_factor_ok(ctx, *account, code)) {
      record_failure(ctx, keys);
      return code_form(ctx, 403, "That code is not right (or was already used).", *account);
    }
  }
  return signed_in(ctx, *account, keys);
}

http::Response logout(Context& ctx) {
  if (!ctx.is_post()) return see_other("/admin/");
  if (ctx.user) {
    std::string why;
    if (!genuine_request(ctx, ctx.user->csrf, &why)) return message_page(ctx, 403, "Refused", why);
    ctx.accounts().delete_session(ctx.user->session_digest);
  }
  auto r = see_other("/admin/login?done=signed-out");
  r.headers.emplace_back("Set-Cookie", end_session_cookie(ctx));
  return r;
}

http::Response set_password(Context& ctx) {
  std::string token =
      ctx.is_post() ? ctx.form.get("token") : ctx.request.query_param("token").value_or("");
  std::string digest = security::token_digest(token);
  auto user_id =
      token.size() == 64 ? ctx.accounts().password_link_user(digest, ctx.now) : std::nullopt;
  auto account = user_id ? ctx.accounts().account(*user_id) : std::nullopt;
  if (!account)
    return message_page(ctx, 410, "Link expired",
                        ctx.mails() ? "This link has expired or was already used. Ask for a "
                                      "new one: \"Forgot your password?\" on the sign-in page."
                                    : "This link has expired or was already used. Ask an "
                                      "administrator for a new one.");
  auto form = [&](int status, std::string_view error) {
    AdminPage page(ctx, "admin/password.tpl", "Choose your password");
    page.main().SetValue("FORM_TOKEN", anonymous_form_token(ctx));
    page.main().SetValue("TOKEN", token);
    page.main().SetValue("NAME", account->display_name);
    page.main().SetValue("LOGIN", account->login);
    page.main().SetIntValue("MIN_LENGTH", static_cast<long>(security::kMinPasswordLength));
    if (!error.empty()) page.error(error);
    return page.render(status);
  };
  if (!ctx.is_post()) return form(200, "");
  if (!anonymous_form_token_ok(ctx))
    return form(403, "The form had expired or came from another site. Try again.");
  std::string password = ctx.form.get("password");
  if (password != ctx.form.get("confirm")) return form(422, "The two passwords are not the same.");
  if (auto weak = security::password_weakness(password, account->login, account->display_name))
    return form(422, *weak);
  if (!ctx.accounts().redeem_password_link(digest, security::hash_password(password), ctx.now))
    return form(410, "This link has expired or was already used.");
  spdlog::info("admin: account {} set a password with a link", account->id);
  return see_other("/admin/login?done=password");
}

// "Forgot your password?": the same answer whether or not an account has that login or
// email, and whether or not a letter is sent; at most kResetsPerHour letters an account an
// hour, and the client's requests count towards its sign-in throttle.
http::Response forgot_password(Context& ctx) {
  constexpr std::int64_t kResetsPerHour = 3;
  AdminPage page(ctx, "admin/forgot.tpl", "Forgot your password?");
  auto& d = page.main();
  if (!ctx.mails()) {
    d.ShowSection("NO_MAIL");
    return page.render(ctx.is_post() ? 404 : 200);
  }
  d.ShowSection("MAIL");
  d.SetValue("FORM_TOKEN", anonymous_form_token(ctx));
  if (!ctx.is_post()) return page.render(200);
  std::string who = content::trim(ctx.form.get("who"));
  d.SetValue("WHO", who);
  if (!anonymous_form_token_ok(ctx)) {
    page.error("The form had expired or came from another site. Try again.");
    return page.render(403);
  }
  auto keys = throttle_keys(ctx, who);
  if (auto wait = throttled_for(ctx, keys)) return too_many(ctx, wait);
  ctx.accounts().add_login_failure(keys.client, ctx.now);
  std::optional<store::Account> account = ctx.accounts().account_by_login(who);
  if (!account && who.find('@') != std::string::npos)
    for (auto& a : ctx.accounts().accounts())
      if (!a.email.empty() && content::ascii_lower(a.email) == content::ascii_lower(who)) {
        account = std::move(a);
        break;
      }
  if (account && !account->disabled && !account->email.empty()) {
    std::string key = "password-reset:" + std::to_string(account->id);
    if (ctx.accounts().login_failures(key, ctx.now - 3600).count < kResetsPerHour) {
      ctx.accounts().add_login_failure(key, ctx.now);
      std::string link = newsroom::password_link(ctx.accounts(), account->id, ctx.settings.site_url,
                                                 ctx.now, newsroom::kPasswordResetSeconds);
      ctx.postman->post(mail::password_letter(ctx.site_name(), *account, link, true));
      spdlog::info("admin: account {} asked for a new password from {}", account->id,
                   security::anonymised_address(ctx.client_address));
    } else {
      spdlog::warn("admin: account {} asked for a new password too often; no letter", account->id);
    }
  } else {
    spdlog::info("admin: a new password was asked for no enabled account from {}",
                 security::anonymised_address(ctx.client_address));
  }
  d.SetValue("WHO", "");
  page.notice(
      "If an account has that login or email address, a link to choose a new password is on "
      "its way to its email. It works once, for one hour.");
  return page.render(200);
}

}  // namespace khabar::admin
