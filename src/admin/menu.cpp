// The header navigation: categories, pages and links in the order the newsroom wants,
// edited here instead of in the theme. Without any entry the header lists the top-level
// categories. Editors and administrators.
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/text.h"
#include "render/sanitize.h"

namespace khabar::admin {
namespace {

using Kind = store::MenuItem::Kind;

std::string_view kind_name(Kind k) {
  return k == Kind::Category ? "category" : k == Kind::Page ? "page" : "link";
}

void row(ctemplate::TemplateDictionary& d, int index, const store::MenuItem& m,
         const std::vector<content::Category>& categories,
         const std::vector<content::ArticleSummary>& pages) {
  auto* r = d.AddSectionDictionary("ROW");
  r->SetIntValue("N", index);
  r->SetIntValue("POSITION", (index + 1) * 10);
  r->SetValue("LABEL", m.label);
  r->SetValue("URL", m.url);
  for (Kind k : {Kind::Category, Kind::Page, Kind::Link}) {
    auto* o = r->AddSectionDictionary("KIND_OPTION");
    o->SetValue("VALUE", std::string(kind_name(k)));
    if (k == m.kind) o->ShowSection("SELECTED");
  }
  for (const auto& c : categories) {
    auto* o = r->AddSectionDictionary("CATEGORY_OPTION");
    o->SetIntValue("VALUE", static_cast<long>(c.id));
    o->SetValue("LABEL", category_label(categories, c));
    if (m.kind == Kind::Category && c.id == m.target_id) o->ShowSection("SELECTED");
  }
  for (const auto& p : pages) {
    auto* o = r->AddSectionDictionary("PAGE_OPTION");
    o->SetIntValue("VALUE", static_cast<long>(p.id));
    o->SetValue("LABEL", p.title);
    if (m.kind == Kind::Page && p.id == m.target_id) o->ShowSection("SELECTED");
  }
}

http::Response menu_page(Context& ctx, int status, std::string_view error,
                         const std::vector<store::MenuItem>& items) {
  AdminPage page(ctx, "admin/menu.tpl", "Menu");
  if (!error.empty()) page.error(error);
  if (ctx.request.query_param("done")) page.notice("The menu is saved.");
  auto& d = page.main();
  auto reads = ctx.store.snapshot();
  auto categories = reads->categories();
  auto pages = reads->published_pages();
  if (items.empty()) d.ShowSection("DEFAULT");
  int n = 0;
  for (const auto& m : items) row(d, n++, m, categories, pages);
  store::MenuItem blank;
  blank.kind = Kind::Category;
  for (int extra = 0; extra < 3; ++extra) row(d, n++, blank, categories, pages);
  return page.render(status);
}

}  // namespace

http::Response menu(Context& ctx) {
  if (!content::can(ctx.user->account.role, content::Action::ManageCategories))
    return forbidden(ctx);
  if (!ctx.is_post()) return menu_page(ctx, 200, "", ctx.store.snapshot()->menu());
  // One row per entry, in the form's order; each row's fields carry its number.
  struct Entry {
    long position;
    store::MenuItem item;
  };
  std::vector<Entry> entries;
  std::string problem;
  for (int n = 0; n < 200; ++n) {
    std::string key = std::to_string(n);
    if (!ctx.form.has("kind-" + key)) break;
    if (ctx.form.get("remove-" + key) == "on") continue;
    store::MenuItem m;
    std::string kind = ctx.form.get("kind-" + key);
    m.label = content::trim(ctx.form.get("label-" + key));
    m.url = content::trim(ctx.form.get("url-" + key));
    if (kind == "category") {
      m.kind = Kind::Category;
      m.target_id = content::parse_integer(ctx.form.get("category-" + key)).value_or(0);
    } else if (kind == "page") {
      m.kind = Kind::Page;
      m.target_id = content::parse_integer(ctx.form.get("page-" + key)).value_or(0);
    } else {
      m.kind = Kind::Link;
      if (m.url.empty() && m.label.empty()) continue;  // an unused blank row
      if (m.label.empty() || m.url.empty() || !render::is_safe_url(m.url) || m.url.size() > 1000)
        problem = "A link needs a label and an address (a path like /about/ or an http(s) URL).";
    }
    if (m.kind != Kind::Link && !m.target_id) continue;  // nothing chosen
    if (!content::is_valid_utf8(m.label) || m.label.size() > 100)
      problem = "Labels are text of at most 100 bytes.";
    long position = content::parse_integer(ctx.form.get("position-" + key)).value_or(n * 10);
    entries.push_back({position, std::move(m)});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.position < b.position; });
  std::vector<store::MenuItem> items;
  for (auto& e : entries) items.push_back(std::move(e.item));
  if (!problem.empty()) return menu_page(ctx, 422, problem, items);
  auto tx = ctx.store.begin();
  tx->set_menu(items);
  if (auto s = tx->commit(); !s) return store_refusal(ctx, s);
  spdlog::info("admin: account {} saved the menu ({} entries)", ctx.user->account.id, items.size());
  return see_other("/admin/menu?done=saved");
}

}  // namespace khabar::admin
