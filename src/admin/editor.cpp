// The editor: write and change an article or page (headline, slug, Markdown body,
// excerpt, category, tags, language, source line, comments), preview it in the real
// theme, and keep every save as a revision. Two people saving the same version: the
// second save is refused (optimistic lock) and their text is shown back to them.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/language.h"
#include "content/text.h"
#include "content/urls.h"
#include "content/workflow.h"
#include "site/page_context.h"
#include "site/pages.h"

namespace khabar::admin {
namespace {

// A slug no other article has: `wanted`, or `wanted-2`, `-3`...
std::string free_slug(store::Store& store, const std::string& wanted, Id self) {
  std::string slug = wanted;
  for (int n = 2;; ++n) {
    auto owner = store.article_id_by_slug(slug);
    if (!owner || *owner == self) return slug;
    slug = wanted + "-" + std::to_string(n);
  }
}

struct Draft {
  store::NewArticle a;
  std::string tags;  // as typed
  int version = 0;
  std::string problem;
};

// The form as an article, on top of what is stored (`base`).
Draft from_form(Context& ctx, const store::NewArticle& base, Id self) {
  Draft d;
  d.a = base;
  auto& a = d.a;
  a.title = content::trim(ctx.form.get("title"));
  std::string slug = content::trim(ctx.form.get("slug"));
  a.slug = content::make_slug(slug.empty() ? a.title : slug);
  a.body_markdown = ctx.form.get("body");
  if (!a.body_markdown.empty()) a.body_html.clear();  // an imported body becomes Markdown
  a.excerpt = content::trim(ctx.form.get("excerpt"));
  std::string text = content::markdown_to_plain_text(a.body_markdown);
  if (a.excerpt.empty()) a.excerpt = content::make_excerpt(text, 300);
  a.reading_minutes = content::reading_minutes(text);
  a.source_line = content::trim(ctx.form.get("source_line"));
  a.language = content::trim(ctx.form.get("language"));
  a.comments_open = ctx.form.get("comments_open") == "on";
  a.kind = ctx.form.get("kind") == "page" ? content::Kind::Page : content::Kind::Article;
  a.category_id = content::parse_integer(ctx.form.get("category")).value_or(0);
  d.tags = ctx.form.get("tags");
  d.version = static_cast<int>(content::parse_integer(ctx.form.get("version")).value_or(0));
  if (a.title.empty() || a.title.size() > 300) d.problem = "The headline must have 1 to 300 bytes.";
  else if (a.slug.empty()) d.problem = "The slug needs at least one letter or digit.";
  else if (!content::is_valid_language_code(a.language)) d.problem = "Choose a language code (en, ps, fa...).";
  else if (!content::is_valid_utf8(a.title + a.body_markdown + a.excerpt + a.source_line))
    d.problem = "The text is not valid UTF-8.";
  if (d.problem.empty() && a.category_id) {
    bool found = false;
    for (const auto& c : ctx.store.categories()) found |= c.id == a.category_id;
    if (!found) d.problem = "That category does not exist.";
  }
  if (d.problem.empty()) a.slug = free_slug(ctx.store, a.slug, self);
  return d;
}

// Tags typed as "kabul, water, elections": found by slug or created.
std::vector<Id> tag_ids(store::Store& store, const std::string& typed) {
  std::vector<Id> ids;
  for (std::string_view piece : content::split(typed, ',')) {
    std::string name = content::trim(piece);
    std::string slug = content::make_slug(name);
    if (slug.empty()) continue;
    Id id = store.tag_id_by_slug(slug).value_or(0);
    if (!id) id = store.add_tag(name, slug);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

http::Response form_page(Context& ctx, int status, std::string_view error, Id id,
                         const store::NewArticle& a, const std::string& tags, int version,
                         std::string_view conflict_text = {}) {
  AdminPage page(ctx, "admin/editor.tpl", id ? "Edit: " + a.title : "New article");
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done")) page.notice(*done == "restored" ? "The revision is restored." : "Saved.");
  auto& d = page.main();
  d.SetValue("ACTION", id ? "/admin/articles/" + std::to_string(id) + "/edit" : std::string("/admin/articles/new"));
  d.SetValue("TITLE", a.title);
  d.SetValue("SLUG", a.slug);
  d.SetValue("BODY", a.body_markdown);
  d.SetValue("EXCERPT", a.excerpt);
  d.SetValue("SOURCE_LINE", a.source_line);
  d.SetValue("LANGUAGE", a.language);
  d.SetValue("TAGS", tags);
  d.SetIntValue("VERSION", version);
  d.SetValue("STATUS", std::string(to_string(a.status)));
  if (a.comments_open) d.ShowSection("COMMENTS_OPEN");
  if (a.kind == content::Kind::Page) d.ShowSection("IS_PAGE");
  if (!a.body_html.empty() && a.body_markdown.empty()) d.ShowSection("IMPORTED_HTML");
  if (id) d.AddSectionDictionary("EXISTING")->SetIntValue("ID", static_cast<long>(id));
  if (id && a.status == content::Status::Published)
    d.AddSectionDictionary("PUBLIC")->SetValue("URL", content::article_url(a.slug));
  auto* none = d.AddSectionDictionary("CATEGORY_OPTION");
  none->SetValue("VALUE", "0");
  none->SetValue("LABEL", "(none)");
  for (const auto& c : ctx.store.categories()) {
    auto* o = d.AddSectionDictionary("CATEGORY_OPTION");
    o->SetIntValue("VALUE", static_cast<long>(c.id));
    o->SetValue("LABEL", c.path);
    if (c.id == a.category_id) o->ShowSection("SELECTED");
  }
  if (!conflict_text.empty()) d.AddSectionDictionary("CONFLICT")->SetValue("TEXT", std::string(conflict_text));
  return page.render(status);
}

// The article as readers would see it, through the reader site's own page.
http::Response preview(Context& ctx, const store::NewArticle& a) {
  auto snapshot = site::load_snapshot(ctx.store);
  site::PageContext pctx{ctx.store, ctx.theme, ctx.assets, ctx.secret, ctx.now,
                         snapshot.settings, snapshot.categories, snapshot.pages,
                         snapshot.moderation, snapshot.menu, {}};
  content::Article article;
  article.kind = a.kind;
  article.slug = a.slug;
  article.title = a.title;
  article.excerpt = a.excerpt;
  article.language = a.language;
  article.published_at = a.published_at ? a.published_at : ctx.now;
  article.updated_at = ctx.now;
  article.category_id = a.category_id;
  article.reading_minutes = a.reading_minutes;
  article.body_markdown = a.body_markdown;
  article.body_html = a.body_html;
  article.source_line = a.source_line;
  article.comments_open = false;
  for (Id author : a.author_ids)
    if (auto acc = ctx.accounts().account(author))
      article.authors.push_back({acc->id, acc->display_name, acc->slug, acc->bio, acc->avatar});
  auto r = site::article_page(pctx, article);
  r.cacheable = false;
  r.cache_tags.clear();
  return with_admin_headers(std::move(r));
}

}  // namespace

http::Response article_editor(Context& ctx, std::string_view id_text) {
  const auto& me = ctx.user->account;
  bool is_new = id_text == "new";
  std::optional<store::EditableArticle> stored;
  store::NewArticle base;
  if (is_new) {
    if (!content::can(me.role, content::Action::CreateArticle, content::Ownership::Own)) return forbidden(ctx);
    base.author_ids = {me.id};
    base.language = ctx.store.setting("language").value_or("en");
    base.kind = ctx.request.query_param("kind") == "page" ? content::Kind::Page : content::Kind::Article;
  } else {
    auto id = content::parse_integer(id_text);
    stored = id ? ctx.store.article_for_edit(*id) : std::nullopt;
    if (!stored) return message_page(ctx, 404, "Not found", "There is no such article.");
    base = stored->fields;
    if (!content::may_edit(me.role, ownership_of(ctx, base.author_ids), base.status)) return forbidden(ctx);
  }
  Id self = stored ? stored->id : 0;
  std::string tags;
  if (stored)
    for (const auto& t : stored->tag_names) tags += (tags.empty() ? "" : ", ") + t;
  if (!ctx.is_post()) return form_page(ctx, 200, "", self, base, tags, stored ? stored->version : 0);

  Draft d = from_form(ctx, base, self);
  if (!d.problem.empty()) return form_page(ctx, 422, d.problem, self, d.a, d.tags, d.version);
  if (ctx.form.has("preview")) return preview(ctx, d.a);
  store::SaveOutcome saved;
  ctx.store.batch([&] {
    d.a.tag_ids = tag_ids(ctx.store, d.tags);
    saved = ctx.store.save_article(self, d.a, d.version, me.id, ctx.now);
    if (saved.conflict) return;
    // A published article that changes address keeps its old one as a 301.
    if (stored && stored->fields.status == content::Status::Published && stored->fields.slug != d.a.slug)
      ctx.store.add_redirect("/" + stored->fields.slug + "/", content::article_url(d.a.slug));
  });
  if (saved.conflict) {
    auto current = ctx.store.article_for_edit(self);
    std::string current_tags;
    for (const auto& t : current->tag_names) current_tags += (current_tags.empty() ? "" : ", ") + t;
    return form_page(ctx, 409,
                     "Someone else saved this article while you were editing it. The form now "
                     "shows their version; your text is below it, nothing of it was lost: copy "
                     "what you need into the form and save again.",
                     self, current->fields, current_tags, current->version, d.a.body_markdown);
  }
  spdlog::info("admin: {} saved article {} (version {})", me.login, saved.id, saved.version);
  return see_other("/admin/articles/" + std::to_string(saved.id) + "/edit?done=saved");
}

}  // namespace khabar::admin
