#include "admin/admin.h"

#include <algorithm>
#include <chrono>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "admin/session.h"
#include "content/capabilities.h"
#include "content/settings.h"
#include "content/text.h"
#include "content/urls.h"
#include "http/cookies.h"
#include "http/url.h"
#include "security/password.h"
#include "security/secret.h"

namespace khabar::admin {
namespace {

int int_setting(store::ReaderReads& reads, std::string_view key) {
  return content::integer_setting(key, reads.setting(key));
}

http::Response route(Context& ctx) {
  auto seg = content::split(ctx.request.path, '/');  // seg[0] == "admin"
  std::string_view page = seg.size() >= 2 ? seg[1] : std::string_view();
  if (page == "login") return login(ctx);
  if (page == "logout") return logout(ctx);
  if (page == "password") return set_password(ctx);
  if (page == "forgot") return forgot_password(ctx);

  if (!ctx.user) {
    if (ctx.is_post())
      return message_page(ctx, 403, "Signed out",
                          "Your session has ended. Sign in again; what you sent was not saved.");
    return see_other("/admin/login?next=" + content::percent_encode(ctx.request.target));
  }
  if (ctx.is_post()) {
    std::string why;
    if (!genuine_request(ctx, ctx.user->csrf, &why)) return message_page(ctx, 403, "Refused", why);
  }
  const auto& me = ctx.user->account;
  if (ctx.settings.require_two_factor && me.totp_sealed.empty() && content::publishes(me.role) &&
      page != "two-factor")
    return see_other("/admin/two-factor");

  if (seg.size() == 1) return dashboard(ctx);
  if (seg.size() == 2) {
    if (page == "articles") return articles(ctx);
    if (page == "comments") return comments(ctx);
    if (page == "users") return users(ctx);
    if (page == "profile") return profile(ctx);
    if (page == "two-factor") return two_factor(ctx);
    if (page == "settings") return site_settings(ctx);
    if (page == "categories") return categories(ctx);
    if (page == "media") return media_library(ctx);
    if (page == "tags") return tags(ctx);
    if (page == "menu") return menu(ctx);
    if (page == "breaking") return breaking_news(ctx);
  }
  if (page == "media" && seg.size() == 3) return media_item(ctx, seg[2]);
  if (page == "categories" && seg.size() == 3) return category_action(ctx, seg[2]);
  if (page == "articles" && seg.size() == 3 && seg[2] == "new") return article_editor(ctx, "new");
  if (page == "articles" && seg.size() == 4 && seg[3] == "edit") return article_editor(ctx, seg[2]);
  if (page == "articles" && seg.size() == 4 && seg[3] == "autosave" && ctx.is_post())
    return article_autosave(ctx, seg[2]);
  if (page == "articles" && seg.size() == 4 && seg[3] == "revisions")
    return article_revisions(ctx, seg[2]);
  if (seg.size() == 3 && ctx.is_post()) {
    if (page == "articles") return article_action(ctx, seg[2]);
    if (page == "users") return user_action(ctx, seg[2]);
    if (page == "categories") return category_action(ctx, seg[2]);
    if (page == "tags") return tag_action(ctx, seg[2]);
  }
  return message_page(ctx, 404, "Not found", "There is no admin page at this address.");
}

}  // namespace

AdminSettings load_admin_settings(store::ReaderReads& reads) {
  AdminSettings s;
  if (auto v = reads.setting("title")) s.site_title = *v;
  if (auto v = reads.setting("url")) s.site_url = *v;
  while (!s.site_url.empty() && s.site_url.back() == '/') s.site_url.pop_back();
  s.session_idle_minutes = int_setting(reads, "session_idle_minutes");
  s.session_lifetime_hours = int_setting(reads, "session_lifetime_hours");
  s.require_two_factor = reads.setting("require_two_factor").value_or("") == "true";
  s.login_account_failures = int_setting(reads, "login_account_failures");
  s.login_client_failures = int_setting(reads, "login_client_failures");
  if (auto v = reads.setting("timezone"))
    if (auto zone = content::TimeZone::named(*v)) s.zone = *zone;
  return s;
}

Admin::Admin(store::Store& store, const render::Theme& theme, const http::StaticFiles& assets,
             const security::Secret& secret, std::filesystem::path media_dir,
             const content::Clock& clock)
    : store_(store),
      theme_(theme),
      assets_(assets),
      secret_(secret),
      media_dir_(std::move(media_dir)),
      clock_(clock) {
  // Makes the dummy hash that unknown logins are checked against now, so that the first
  // such sign-in does not take longer than a wrong password (and tell the account is new).
  security::verify_password("", "");
}

bool Admin::owns(std::string_view path) { return path == "/admin" || path.starts_with("/admin/"); }

bool Admin::has_live_session(const http::Request& request) const {
  auto token = http::cookie(request, kSessionCookie);
  if (!token || token->size() != 64) return false;
  auto session = store_.accounts().session(security::token_digest(*token));
  if (!session) return false;
  AdminSettings s = load_admin_settings(*store_.snapshot());
  std::int64_t now = clock_.now();
  return now - session->last_seen_at <= s.session_idle_minutes * 60LL &&
         now - session->created_at <= s.session_lifetime_hours * 3600LL;
}

http::Response Admin::handle(const http::Request& request, std::string client_address) const {
  if (request.path == "/admin") return see_other("/admin/");
  Context ctx{store_,
              theme_,
              assets_,
              secret_,
              request,
              std::move(client_address),
              clock_,
              clock_.now(),
              load_admin_settings(*store_.snapshot()),
              {},
              {},
              media_dir_,
              std::nullopt,
              {}};
  if (request.method == "POST") {
    std::string_view type = request.header("content-type");
    if (type.starts_with("application/x-www-form-urlencoded")) {
      ctx.form = Form(request.body);
    } else if (auto boundary = http::multipart_boundary(type)) {
      std::string error;
      auto parts = http::parse_multipart(request.body, *boundary, &error);
      if (!parts)
        return with_admin_headers(
            http::Response::plain(400, "The form could not be read: " + error + "."));
      ctx.form = Form(*parts);
      for (auto& part : *parts)
        if (!part.filename.empty()) ctx.files.push_back(std::move(part));
    } else {
      return with_admin_headers(http::Response::plain(
          415,
          "Admin forms are sent as application/x-www-form-urlencoded or multipart/form-data."));
    }
  } else if (!request.is_get_or_head()) {
    auto r =
        with_admin_headers(http::Response::plain(405, "The admin answers GET, HEAD and POST."));
    r.set_header("Allow", "GET, HEAD, POST");
    return r;
  }
  ctx.postman = postman_;
  ctx.user = authenticate(ctx);
  http::Response r = route(ctx);
  for (auto& c : ctx.set_cookies) r.headers.emplace_back("Set-Cookie", std::move(c));
  return r;
}

Form::Form(std::string_view body) : fields_(http::parse_query(body)) {}

Form::Form(const std::vector<http::FormPart>& parts) {
  for (const auto& part : parts)
    if (part.filename.empty()) fields_.emplace_back(part.name, part.data);
}

std::string Form::get(std::string_view name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return v;
  return "";
}

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields_)
    if (k == name) out.push_back(v);
  return out;
}

bool Form::has(std::string_view name) const {
  for (const auto& field : fields_)
    if (field.first == name) return true;
  return false;
}

content::Ownership ownership_of(const Context& ctx, const std::vector<Id>& author_ids) {
  return std::find(author_ids.begin(), author_ids.end(), ctx.user->account.id) != author_ids.end()
             ? content::Ownership::Own
             : content::Ownership::Others;
}

http::Response forbidden(const Context& ctx) {
  return message_page(ctx, 403, "Not allowed",
                      "Your role (" + std::string(to_string(ctx.user->account.role)) +
                          ") may not do this. Ask an administrator if you need to.");
}

}  // namespace khabar::admin
