// Tags: create, rename, change slug (the old address answers 301) and delete (articles
// lose the tag). Editors and administrators; the editor also creates tags on the fly.
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/text.h"
#include "content/urls.h"

namespace khabar::admin {
namespace {

http::Response list(Context& ctx, int status, std::string_view error) {
  AdminPage page(ctx, "admin/tags.tpl", "Tags");
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done")) page.notice("Done: " + *done + ".");
  auto& d = page.main();
  auto all = ctx.store.snapshot()->desk_tags();
  if (all.empty()) d.ShowSection("EMPTY");
  ListPage p = list_page(ctx);
  std::vector<const store::DeskTag*> found;
  for (const auto& t : all)
    if (matches(t.tag.name, p.query) || matches(t.tag.slug, p.query)) found.push_back(&t);
  page.list_controls(p, found.size(), "/admin/tags", "tags");
  for (std::size_t i = p.offset(); i < found.size() && i < p.offset() + ListPage::kSize; ++i) {
    const auto& t = *found[i];
    auto* row = d.AddSectionDictionary("TAG");
    row->SetIntValue("ID", static_cast<long>(t.tag.id));
    row->SetValue("NAME", t.tag.name);
    row->SetValue("SLUG", t.tag.slug);
    row->SetValue("URL", content::tag_url(t.tag.slug));
    row->SetIntValue("COUNT", static_cast<long>(t.articles));
  }
  return page.render(status);
}

struct Fields {
  std::string name, slug, problem;
};

Fields read_fields(Context& ctx) {
  Fields f;
  f.name = content::trim(ctx.form.get("name"));
  std::string slug = content::trim(ctx.form.get("slug"));
  f.slug = content::make_slug(slug.empty() ? f.name : slug);
  if (f.name.empty() || f.name.size() > content::kMaxTagNameBytes ||
      !content::is_valid_utf8(f.name))
    f.problem =
        "A tag needs a name (at most " + std::to_string(content::kMaxTagNameBytes) + " bytes).";
  else if (f.slug.empty())
    f.problem = "The slug must have letters or digits.";
  return f;
}

// What the tag screen says when the transaction refused a name or a change.
http::Response refused(Context& ctx, const Fields& f, const store::Status& s) {
  if (s.code() == store::Code::Conflict)
    return list(ctx, 422, "Another tag already has the slug '" + f.slug + "'.");
  return store_refusal(ctx, s);
}

}  // namespace

http::Response tags(Context& ctx) {
  if (!content::can(ctx.user->account.role, content::Action::ManageCategories))
    return forbidden(ctx);
  if (!ctx.is_post()) return list(ctx, 200, "");
  Fields f = read_fields(ctx);
  if (!f.problem.empty()) return list(ctx, 422, f.problem);
  auto tx = ctx.store.begin();
  auto added = tx->add_tag(f.name, f.slug);
  store::Status s = added ? tx->commit() : added.status();
  if (!s) return refused(ctx, f, s);
  return see_other("/admin/tags?done=added");
}

http::Response tag_action(Context& ctx, std::string_view id_text) {
  if (!content::can(ctx.user->account.role, content::Action::ManageCategories))
    return forbidden(ctx);
  auto id = content::parse_integer(id_text).value_or(0);
  const content::Tag* tag = nullptr;
  auto all = ctx.store.snapshot()->desk_tags();
  for (const auto& t : all)
    if (t.tag.id == id) tag = &t.tag;
  if (!tag) return message_page(ctx, 404, "Not found", "There is no such tag.");
  std::string action = ctx.form.get("action");
  if (action == "save") {
    Fields f = read_fields(ctx);
    if (!f.problem.empty()) return list(ctx, 422, f.problem);
    auto tx = ctx.store.begin();
    store::Status s = tx->update_tag(id, f.name, f.slug);
    if (s && f.slug != tag->slug)
      tx->add_redirect(content::tag_url(tag->slug), content::tag_url(f.slug));
    if (s) s = tx->commit();
    if (!s) return refused(ctx, f, s);
    spdlog::info("admin: account {} changed tag {} ({} -> {})", ctx.user->account.id, id, tag->slug,
                 f.slug);
    return see_other("/admin/tags?done=saved");
  }
  if (action == "delete") {
    auto tx = ctx.store.begin();
    store::Status s = tx->delete_tag(id);
    if (s) s = tx->commit();
    if (!s) return store_refusal(ctx, s);
    spdlog::info("admin: account {} deleted tag {} ({})", ctx.user->account.id, id, tag->slug);
    return see_other("/admin/tags?done=deleted");
  }
  return message_page(ctx, 400, "Unknown action", "That is not a tag action.");
}

}  // namespace khabar::admin
