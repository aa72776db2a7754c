#include "admin/admin_page.h"

#include <array>

#include "content/capabilities.h"
#include "content/categories.h"
#include "content/text.h"
#include "content/time_zone.h"
#include "content/urls.h"

namespace khabar::admin {
namespace {

constexpr std::string_view kAdminPolicy =
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
    "img-src 'self' data:; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri "
    "'none'";

struct NavItem {
  const char* label;
  const char* url;
  content::Action needs;
};

constexpr std::array kNav = {
    NavItem{"Dashboard", "/admin/", content::Action::ViewDashboard},
    NavItem{"Articles", "/admin/articles", content::Action::CreateArticle},
    NavItem{"Media", "/admin/media", content::Action::UploadMedia},
    NavItem{"Comments", "/admin/comments", content::Action::ModerateComments},
    NavItem{"Breaking news", "/admin/breaking", content::Action::SetBreakingNews},
    NavItem{"Categories", "/admin/categories", content::Action::ManageCategories},
    NavItem{"Tags", "/admin/tags", content::Action::ManageCategories},
    NavItem{"Menu", "/admin/menu", content::Action::ManageCategories},
    NavItem{"Users", "/admin/users", content::Action::ManageUsers},
    NavItem{"Settings", "/admin/settings", content::Action::ManageSettings},
    NavItem{"Profile", "/admin/profile", content::Action::ViewDashboard},
};

}  // namespace

AdminPage::AdminPage(const Context& ctx, std::string content_template, std::string_view title)
    : ctx_(ctx), root_("admin") {
  root_.SetValue("TITLE", std::string(title));
  root_.SetValue("SITE_TITLE", ctx.settings.site_title);
  root_.SetValue("STYLESHEET", ctx.assets.url_for("admin.css"));
  main_ = root_.AddIncludeDictionary("CONTENT");
  main_->SetFilename(content_template);
  if (ctx.user) {
    auto* signed_in = root_.AddSectionDictionary("SIGNED_IN");
    signed_in->SetValue("USER_NAME", ctx.user->account.display_name);
    signed_in->SetValue("USER_ROLE", std::string(to_string(ctx.user->account.role)));
    signed_in->SetValue("CSRF", ctx.user->csrf);
    for (const NavItem& item : kNav) {
      if (!content::can(ctx.user->account.role, item.needs, content::Ownership::Own)) continue;
      auto* d = signed_in->AddSectionDictionary("NAV");
      d->SetValue("LABEL", item.label);
      d->SetValue("URL", item.url);
      if (ctx.request.path == item.url) d->ShowSection("CURRENT");
    }
    main_->SetValue("CSRF", ctx.user->csrf);
  }
}

void AdminPage::notice(std::string_view text) {
  root_.AddSectionDictionary("NOTICE")->SetValue("TEXT", std::string(text));
}

ListPage list_page(const Context& ctx) {
  ListPage p;
  p.query = content::trim(ctx.request.query_param("q").value_or(""));
  auto page = content::parse_integer(ctx.request.query_param("page").value_or("1"));
  if (page && *page >= 1 && *page <= 1000000) p.page = static_cast<std::size_t>(*page);
  return p;
}

bool matches(std::string_view text, std::string_view query) {
  return query.empty() ||
         content::ascii_lower(text).find(content::ascii_lower(query)) != std::string::npos;
}

void AdminPage::list_controls(const ListPage& p, std::size_t total, std::string_view path,
                              std::string_view what) {
  auto* search = root_.AddSectionDictionary("LIST_SEARCH");
  search->SetValue("PATH", std::string(path));
  search->SetValue("WHAT", std::string(what));
  search->SetValue("QUERY", p.query);
  std::size_t last = std::min(total, p.offset() + ListPage::kSize);
  pager(p, last > p.offset() ? last - p.offset() : 0, last < total, path,
        p.query.empty() ? "" : "q=" + content::percent_encode(p.query));
  std::size_t first = std::min(total, p.offset() + 1);
  root_.SetValue(
      "PAGER_SHOWN",
      total == 0
          ? (p.query.empty() ? std::string("None yet.") : "Nothing matches “" + p.query + "”.")
          : std::to_string(first) + "–" + std::to_string(last) + " of " + std::to_string(total));
}

void AdminPage::pager(const ListPage& p, std::size_t shown, bool more, std::string_view path,
                      std::string_view query) {
  std::string base =
      std::string(path) + "?" + std::string(query) + (query.empty() ? "" : "&") + "page=";
  links(shown ? std::to_string(p.offset() + 1) + "–" + std::to_string(p.offset() + shown) : "",
        p.page > 1 ? base + std::to_string(p.page - 1) : "",
        more ? base + std::to_string(p.page + 1) : "");
}

void AdminPage::links(std::string_view shown, std::string_view prev, std::string_view next) {
  auto* pager = root_.AddSectionDictionary("PAGER");
  root_.SetValue("PAGER_SHOWN", std::string(shown));
  if (!prev.empty()) pager->AddSectionDictionary("PREV")->SetValue("HREF", std::string(prev));
  if (!next.empty()) pager->AddSectionDictionary("NEXT")->SetValue("HREF", std::string(next));
}

void AdminPage::error(std::string_view text) {
  root_.AddSectionDictionary("ERROR")->SetValue("TEXT", std::string(text));
}

http::Response AdminPage::render(int status) {
  http::Response r;
  r.status = status;
  r.body = ctx_.theme.expand("admin/base.tpl", root_);
  return with_admin_headers(std::move(r));
}

http::Response with_admin_headers(http::Response r) {
  r.cache_control = "no-store";
  r.cacheable = false;
  r.set_header("Content-Security-Policy", std::string(kAdminPolicy));
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Referrer-Policy", "same-origin");
  return r;
}

http::Response see_other(std::string location) {
  return with_admin_headers(http::Response::redirect(303, std::move(location)));
}

http::Response message_page(const Context& ctx, int status, std::string_view title,
                            std::string_view text) {
  AdminPage page(ctx, "admin/message.tpl", title);
  page.main().SetValue("HEADING", std::string(title));
  page.main().SetValue("TEXT", std::string(text));
  return page.render(status);
}

http::Response store_refusal(const Context& ctx, const store::Status& status) {
  int code = store::http_status(status.code());
  if (code == 404)
    return message_page(ctx, 404, "Not found",
                        "It is not there any more: someone may have deleted it meanwhile.");
  if (code == 409)
    return message_page(ctx, 409, "Changed meanwhile",
                        "Someone else changed this at the same time, or the name is taken. "
                        "Nothing was saved: open it again to see it as it is now.");
  if (code == 403) return message_page(ctx, 403, "Not allowed", status.message());
  if (code == 503) {
    auto r = message_page(ctx, 503, "Try again in a moment",
                          "The database could not answer just now (busy or out of space). "
                          "Nothing was saved; your browser's Back button keeps what you wrote.");
    r.set_header("Retry-After", std::to_string(store::kRetryAfterSeconds));
    return r;
  }
  throw store::StoreError(status);  // a bug or damage: the server's 500
}

std::string category_label(const std::vector<content::Category>& all, const content::Category& c) {
  std::string label;
  for (const content::Category* step : content::category_trail(all, c.id))
    label += (label.empty() ? "" : " \u203A ") + step->name;
  return label.empty() ? c.name : label;
}

std::optional<Timestamp> publish_time(const Context& ctx, std::string_view typed,
                                      std::string* why) {
  auto local = content::parse_local_time(typed);
  if (!local) {
    *why = "Choose the date and time to publish at (" + ctx.settings.zone.name() + " time).";
    return std::nullopt;
  }
  Timestamp t = ctx.settings.zone.to_utc(*local);
  if (t <= ctx.now) {
    *why = "That time (" + std::string(typed) + ", " + ctx.settings.zone.name() +
           ") has passed; choose a time in the future, or publish now.";
    return std::nullopt;
  }
  return t;
}

std::string admin_time(const Context& ctx, Timestamp t) {
  const auto& zone = ctx.settings.zone;
  std::string local = content::format_local_time(zone.local(t));
  local[10] = ' ';
  return local + " " + content::format_offset(zone.offset_at(t));
}

}  // namespace khabar::admin
