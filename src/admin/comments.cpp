// The moderation queue: comments by status, approve / spam / trash / delete, one or many.
#include <array>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/capabilities.h"
#include "content/text.h"
#include "content/urls.h"
#include "newsroom/moderation.h"

namespace khabar::admin {
namespace {

using content::CommentStatus;

constexpr std::array kTabs = {CommentStatus::Pending, CommentStatus::Approved, CommentStatus::Spam,
                              CommentStatus::Trash};

std::vector<Id> ids_of(const Form& form) {
  std::vector<Id> ids;
  for (const auto& value : form.all("id"))
    if (auto id = content::parse_integer(value); id && *id > 0) ids.push_back(*id);
  return ids;
}

}  // namespace

http::Response comments(Context& ctx) {
  if (!content::can(ctx.user->account.role, content::Action::ModerateComments))
    return forbidden(ctx);
  std::string tab = ctx.is_post() ? ctx.form.get("status")
                                  : ctx.request.query_param("status").value_or("pending");
  auto status = content::parse_comment_status(tab).value_or(CommentStatus::Pending);
  std::string back = "/admin/comments?status=" + std::string(to_string(status));
  if (ctx.is_post()) {
    std::string action = ctx.form.get("action");
    auto ids = ids_of(ctx.form);
    if (ids.empty()) return see_other(back + "&done=none");
    auto moderation = newsroom::parse_moderation(action);
    if (!moderation)
      return message_page(ctx, 400, "Unknown action", "That is not a moderation action.");
    auto done = newsroom::moderate(ctx.store, ids, *moderation);
    if (!done) return store_refusal(ctx, done.status());
    std::size_t changed = done->size();
    return see_other(back + "&done=" + action + "&n=" + std::to_string(changed));
  }

  AdminPage page(ctx, "admin/comments.tpl", "Comments");
  auto& d = page.main();
  if (auto done = ctx.request.query_param("done")) {
    if (*done == "none")
      page.error("Select at least one comment first.");
    else {
      std::string n = ctx.request.query_param("n").value_or("0");
      std::string what = n + (n == "1" ? " comment" : " comments");
      page.notice(*done == "approve"  ? "Approved " + what + "."
                  : *done == "spam"   ? "Marked " + what + " as spam."
                  : *done == "trash"  ? "Moved " + what + " to the trash."
                  : *done == "delete" ? "Deleted " + what + " for good."
                                      : "Moved " + what + " back to pending.");
    }
  }
  // One snapshot: the tabs' counts and the page agree, and the shown tab is counted once.
  auto snapshot = ctx.store.snapshot();
  std::size_t total = 0;
  for (CommentStatus s : kTabs) {
    auto* t = d.AddSectionDictionary("TAB");
    auto count = static_cast<std::size_t>(snapshot->count_comments(s));
    t->SetValue("NAME", std::string(to_string(s)));
    t->SetIntValue("COUNT", static_cast<long>(count));
    if (s != status) continue;
    t->ShowSection("CURRENT");
    total = count;
  }
  d.SetValue("STATUS", std::string(to_string(status)));
  ListPage p = list_page(ctx);
  auto items = snapshot->comments_for_moderation(status, static_cast<int>(ListPage::kSize),
                                                 static_cast<int>(p.offset()));
  page.pager(p, items.size(), p.offset() + items.size() < total, "/admin/comments",
             "status=" + std::string(to_string(status)));
  if (items.empty() && p.page == 1) d.ShowSection("EMPTY");
  for (const auto& item : items) {
    auto* c = d.AddSectionDictionary("COMMENT");
    c->SetIntValue("ID", static_cast<long>(item.comment.id));
    c->SetValue("AUTHOR", item.comment.author_name);
    c->SetValue("EMAIL", item.author_email);
    if (!item.comment.author_url.empty())
      c->SetValueAndShowSection("URL", item.comment.author_url, "HAS_URL");
    c->SetValue("BODY", item.comment.body);
    c->SetValue("WHEN", admin_time(ctx, item.comment.created_at));
    c->SetValue("ARTICLE_URL", content::article_url(item.article_slug));
    c->SetValue("ARTICLE_SLUG", item.article_slug);
  }
  return page.render();
}

}  // namespace khabar::admin
