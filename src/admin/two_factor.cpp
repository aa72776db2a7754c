// Two-factor sign-in: enrolment by QR code (the secret travels sealed in the form until
// a first code proves the app has it), ten recovery codes shown once, new codes, off.
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "admin/two_factor_check.h"
#include "content/capabilities.h"
#include "content/text.h"
#include "render/qr_svg.h"
#include "security/password.h"
#include "security/totp.h"

namespace khabar::admin {
namespace {

constexpr std::string_view kEnrolPurpose = "totp-enrolment";

http::Response enrol_page(Context& ctx, int status, std::string_view error,
                          const std::string& secret) {
  const auto& me = ctx.user->account;
  AdminPage page(ctx, "admin/two_factor.tpl", "Two-factor sign-in");
  auto& d = page.main();
  if (!error.empty()) page.error(error);
  auto* enrol = d.AddSectionDictionary("ENROL");
  std::string uri = security::totp_uri(secret, ctx.settings.site_title, me.login);
  enrol->SetValue("QR", render::qr_svg(uri, "QR code to scan with an authenticator app"));
  std::string grouped;
  for (std::size_t i = 0; i < secret.size(); i += 4)
    grouped += (i ? " " : "") + secret.substr(i, 4);
  enrol->SetValue("SECRET", grouped);
  enrol->SetValue("SEALED", ctx.secret.seal(kEnrolPurpose, std::to_string(me.id) + ":" + secret));
  enrol->SetValue("CSRF", ctx.user->csrf);
  if (ctx.settings.require_two_factor && content::publishes(me.role)) d.ShowSection("REQUIRED");
  return page.render(status);
}

http::Response codes_page(Context& ctx, const std::vector<std::string>& codes) {
  AdminPage page(ctx, "admin/two_factor.tpl", "Your recovery codes");
  auto* shown = page.main().AddSectionDictionary("CODES");
  for (const auto& c : codes) shown->AddSectionDictionary("CODE")->SetValue("CODE", c);
  return page.render();
}

std::vector<std::string> digests(Context& ctx, const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  for (const auto& c : codes) out.push_back(recovery_digest(ctx, ctx.user->account.id, c));
  return out;
}

}  // namespace

http::Response two_factor(Context& ctx) {
  const auto& me = ctx.user->account;
  std::string action = ctx.is_post() ? ctx.form.get("action") : "";
  if (me.totp_sealed.empty()) {
    if (action != "enable") return enrol_page(ctx, 200, "", security::new_totp_secret());
    auto sealed = ctx.secret.open(kEnrolPurpose, ctx.form.get("enrol"));
    std::string prefix = std::to_string(me.id) + ":";
    if (!sealed || !sealed->starts_with(prefix))
      return enrol_page(ctx, 400, "The form was damaged; scan this new code.",
                        security::new_totp_secret());
    std::string secret = sealed->substr(prefix.size());
    auto step = security::totp_match(secret, ctx.form.get("code"), ctx.now);
    if (!step)
      return enrol_page(ctx, 422,
                        "That code is not right. Check the time on your phone and enter the "
                        "code the app shows now.",
                        secret);
    auto codes = security::new_recovery_codes();
    ctx.accounts().set_two_factor(me.id, seal_totp_secret(ctx, secret), digests(ctx, codes));
    ctx.accounts().use_totp_step(me.id, *step);
    spdlog::info("admin: account {} turned on two-factor sign-in", me.id);
    return codes_page(ctx, codes);
  }
  if (action == "recovery" || action == "disable") {
    if (!security::verify_password(me.password_hash, ctx.form.get("password")))
      return message_page(ctx, 403, "Not done", "Your password is not right.");
    if (action == "recovery") {
      auto codes = security::new_recovery_codes();
      ctx.accounts().set_two_factor(me.id, me.totp_sealed, digests(ctx, codes));
      return codes_page(ctx, codes);
    }
    if (ctx.settings.require_two_factor && content::publishes(me.role))
      return message_page(ctx, 409, "Not possible",
                          "This site requires two-factor sign-in for your role.");
    ctx.accounts().set_two_factor(me.id, "", {});
    spdlog::info("admin: account {} turned off two-factor sign-in", me.id);
    return see_other("/admin/two-factor");
  }
  AdminPage page(ctx, "admin/two_factor.tpl", "Two-factor sign-in");
  auto* on = page.main().AddSectionDictionary("ENABLED");
  on->SetIntValue("LEFT", static_cast<long>(ctx.accounts().count_recovery_codes(me.id)));
  on->SetValue("CSRF", ctx.user->csrf);
  return page.render();
}

}  // namespace khabar::admin
