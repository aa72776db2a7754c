// Revisions: every save of an article, who made it and when, each with a line diff
// against the current text, and a restore (which is itself a save: nothing is lost).
#include <spdlog/spdlog.h>

#include <algorithm>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/diff.h"
#include "content/text.h"
#include "content/workflow.h"

namespace khabar::admin {

http::Response article_revisions(Context& ctx, std::string_view id_text) {
  const auto& me = ctx.user->account;
  http::Response refusal;
  auto stored = article_to_edit(ctx, id_text, refusal);
  if (!stored) return refusal;

  if (ctx.is_post()) {
    auto rev_id = content::parse_integer(ctx.form.get("revision"));
    auto rev = rev_id ? ctx.store.snapshot()->revision(*rev_id) : std::nullopt;
    if (!rev || rev->article_id != stored->id)
      return message_page(ctx, 404, "Not found", "There is no such revision of this article.");
    store::NewArticle restored = stored->fields;
    restored.title = rev->title;
    restored.excerpt = rev->excerpt;
    restored.body_markdown = rev->body_markdown;
    // A revision of an HTML body made before revisions kept HTML (schema 16) holds no
    // body at all: the HTML stays as it is, as a restore then did.
    if (!rev->body_markdown.empty() || !rev->body_html.empty()) restored.body_html = rev->body_html;
    restored.reading_minutes =
        content::reading_minutes(body_plain_text(restored.body_markdown, restored.body_html));
    auto tx = ctx.store.begin();
    auto saved = tx->save_article(stored->id, restored, stored->version, me.id, ctx.now);
    store::Status s = saved ? tx->commit() : saved.status();
    if (s.code() == store::Code::Conflict)
      return message_page(
          ctx, 409, "Not restored",
          "Someone saved this article a moment ago. Reload the revisions and try again.");
    if (!s) return store_refusal(ctx, s);
    spdlog::info("admin: account {} restored version {} of article {}", me.id, rev->version,
                 stored->id);
    return see_other("/admin/articles/" + std::to_string(stored->id) + "/edit?done=restored");
  }

  AdminPage page(ctx, "admin/revisions.tpl", "Revisions: " + stored->fields.title);
  auto& d = page.main();
  d.SetIntValue("ID", static_cast<long>(stored->id));
  d.SetIntValue("CURRENT", stored->version);
  for (const auto& r : ctx.store.snapshot()->revisions(stored->id)) {
    auto* row = d.AddSectionDictionary("REVISION");
    row->SetIntValue("REVISION_ID", static_cast<long>(r.id));
    row->SetIntValue("VERSION", r.version);
    row->SetValue("WHEN", admin_time(ctx, r.created_at));
    auto who = ctx.accounts().account(r.user_id);
    row->SetValue("WHO", who ? who->display_name : std::string("(deleted user)"));
    row->SetValue("TITLE", r.title);
    if (!r.correction.empty()) row->SetValueAndShowSection("TEXT", r.correction, "CORRECTION");
    if (r.version == stored->version) {
      row->ShowSection("IS_CURRENT");
      continue;
    }
    row->AddSectionDictionary("RESTORE")->SetValue("CSRF", ctx.user->csrf);
    auto* diff = row->AddSectionDictionary("DIFF");
    const auto& now = stored->fields;
    for (const auto& line :
         content::line_diff(r.body_markdown.empty() ? r.body_html : r.body_markdown,
                            now.body_markdown.empty() ? now.body_html : now.body_markdown)) {
      auto* l = diff->AddSectionDictionary("LINE");
      l->SetValue("TEXT", line.text.empty() ? " " : line.text);
      l->SetValue("CLASS", line.kind == content::DiffLine::Kind::Added     ? "added"
                           : line.kind == content::DiffLine::Kind::Removed ? "removed"
                                                                           : "same");
      l->SetValue("MARK", line.kind == content::DiffLine::Kind::Added     ? "+"
                          : line.kind == content::DiffLine::Kind::Removed ? "-"
                                                                          : " ");
    }
  }
  return page.render();
}

}  // namespace khabar::admin
