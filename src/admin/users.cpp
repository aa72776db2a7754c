// Users: list, invite (with a one-time set-password link), change role, disable and
// enable, reset two-factor, new link. Administrators only.
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/text.h"
#include "newsroom/accounts.h"

namespace khabar::admin {
namespace {

http::Response user_list(Context& ctx, int status, std::string_view error,
                         const newsroom::NewAccount& draft) {
  AdminPage page(ctx, "admin/users.tpl", "Users");
  auto& d = page.main();
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done")) page.notice("Done: " + *done + ".");
  ListPage p = list_page(ctx);
  std::vector<store::Account> found;
  for (auto& a : ctx.accounts().accounts())
    if (matches(a.display_name, p.query) || matches(a.login, p.query) || matches(a.email, p.query))
      found.push_back(std::move(a));
  page.list_controls(p, found.size(), "/admin/users", "users");
  for (std::size_t i = p.offset(); i < found.size() && i < p.offset() + ListPage::kSize; ++i) {
    const auto& a = found[i];
    auto* row = d.AddSectionDictionary("USER");
    row->SetIntValue("ID", static_cast<long>(a.id));
    row->SetValue("NAME", a.display_name);
    row->SetValue("LOGIN", a.login);
    row->SetValue("EMAIL", a.email);
    row->SetValue("ROLE", std::string(to_string(a.role)));
    row->SetValue("CSRF", ctx.user->csrf);
    row->SetValue("STATE", a.disabled                ? "disabled"
                           : a.password_hash.empty() ? "invited"
                                                     : "active");
    row->SetValue("TWO_FACTOR", a.totp_sealed.empty() ? "off" : "on");
    for (content::Role r : content::all_roles()) {
      auto* option = row->AddSectionDictionary("ROLE_OPTION");
      option->SetValue("VALUE", std::string(to_string(r)));
      if (r == a.role) option->ShowSection("SELECTED");
    }
    row->ShowSection(a.disabled ? "CAN_ENABLE" : "CAN_DISABLE");
    if (!a.totp_sealed.empty()) row->ShowSection("CAN_RESET_2FA");
  }
  d.SetValue("NEW_LOGIN", draft.login);
  d.SetValue("NEW_EMAIL", draft.email);
  d.SetValue("NEW_NAME", draft.display_name);
  for (content::Role r : content::all_roles()) {
    auto* option = d.AddSectionDictionary("NEW_ROLE");
    option->SetValue("VALUE", std::string(to_string(r)));
    if (r == draft.role) option->ShowSection("SELECTED");
  }
  return page.render(status);
}

// The new link goes to the user's email when the site sends email and the account has an
// address: then the administrator never sees it. Otherwise it is shown, to pass on.
http::Response link_page(Context& ctx, const store::Account& account, const std::string& link,
                         bool invited) {
  AdminPage page(ctx, "admin/link.tpl", invited ? "User invited" : "Set-password link");
  auto& d = page.main();
  d.SetValue("NAME", account.display_name);
  d.SetValue("LOGIN", account.login);
  d.SetValue("EMAIL", account.email);
  if (invited) d.ShowSection("INVITED");
  if (!invited) d.ShowSection("NEW_LINK");
  bool sent =
      ctx.mails() && !account.email.empty() &&
      ctx.postman->post(invited ? mail::invitation_letter(ctx.site_name(), account, link,
                                                          ctx.user->account.display_name)
                                : mail::password_letter(ctx.site_name(), account, link, false));
  if (sent) {
    d.ShowSection("SENT");
  } else {
    d.ShowSection("SHOWN");
    d.SetValue("LINK", link);
  }
  return page.render(invited ? 201 : 200);
}

}  // namespace

http::Response users(Context& ctx) {
  if (!content::can(ctx.user->account.role, content::Action::ManageUsers)) return forbidden(ctx);
  newsroom::NewAccount draft;
  if (!ctx.is_post()) return user_list(ctx, 200, "", draft);
  draft.login = content::trim(ctx.form.get("login"));
  draft.email = content::trim(ctx.form.get("email"));
  draft.display_name = content::trim(ctx.form.get("display_name"));
  auto role = content::parse_role(ctx.form.get("role"));
  if (role) draft.role = *role;
  if (!role) return user_list(ctx, 422, "Choose a role.", draft);
  auto invitation = newsroom::create_account(ctx.store, draft, ctx.settings.site_url, ctx.now);
  if (!invitation &&
      (invitation.code() == store::Code::Invalid || invitation.code() == store::Code::Conflict))
    return user_list(ctx, 422, invitation.status().message(), draft);
  if (!invitation) return store_refusal(ctx, invitation.status());
  spdlog::info("admin: account {} invited user {} as {}", ctx.user->account.id, draft.login,
               to_string(draft.role));
  auto account = ctx.accounts().account(invitation->user_id);
  return link_page(ctx, *account, invitation->link, true);
}

http::Response user_action(Context& ctx, std::string_view id_text) {
  if (!content::can(ctx.user->account.role, content::Action::ManageUsers)) return forbidden(ctx);
  auto id = content::parse_integer(id_text);
  auto account = id ? ctx.accounts().account(*id) : std::nullopt;
  if (!account) return message_page(ctx, 404, "Not found", "There is no such user.");
  std::string action = ctx.form.get("action");
  auto refuse_last_admin = [&] {
    return message_page(ctx, 409, "Not possible",
                        "This is the site's only enabled administrator. Make someone else an "
                        "administrator first.");
  };
  if (action == "role") {
    auto role = content::parse_role(ctx.form.get("role"));
    if (!role) return message_page(ctx, 400, "Unknown role", "Choose one of the four roles.");
    if (*role != content::Role::Administrator &&
        newsroom::is_last_administrator(ctx.store, account->id))
      return refuse_last_admin();
    ctx.accounts().set_role(account->id, *role);
  } else if (action == "disable") {
    if (account->id == ctx.user->account.id)
      return message_page(ctx, 409, "Not possible", "You cannot disable your own account.");
    if (newsroom::is_last_administrator(ctx.store, account->id)) return refuse_last_admin();
    ctx.accounts().set_disabled(account->id, true);
  } else if (action == "enable") {
    ctx.accounts().set_disabled(account->id, false);
  } else if (action == "reset-2fa") {
    ctx.accounts().set_two_factor(account->id, "", {});
  } else if (action == "link") {
    return link_page(
        ctx, *account,
        newsroom::password_link(ctx.store.accounts(), account->id, ctx.settings.site_url, ctx.now),
        false);
  } else {
    return message_page(ctx, 400, "Unknown action", "That is not a user action.");
  }
  spdlog::info("admin: account {} did {} on user {}", ctx.user->account.id, action, account->login);
  return see_other("/admin/users?done=" + action);
}

}  // namespace khabar::admin
