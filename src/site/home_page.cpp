#include <nlohmann/json.hpp>

#include "content/categories.h"
#include "content/urls.h"
#include "site/cache_tags.h"
#include "site/pages.h"
#include "site/views.h"

namespace khabar::site {

http::Response home_page(PageContext& ctx, int page) {
  const std::string& lang = ctx.settings.language;
  // Page 1 leads with the newest article marked as lead story (else the newest). One
  // more than a page is read to know whether an older page follows.
  auto latest =
      ctx.reads.published_articles({}, kArticlesPerPage + 2, (page - 1) * kArticlesPerPage);
  if (page > 1 && latest.empty()) return not_found_page(ctx);

  ctx.tag(kTagHome);
  Page p(ctx, lang, "home.tpl");
  auto& main = p.main();
  if (page == 1) {
    p.set_canonical("/");
    p.set_description(ctx.settings.tagline);
  } else {
    p.set_title(ctx.strings().format(lang, "page_n", {{"n", number(ctx, lang, page)}}));
    p.set_canonical(content::paged_url("/", page));
  }
  p.add_meta_property("og:site_name", ctx.settings.title);
  p.add_meta_property("og:type", "website");
  p.add_meta_property("og:url", ctx.absolute("/"));

  content::Id lead_id = 0;
  if (page == 1) {
    auto lead = ctx.reads.lead_article();
    if (!lead && !latest.empty()) lead = latest.front();
    if (lead) {
      lead_id = lead->id;
      add_card(ctx, main, "LEAD", *lead, /*lead=*/true);
    }
  }
  int shown = 0;
  bool has_older = false;
  for (const auto& a : latest) {
    if (a.id == lead_id) continue;
    if (shown == kArticlesPerPage) {
      has_older = true;
      break;
    }
    ++shown;
    add_card(ctx, main, "LATEST", a);
  }
  if (latest.empty()) main.ShowSection("EMPTY");

  if (page == 1) {
    for (const content::Category* c : content::top_level_categories(ctx.categories)) {
      ctx.tag(tag_category_listing(c->id));
      auto items = ctx.reads.published_articles({.category_id = c->id}, 4, 0);
      if (items.empty()) continue;
      auto* section = main.AddSectionDictionary("SECTION");
      section->SetValue("NAME", c->name);
      section->SetValue("URL", content::category_url(c->path));
      section->SetValue("MORE", ctx.strings().format(lang, "more_in", {{"name", c->name}}));
      for (const auto& a : items) add_card(ctx, *section, "ITEM", a);
    }
    nlohmann::json site = {{"@context", "https://schema.org"},
                           {"@type", "WebSite"},
                           {"name", ctx.settings.title},
                           {"url", ctx.absolute("/")},
                           {"inLanguage", lang}};
    p.add_json_ld(site.dump());
  }
  add_pagination(ctx, main, lang, "/", page, has_older);
  return p.render();
}

}  // namespace khabar::site
