// Categories: create, rename, change slug (old addresses answer 301), nest, reorder, and
// delete with the articles moved to another category. Editors and administrators.
#include "content/categories.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/text.h"
#include "content/urls.h"

namespace khabar::admin {
namespace {

using content::Category;

// The tree in display order with each category's depth.
void walk(const std::vector<Category>& all, Id parent, int depth,
          std::vector<std::pair<const Category*, int>>& out) {
  std::vector<const Category*> children;
  for (const auto& c : all)
    if (c.parent_id == parent) children.push_back(&c);
  std::sort(children.begin(), children.end(), [](const Category* a, const Category* b) {
    return a->position != b->position ? a->position < b->position : a->name < b->name;
  });
  for (const Category* c : children) {
    out.emplace_back(c, depth);
    if (depth < 32) walk(all, c->id, depth + 1, out);
  }
}

void parent_options(ctemplate::TemplateDictionary& d, const char* section,
                    const std::vector<std::pair<const Category*, int>>& tree, Id selected,
                    Id exclude_below) {
  for (const auto& [c, depth] : tree) {
    if (exclude_below && c->id == exclude_below) continue;
    auto* o = d.AddSectionDictionary(section);
    o->SetIntValue("VALUE", static_cast<long>(c->id));
    o->SetValue("LABEL", std::string(static_cast<std::size_t>(depth) * 2, ' ') + c->name);
    if (c->id == selected) o->ShowSection("SELECTED");
  }
}

struct Fields {
  store::NewCategory c;
  std::string problem;
};

// The form's values, checked against the tree (`self`: the category being edited).
Fields read_fields(Context& ctx, const std::vector<Category>& all, Id self) {
  Fields f;
  f.c.name = content::trim(ctx.form.get("name"));
  std::string slug = content::trim(ctx.form.get("slug"));
  f.c.slug = content::make_slug(slug.empty() ? f.c.name : slug);
  f.c.parent_id = content::parse_integer(ctx.form.get("parent")).value_or(0);
  f.c.description = content::trim(ctx.form.get("description"));
  f.c.position = static_cast<int>(content::parse_integer(ctx.form.get("position")).value_or(0));
  if (f.c.name.empty() || f.c.name.size() > 200)
    f.problem = "A category needs a name (at most 200 bytes).";
  else if (f.c.slug.empty())
    f.problem = "The slug must have letters or digits.";
  else if (f.c.parent_id && !content::find_category(all, f.c.parent_id))
    f.problem = "The parent category does not exist.";
  else if (self && f.c.parent_id) {
    auto below = content::category_subtree(all, self);
    if (std::find(below.begin(), below.end(), f.c.parent_id) != below.end())
      f.problem = "A category cannot be placed inside itself or inside one of its subcategories.";
  }
  if (f.problem.empty())
    for (const auto& c : all)
      if (c.id != self && c.parent_id == f.c.parent_id && c.slug == f.c.slug)
        f.problem = "Another category here already has the slug '" + f.c.slug + "'.";
  return f;
}

void keep_old_addresses(store::Transaction& tx, const store::PathMoves& moved) {
  for (const auto& [from, to] : moved)
    tx.add_redirect("/category/" + from + "/", content::category_url(to));
}

void top_level_option(ctemplate::TemplateDictionary& d, const char* section, bool selected) {
  auto* none = d.AddSectionDictionary(section);
  none->SetValue("VALUE", "0");
  none->SetValue("LABEL", "(top level)");
  if (selected) none->ShowSection("SELECTED");
}

// The list: 50 a page in tree order, searched by name, slug or address; each row links
// to the category's own page, where it is changed or deleted (a menu of every category in
// every row would make the page grow with the square of their number).
http::Response list(Context& ctx, int status, std::string_view error) {
  auto all = ctx.store.snapshot()->categories();
  std::vector<std::pair<const Category*, int>> tree;
  walk(all, 0, 0, tree);
  AdminPage page(ctx, "admin/categories.tpl", "Categories");
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done")) page.notice("Done: " + *done + ".");
  auto& d = page.main();
  ListPage p = list_page(ctx);
  std::vector<std::pair<const Category*, int>> found;
  for (const auto& entry : tree)
    if (matches(entry.first->name, p.query) || matches(entry.first->path, p.query))
      found.push_back(entry);
  page.list_controls(p, found.size(), "/admin/categories", "categories");
  for (std::size_t i = p.offset(); i < found.size() && i < p.offset() + ListPage::kSize; ++i) {
    const auto& [c, depth] = found[i];
    auto* row = d.AddSectionDictionary("CATEGORY");
    row->SetIntValue("ID", static_cast<long>(c->id));
    row->SetValue("NAME", c->name);
    row->SetValue("LABEL", category_label(all, *c));
    row->SetIntValue("POSITION", c->position);
    row->SetIntValue("DEPTH", std::min(depth, 4));
    row->SetValue("URL", content::category_url(c->path));
  }
  top_level_option(d, "NEW_PARENT", false);
  parent_options(d, "NEW_PARENT", tree, 0, 0);
  return page.render(status);
}

// One category's page: its fields, where it sits, and deleting it.
http::Response edit_page(Context& ctx, const Category& c, int status, std::string_view error) {
  auto all = ctx.store.snapshot()->categories();
  std::vector<std::pair<const Category*, int>> tree;
  walk(all, 0, 0, tree);
  AdminPage page(ctx, "admin/category.tpl", "Category: " + c.name);
  if (!error.empty()) page.error(error);
  auto& d = page.main();
  d.SetIntValue("ID", static_cast<long>(c.id));
  bool post = ctx.is_post() && ctx.form.get("action") == "save";
  d.SetValue("NAME", post ? ctx.form.get("name") : c.name);
  d.SetValue("SLUG", post ? ctx.form.get("slug") : c.slug);
  d.SetValue("DESCRIPTION", post ? ctx.form.get("description") : c.description);
  d.SetValue("POSITION", post ? ctx.form.get("position") : std::to_string(c.position));
  d.SetValue("URL", content::category_url(c.path));
  top_level_option(d, "PARENT_OPTION", !c.parent_id);
  parent_options(d, "PARENT_OPTION", tree, c.parent_id, c.id);
  parent_options(d, "MOVE_OPTION", tree, 0, c.id);
  return page.render(status);
}

}  // namespace

http::Response categories(Context& ctx) {
  if (!content::can(ctx.user->account.role, content::Action::ManageCategories))
    return forbidden(ctx);
  if (!ctx.is_post()) return list(ctx, 200, "");
  auto f = read_fields(ctx, ctx.store.snapshot()->categories(), 0);
  if (!f.problem.empty()) return list(ctx, 422, f.problem);
  auto tx = ctx.store.begin();
  auto added = tx->add_category(f.c);
  if (!added) return store_refusal(ctx, added.status());
  if (auto s = tx->commit(); !s) return store_refusal(ctx, s);
  spdlog::info("admin: account {} added category {}", ctx.user->account.id, f.c.name);
  return see_other("/admin/categories?done=added");
}

http::Response category_action(Context& ctx, std::string_view id_text) {
  if (!content::can(ctx.user->account.role, content::Action::ManageCategories))
    return forbidden(ctx);
  auto all = ctx.store.snapshot()->categories();
  auto id = content::parse_integer(id_text);
  const Category* category = id ? content::find_category(all, *id) : nullptr;
  if (!category) return message_page(ctx, 404, "Not found", "There is no such category.");
  if (!ctx.is_post()) return edit_page(ctx, *category, 200, "");
  std::string action = ctx.form.get("action");
  if (action == "save") {
    auto f = read_fields(ctx, all, category->id);
    if (!f.problem.empty()) return edit_page(ctx, *category, 422, f.problem);
    auto tx = ctx.store.begin();
    auto moved = tx->update_category(category->id, f.c);
    if (!moved) return store_refusal(ctx, moved.status());
    keep_old_addresses(*tx, *moved);
    if (auto s = tx->commit(); !s) return store_refusal(ctx, s);
    return see_other("/admin/categories?done=saved");
  }
  if (action == "delete") {
    Id move_to = content::parse_integer(ctx.form.get("move_to")).value_or(0);
    if (move_to == category->id || (move_to && !content::find_category(all, move_to)))
      return edit_page(ctx, *category, 422, "Choose another existing category for its articles.");
    std::string old_path = category->path;
    auto tx = ctx.store.begin();
    auto moved = tx->delete_category(category->id, move_to);
    if (!moved) return store_refusal(ctx, moved.status());
    keep_old_addresses(*tx, *moved);
    if (const Category* target = content::find_category(all, move_to)) {
      // The target may have been below the deleted category: then its path moved too.
      std::string path = target->path;
      for (const auto& [from, to] : *moved)
        if (from == path) path = to;
      tx->add_redirect("/category/" + old_path + "/", content::category_url(path));
    }
    if (auto s = tx->commit(); !s) return store_refusal(ctx, s);
    spdlog::info("admin: account {} deleted category {}", ctx.user->account.id, category->name);
    return see_other("/admin/categories?done=deleted");
  }
  return message_page(ctx, 400, "Unknown action", "That is not a category action.");
}

}  // namespace khabar::admin
