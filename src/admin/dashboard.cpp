// The dashboard: what waits for the newsroom.
#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/capabilities.h"

namespace khabar::admin {

http::Response dashboard(Context& ctx) {
  using content::Status;
  AdminPage page(ctx, "admin/dashboard.tpl", "Dashboard");
  auto& d = page.main();
  auto reads = ctx.store.snapshot();  // one view: the counts add up
  d.SetValue("NAME", ctx.user->account.display_name);
  d.SetIntValue("DRAFTS", static_cast<long>(reads->count_articles(Status::Draft)));
  d.SetIntValue("PENDING", static_cast<long>(reads->count_articles(Status::Pending)));
  d.SetIntValue("SCHEDULED", static_cast<long>(reads->count_articles(Status::Scheduled)));
  d.SetIntValue("PUBLISHED", static_cast<long>(reads->count_articles(Status::Published)));
  if (content::can(ctx.user->account.role, content::Action::ModerateComments))
    d.AddSectionDictionary("MODERATION")
        ->SetIntValue("COMMENTS",
                      static_cast<long>(reads->count_comments(content::CommentStatus::Pending)));
  if (ctx.user->account.totp_sealed.empty()) d.ShowSection("NO_TWO_FACTOR");
  return page.render();
}

}  // namespace khabar::admin
