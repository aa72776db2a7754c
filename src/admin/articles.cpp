// The desk's article list: filters (status, author, category, language, words of the
// title), the workflow moves each user may make, bulk moves over the ticked rows, and
// deleting for good from the trash.
#include "newsroom/articles.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/categories.h"
#include "content/text.h"
#include "content/urls.h"
#include "content/workflow.h"

namespace khabar::admin {
namespace {

// Up to this many categories the list's filter is a menu of them; past it, a typed address.
constexpr std::size_t kCategoryMenuAtMost = 100;

// The list's address with the current filters (for links and for coming back).
std::string list_query(const Context& ctx) {
  std::string q;
  for (const char* key : {"status", "mine", "author", "category", "category_path", "language", "q"})
    if (auto v = ctx.request.query_param(key); v && !v->empty())
      q += (q.empty() ? "?" : "&") + std::string(key) + "=" + content::percent_encode(*v);
  return q;
}

struct Outcome {
  bool done = false;
  int status = 200;
  std::string why;
};

// One move (or "delete") on one article, with every check the single-row form makes.
Outcome apply(Context& ctx, const store::DeskArticle& article, std::string_view action) {
  std::optional<content::Timestamp> when;
  if (action == "schedule") {
    std::string why;
    when = publish_time(ctx, content::trim(ctx.form.get("publish_at")), &why);
    if (!when) return {false, 422, why};
  }
  const auto& me = ctx.user->account;
  auto s = newsroom::move_article(ctx.store, {me.id, me.role}, article, action, when, ctx.now);
  if (s) {
    if (action == "delete")
      spdlog::info("admin: account {} deleted article {} ({}) for good", me.id, article.id,
                   article.slug);
    return {true, 200, ""};
  }
  if (s.code() == store::Code::Invalid) return {false, 400, s.message()};
  if (int status = store::http_status(s.code())) return {false, status, s.message()};
  throw store::StoreError(s);  // a bug or damage: the server's 500
}

}  // namespace

http::Response articles(Context& ctx) {
  const auto& me = ctx.user->account;
  store::DeskFilter filter;
  auto status_name = ctx.request.query_param("status").value_or("");
  filter.status = content::parse_status(status_name);
  if (ctx.request.query_param("mine"))
    filter.author_id = me.id;
  else
    filter.author_id =
        content::parse_integer(ctx.request.query_param("author").value_or("")).value_or(0);
  filter.category_id =
      content::parse_integer(ctx.request.query_param("category").value_or("")).value_or(0);
  filter.language = content::trim(ctx.request.query_param("language").value_or(""));
  filter.search = content::trim(ctx.request.query_param("q").value_or(""));
  filter.offset = static_cast<int>(std::clamp<std::int64_t>(
      content::parse_integer(ctx.request.query_param("from").value_or("")).value_or(0), 0,
      1 << 30));
  filter.limit = 51;  // one more than a page: is there a next one?
  // Contributors and authors see their own articles and what is published, never the titles
  // of other reporters' drafts.
  if (!content::can(me.role, content::Action::EditArticle, content::Ownership::Others))
    filter.visible_to = me.id;
  AdminPage page(ctx, "admin/articles.tpl", "Articles");
  auto& d = page.main();
  if (auto done = ctx.request.query_param("done")) page.notice("Done: " + *done + ".");
  d.SetValue("QUERY", filter.search);
  d.SetValue("LANGUAGE", filter.language);
  d.SetValue("STATUS_FILTER", status_name);
  d.SetValue("RETURN", "/admin/articles" + list_query(ctx));
  auto all = ctx.store.snapshot()->categories();
  if (all.size() <= kCategoryMenuAtMost) {
    d.ShowSection("CATEGORY_MENU");
    for (const auto& c : all) {
      auto* o = d.AddSectionDictionary("CATEGORY_OPTION");
      o->SetIntValue("VALUE", static_cast<long>(c.id));
      o->SetValue("LABEL", category_label(all, c));
      if (c.id == filter.category_id) o->ShowSection("SELECTED");
    }
  } else {
    // A menu of a thousand categories would be most of the page: the category is typed,
    // by its address or its name.
    d.ShowSection("CATEGORY_TYPED");
    std::string typed = content::trim(ctx.request.query_param("category_path").value_or(""));
    while (!typed.empty() && typed.back() == '/') typed.pop_back();
    if (typed.starts_with("/category/")) typed = typed.substr(10);
    d.SetValue("CATEGORY_PATH", typed);
    if (!typed.empty()) {
      filter.category_id = -1;  // nothing, unless it names a category
      for (const auto& c : all)
        if (c.path == typed || content::ascii_lower(c.name) == content::ascii_lower(typed))
          filter.category_id = c.id;
    } else if (const auto* c = content::find_category(all, filter.category_id)) {
      d.SetValue("CATEGORY_PATH", c->path);
    }
  }
  std::map<Id, std::string> names;  // the author menu and the bylines, read once
  for (const auto& u : ctx.accounts().accounts()) {
    names[u.id] = u.display_name;
    auto* o = d.AddSectionDictionary("AUTHOR_OPTION");
    o->SetIntValue("VALUE", static_cast<long>(u.id));
    o->SetValue("LABEL", u.display_name);
    if (u.id == filter.author_id) o->ShowSection("SELECTED");
  }
  auto list = ctx.store.snapshot()->desk_articles(filter);
  if (list.size() == 51) {
    list.pop_back();
    std::string q = list_query(ctx);
    d.SetValueAndShowSection("NEXT",
                             "/admin/articles" + q + (q.empty() ? "?" : "&") +
                                 "from=" + std::to_string(filter.offset + 50),
                             "HAS_NEXT");
  }
  if (list.empty()) d.ShowSection("EMPTY");
  std::vector<std::string> bulk;  // the moves someone may make on at least one row
  for (const auto& a : list) {
    auto* row = d.AddSectionDictionary("ARTICLE");
    auto own = ownership_of(ctx, a.author_ids);
    std::string authors;
    for (Id id : a.author_ids) authors += (authors.empty() ? "" : ", ") + names[id];
    row->SetValue("AUTHORS", authors.empty() ? "—" : authors);
    const content::Category* category = content::find_category(all, a.category_id);
    row->SetValue("CATEGORY", category ? category_label(all, *category) : "—");
    row->SetIntValue("ID", static_cast<long>(a.id));
    row->SetValue("TITLE", a.title);
    row->SetValue("STATUS", std::string(to_string(a.status)));
    row->SetValue("KIND", std::string(to_string(a.kind)));
    row->SetValue("UPDATED", admin_time(ctx, a.updated_at));
    if (a.status == content::Status::Scheduled && a.published_at)
      row->SetValueAndShowSection("WHEN", admin_time(ctx, a.published_at), "SCHEDULED");
    if (a.status == content::Status::Published)
      row->SetValueAndShowSection("URL", content::article_url(a.slug), "PUBLIC");
    else
      row->ShowSection("PRIVATE");
    if (content::may_edit(me.role, own, a.status)) row->ShowSection("CAN_EDIT");
    // One form a row, a button a move: one CSRF token a row, not one a button.
    auto add_button = [&](std::string_view name) {
      row->ShowSection("HAS_MOVES");
      auto* m = row->AddSectionDictionary("MOVE");
      m->SetValue("NAME", std::string(name));
      m->SetValue("LABEL", name == "delete" ? std::string("delete for good") : std::string(name));
      m->SetIntValue("ID", static_cast<long>(a.id));
      if (std::find(bulk.begin(), bulk.end(), name) == bulk.end()) bulk.emplace_back(name);
    };
    for (const auto& move : content::all_moves()) {
      if (move.to == content::Status::Scheduled) continue;  // needs a time: the editor's
      if (content::may_move(me.role, own, a.status, move)) add_button(move.name);
    }
    if (content::may_delete(me.role, own, a.status)) add_button("delete");
  }
  for (const auto& name : bulk) d.AddSectionDictionary("BULK_OPTION")->SetValue("NAME", name);
  if (!bulk.empty()) d.ShowSection("HAS_BULK");
  return page.render();
}

http::Response article_action(Context& ctx, std::string_view id_text) {
  std::string back = ctx.form.get("return");
  if (!back.starts_with("/admin/articles")) back = "/admin/articles";
  std::string action = ctx.form.get("action");
  if (id_text == "bulk") {
    int done = 0, refused = 0;
    for (const auto& value : ctx.form.all("ids")) {
      auto id = content::parse_integer(value);
      auto article = id ? ctx.store.snapshot()->desk_article(*id) : std::nullopt;
      if (!article) continue;
      (apply(ctx, *article, action).done ? done : refused) += 1;
    }
    if (done == 0 && refused == 0)
      return message_page(ctx, 400, "Nothing chosen", "Tick the articles to act on first.");
    std::string note = action + " " + std::to_string(done) +
                       (refused ? ", refused " + std::to_string(refused) : "");
    return see_other(back + (back.find('?') == std::string::npos ? "?" : "&") +
                     "done=" + content::percent_encode(note));
  }
  auto id = content::parse_integer(id_text);
  auto article = id ? ctx.store.snapshot()->desk_article(*id) : std::nullopt;
  if (!article) return message_page(ctx, 404, "Not found", "There is no such article.");
  auto outcome = apply(ctx, *article, action);
  if (outcome.status == 403) return forbidden(ctx);
  if (outcome.status == 400) return message_page(ctx, 400, "Unknown action", outcome.why);
  if (outcome.status == 409) return message_page(ctx, 409, "Not possible", outcome.why);
  if (!outcome.done) return message_page(ctx, outcome.status, "Not done", outcome.why);
  return see_other(back + (back.find('?') == std::string::npos ? "?" : "&") + "done=" + action);
}

}  // namespace khabar::admin
