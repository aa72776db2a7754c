// The admin's layout (templates/admin/base.tpl): navigation by capability, the sign-out
// button, notices, and the security headers every admin response carries.
#pragma once

#include <ctemplate/template.h>

#include <optional>
#include <string>

#include "admin/context.h"

namespace khabar::admin {

// Which part of a long admin list to show: ?q= (what to search for) and ?page= (from 1).
struct ListPage {
  static constexpr std::size_t kSize = 50;
  std::string query;
  std::size_t page = 1;
  std::size_t offset() const { return (page - 1) * kSize; }
};
ListPage list_page(const Context& ctx);

// Whether `text` contains `query`, ignoring ASCII case ("" matches everything).
bool matches(std::string_view text, std::string_view query);

class AdminPage {
 public:
  // `content_template` is a file under templates/admin/ (e.g. "admin/dashboard.tpl").
  AdminPage(const Context& ctx, std::string content_template, std::string_view title);

  ctemplate::TemplateDictionary& main() { return *main_; }
  void notice(std::string_view text);  // a green "done" line above the content
  void error(std::string_view text);   // a red "not done" line (role="alert")
  // A search box above the content (GET `path`?q=) and, below it, "51–100 of 1,000" with
  // links to the pages before and after, for `total` items matching `p.query`.
  void list_controls(const ListPage& p, std::size_t total, std::string_view path,
                     std::string_view what);
  // Only the links, for a list whose length is not counted: `shown` items on this page,
  // `more` if a next page has any. `query` is kept in the links ("q=x&mine=1").
  void pager(const ListPage& p, std::size_t shown, bool more, std::string_view path,
             std::string_view query);
  // The pager's parts as they are: what is shown ("1–50"), the previous and next pages'
  // addresses ("" for none).
  void links(std::string_view shown, std::string_view prev, std::string_view next);
  http::Response render(int status = 200);

 private:
  const Context& ctx_;
  ctemplate::TemplateDictionary root_;
  ctemplate::TemplateDictionary* main_;
};

// Adds the admin's security headers (CSP without inline scripts, nosniff,
// frame-ancestors 'none', Referrer-Policy same-origin, Cache-Control no-store).
http::Response with_admin_headers(http::Response r);

// 303 See Other to a path of this site.
http::Response see_other(std::string location);

// A page with just a heading and a paragraph (errors, refusals).
http::Response message_page(const Context& ctx, int status, std::string_view title,
                            std::string_view text);

// The page for a store's refusal: NotFound 404 (someone removed it meanwhile), Conflict
// 409 (someone changed it meanwhile), Unavailable 503 with Retry-After (nothing stored).
// Any other code is a bug and is thrown as StoreError.
http::Response store_refusal(const Context& ctx, const store::Status& status);

// A category as the desk's menus name it: its trail of names, "World › Asia".
std::string category_label(const std::vector<content::Category>& all, const content::Category& c);

// "Publish at" as typed (an HTML datetime-local value in the site's time zone), as a Unix
// time in the future; else nothing and `why` says what is wrong.
std::optional<Timestamp> publish_time(const Context& ctx, std::string_view typed, std::string* why);

// A time as the desk shows it: in the site's time zone, "2026-11-27 19:14 +04:30".
std::string admin_time(const Context& ctx, Timestamp t);

}  // namespace khabar::admin
