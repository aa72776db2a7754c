// Site settings: every key of content/settings.h in one form. Administrators only.
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/settings.h"
#include "content/text.h"
#include "newsroom/moderation.h"

namespace khabar::admin {

http::Response site_settings(Context& ctx) {
  if (!content::can(ctx.user->account.role, content::Action::ManageSettings)) return forbidden(ctx);
  using Kind = content::SettingSpec::Kind;
  std::vector<std::string> problems;
  if (ctx.is_post()) {
    for (const auto& spec : content::setting_specs()) {
      std::string key(spec.key);
      // An unchecked checkbox sends nothing: a flag missing from the form is "false".
      if (!ctx.form.has(key) && spec.kind != Kind::Flag) continue;
      if (auto problem = content::setting_problem(spec, ctx.form.get(key)))
        problems.push_back(*problem);
    }
    if (problems.empty()) {
      std::vector<std::pair<std::string, std::string>> values;
      for (const auto& spec : content::setting_specs()) {
        std::string key(spec.key);
        if (!ctx.form.has(key) && spec.kind != Kind::Flag) continue;
        values.emplace_back(key, ctx.form.get(key));
      }
      if (auto s = newsroom::change_settings(ctx.store, values); !s) return store_refusal(ctx, s);
      spdlog::info("admin: account {} changed the site settings", ctx.user->account.id);
      return see_other("/admin/settings?done=saved");
    }
  }
  AdminPage page(ctx, "admin/settings.tpl", "Settings");
  if (ctx.request.query_param("done")) page.notice("Settings saved.");
  for (const auto& p : problems) page.error(p);
  for (const auto& spec : content::setting_specs()) {
    std::string key(spec.key);
    std::string value =
        ctx.is_post() ? ctx.form.get(key)
                      : ctx.store.snapshot()->setting(key).value_or(std::string(spec.fallback));
    auto* f = page.main().AddSectionDictionary("FIELD");
    f->SetValue("KEY", key);
    f->SetValue("LABEL", std::string(spec.label));
    f->SetValue("HELP", std::string(spec.description));
    if (spec.kind == Kind::List || spec.kind == Kind::Origins) {
      f->AddSectionDictionary("LIST")->SetValue("VALUE", value);
    } else if (spec.kind == Kind::Flag) {
      auto* flag = f->AddSectionDictionary("FLAG");
      if (value == "true" || value == "on") flag->ShowSection("CHECKED");
    } else if (spec.kind == Kind::Choice) {
      auto* choice = f->AddSectionDictionary("CHOICE");
      for (std::string_view option : content::split(spec.choices, '|')) {
        auto* o = choice->AddSectionDictionary("OPTION");
        o->SetValue("VALUE", std::string(option));
        if (option == value) o->ShowSection("SELECTED");
      }
    } else {
      auto* text = f->AddSectionDictionary("TEXT");
      text->SetValue("VALUE", value);
      text->SetValue("TYPE", spec.kind == Kind::Integer ? "number"
                             : spec.kind == Kind::Url   ? "url"
                                                        : "text");
    }
  }
  return page.render(problems.empty() ? 200 : 422);
}

}  // namespace khabar::admin
