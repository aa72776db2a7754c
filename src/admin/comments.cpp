// The moderation queue: comments by status, searched by author, email or text, 50 a page
// (keyset pages), approve / spam / trash / delete, one or many.
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

// A page's edge in a link: "<created_at>.<id>".
std::string cursor_text(const content::Comment& c) {
  return std::to_string(c.created_at) + "." + std::to_string(c.id);
}

std::optional<store::CommentCursor> parse_cursor(std::optional<std::string> text) {
  if (!text) return std::nullopt;
  auto dot = text->find('.');
  if (dot == std::string::npos) return std::nullopt;
  auto at = content::parse_integer(text->substr(0, dot));
  auto id = content::parse_integer(text->substr(dot + 1));
  if (!at || !id) return std::nullopt;
  return store::CommentCursor{*at, *id};
}

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
  // A page of 50 from where the last one ended (keyset: as quick 18,000 pages deep as on
  // the first), one more read to know whether the list goes on.
  store::ModerationQuery q;
  q.status = status;
  q.limit = static_cast<int>(ListPage::kSize) + 1;
  q.search = content::trim(ctx.request.query_param("q").value_or(""));
  q.older_than = parse_cursor(ctx.request.query_param("older"));
  if (!q.older_than) q.newer_than = parse_cursor(ctx.request.query_param("newer"));
  auto items = snapshot->comments_for_moderation(q);
  bool beyond = items.size() > ListPage::kSize;  // past this page, in the direction read
  if (beyond) q.newer_than ? (void)items.erase(items.begin()) : items.pop_back();
  bool newer = q.older_than || (q.newer_than && beyond);
  bool older = q.newer_than || beyond;
  d.SetValue("QUERY", q.search);
  std::string base = back + (q.search.empty() ? "" : "&q=" + content::percent_encode(q.search));
  page.links(items.empty() ? (q.search.empty() ? "" : "Nothing matches “" + q.search + "”.")
                           : std::to_string(items.size()) + " of " + std::to_string(total) + " " +
                                 std::string(to_string(status)),
             newer && !items.empty() ? base + "&newer=" + cursor_text(items.front().comment) : "",
             older && !items.empty() ? base + "&older=" + cursor_text(items.back().comment) : "");
  if (items.empty() && q.search.empty() && !q.older_than && !q.newer_than) d.ShowSection("EMPTY");
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
