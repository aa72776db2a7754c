// The desk's article list with the workflow moves each user may make. (The editor
// itself comes with the newsroom-desk work.)
#include <algorithm>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/text.h"
#include "content/urls.h"
#include "content/workflow.h"

namespace khabar::admin {
http::Response articles(Context& ctx) {
  store::DeskFilter filter;
  auto status_name = ctx.request.query_param("status").value_or("");
  filter.status = content::parse_status(status_name);
  if (ctx.request.query_param("mine")) filter.author_id = ctx.user->account.id;
  AdminPage page(ctx, "admin/articles.tpl", "Articles");
  auto& d = page.main();
  if (auto done = ctx.request.query_param("done")) page.notice("Done: " + *done + ".");
  auto list = ctx.store.desk_articles(filter);
  if (list.empty()) d.ShowSection("EMPTY");
  for (const auto& a : list) {
    auto* row = d.AddSectionDictionary("ARTICLE");
    row->SetIntValue("ID", static_cast<long>(a.id));
    row->SetValue("TITLE", a.title);
    row->SetValue("STATUS", std::string(to_string(a.status)));
    row->SetValue("KIND", std::string(to_string(a.kind)));
    row->SetValue("UPDATED", admin_time(ctx, a.updated_at));
    if (a.status == content::Status::Published)
      row->SetValueAndShowSection("URL", content::article_url(a.slug), "PUBLIC");
    else
      row->ShowSection("PRIVATE");
    if (content::may_edit(ctx.user->account.role, ownership_of(ctx, a.author_ids), a.status))
      row->ShowSection("CAN_EDIT");
    for (const auto& move : content::all_moves()) {
      if (!content::may_move(ctx.user->account.role, ownership_of(ctx, a.author_ids), a.status, move)) continue;
      auto* m = row->AddSectionDictionary("MOVE");
      m->SetValue("NAME", std::string(move.name));
      m->SetValue("CSRF", ctx.user->csrf);
      m->SetIntValue("ID", static_cast<long>(a.id));
    }
  }
  return page.render();
}

http::Response article_action(Context& ctx, std::string_view id_text) {
  auto id = content::parse_integer(id_text);
  auto article = id ? ctx.store.desk_article(*id) : std::nullopt;
  if (!article) return message_page(ctx, 404, "Not found", "There is no such article.");
  auto move = content::find_move(ctx.form.get("action"));
  if (!move) return message_page(ctx, 400, "Unknown action", "That is not a workflow action.");
  if (!content::applies(*move, article->status))
    return message_page(ctx, 409, "Not possible",
                        "This article is " + std::string(to_string(article->status)) +
                            "; '" + std::string(move->name) + "' does not apply to it.");
  if (!content::may_move(ctx.user->account.role, ownership_of(ctx, article->author_ids), article->status, *move))
    return forbidden(ctx);
  ctx.store.set_article_status(article->id, move->to, ctx.now);
  return see_other("/admin/articles?done=" + std::string(move->name));
}

}  // namespace khabar::admin
