// Breaking news: the one-line banner on every reader page, put up and taken down here by
// editors and administrators (newsroom/banner.h). It ends by itself after the chosen
// time, or stays until taken down.
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/capabilities.h"
#include "newsroom/banner.h"

namespace khabar::admin {
namespace {

// How long a banner stays up, as the form offers it (no JavaScript date picker).
struct Duration {
  const char* value;
  const char* label;
  Timestamp seconds;  // 0: until taken down
};
constexpr Duration kDurations[] = {
    {"1h", "1 hour", 3600},         {"3h", "3 hours", 3 * 3600},    {"6h", "6 hours", 6 * 3600},
    {"12h", "12 hours", 12 * 3600}, {"24h", "24 hours", 24 * 3600}, {"none", "Until taken down", 0},
};

http::Response breaking_page(Context& ctx, int status, std::string_view error,
                             const newsroom::BannerRequest& typed, std::string_view duration) {
  AdminPage page(ctx, "admin/breaking.tpl", "Breaking news");
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done"))
    page.notice(*done == "down" ? "The banner is taken down." : "The banner is up on every page.");
  auto& d = page.main();
  auto reads = ctx.store.snapshot();
  if (auto b = reads->banner(); b && b->shown_at(ctx.now)) {
    auto* current = d.AddSectionDictionary("CURRENT");
    current->SetValue("TEXT", b->text);
    current->SetValue("URL", b->url);
    current->SetValue("LANG", b->language);
    current->SetValue("SINCE", admin_time(ctx, b->set_at));
    current->SetValue("UNTIL", b->until ? admin_time(ctx, b->until) : "until taken down");
    auto who = b->set_by ? ctx.accounts().account(b->set_by) : std::nullopt;
    current->SetValue("BY", who ? who->display_name : "someone no longer on the desk");
  } else {
    d.ShowSection("NONE");
  }
  d.SetValue("TEXT", typed.text);
  d.SetValue("LINK", typed.url);
  d.SetIntValue("MAX", static_cast<long>(newsroom::kBannerMaxChars));
  std::string language =
      typed.language.empty() ? reads->setting("language").value_or("en") : typed.language;
  for (const auto& code : ctx.theme.strings().languages()) {
    auto* o = d.AddSectionDictionary("LANGUAGE");
    o->SetValue("VALUE", code);
    o->SetValue("LABEL", ctx.theme.strings().get(code, "name"));
    if (code == language) o->ShowSection("SELECTED");
  }
  for (const auto& option : kDurations) {
    auto* o = d.AddSectionDictionary("DURATION");
    o->SetValue("VALUE", option.value);
    o->SetValue("LABEL", option.label);
    if (option.value == (duration.empty() ? std::string_view("3h") : duration))
      o->ShowSection("SELECTED");
  }
  return page.render(status);
}

}  // namespace

http::Response breaking_news(Context& ctx) {
  if (!content::can(ctx.user->account.role, content::Action::SetBreakingNews))
    return forbidden(ctx);
  if (!ctx.is_post()) return breaking_page(ctx, 200, "", {}, "");
  newsroom::Actor actor{ctx.user->account.id, ctx.user->account.role};
  if (ctx.form.get("action") == "take-down") {
    if (auto s = newsroom::take_down_banner(ctx.store, actor); !s) return store_refusal(ctx, s);
    spdlog::info("admin: account {} took down the breaking-news banner", actor.id);
    return see_other("/admin/breaking?done=down");
  }
  newsroom::BannerRequest request{ctx.form.get("text"), ctx.form.get("link"),
                                  ctx.form.get("language"), 0};
  std::string duration = ctx.form.get("duration");
  const Duration* chosen = nullptr;
  for (const auto& option : kDurations)
    if (duration == option.value) chosen = &option;
  if (!chosen) return breaking_page(ctx, 422, "Choose how long the banner stays up.", request, "");
  if (chosen->seconds) request.until = ctx.now + chosen->seconds;
  auto s = newsroom::put_up_banner(ctx.store, actor, request, ctx.now);
  if (s.code() == store::Code::Invalid)
    return breaking_page(ctx, 422, s.message(), request, duration);
  if (!s) return store_refusal(ctx, s);
  spdlog::info("admin: account {} put up a breaking-news banner", actor.id);
  return see_other("/admin/breaking?done=up");
}

}  // namespace khabar::admin
