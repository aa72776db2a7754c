#include <ctemplate/template.h>

#include "content/categories.h"
#include "content/dates.h"
#include "content/urls.h"
#include "site/cache_tags.h"
#include "site/pages.h"
#include "site/views.h"

namespace khabar::site {

http::Response rss_feed(PageContext& ctx, const content::ListingFilter& filter,
                        std::string_view title, std::string_view listing_path) {
  auto items = ctx.reads.published_articles(filter, kFeedItems, 0);
  ctx.tag(kTagSite);
  if (filter.category_id)
    ctx.tag(tag_category_listing(*filter.category_id));
  else if (filter.tag_id)
    ctx.tag(tag_tag_listing(*filter.tag_id));
  else if (filter.author_id)
    ctx.tag(tag_author_listing(*filter.author_id));
  else
    ctx.tag(kTagHome);
  for (const auto& a : items) ctx.tag(tag_article(a.id));
  ctemplate::TemplateDictionary dict("rss");
  dict.SetValue("TITLE", std::string(title));
  dict.SetValue("LINK", ctx.absolute(listing_path));
  dict.SetValue("SELF", ctx.absolute(content::feed_url(listing_path)));
  dict.SetValue("DESCRIPTION",
                ctx.settings.tagline.empty() ? ctx.settings.title : ctx.settings.tagline);
  dict.SetValue("LANG", ctx.settings.language);
  content::Timestamp newest = 0;
  for (const auto& a : items) {
    newest = std::max(newest, std::max(a.published_at, a.updated_at));
    auto* item = dict.AddSectionDictionary("ITEM");
    item->SetValue("TITLE", a.title);
    item->SetValue("LINK", ctx.absolute(content::article_url(a.slug)));
    item->SetValue("DATE", content::rfc822(a.published_at));
    item->SetValue("EXCERPT", a.excerpt);
    for (const auto& author : a.authors)
      item->AddSectionDictionary("CREATOR")->SetValue("NAME", author.display_name);
    if (const auto* c = content::find_category(ctx.categories, a.category_id))
      item->SetValueAndShowSection("CATEGORY", c->name, "HAS_CATEGORY");
  }
  if (newest) dict.SetValueAndShowSection("BUILD_DATE", content::rfc822(newest), "HAS_BUILD_DATE");
  http::Response r;
  r.content_type = "application/rss+xml; charset=utf-8";
  r.body = ctx.theme.expand(ctx.theme.localized(ctx.settings.language, "rss.tpl"), dict);
  r.cache_control = "public, max-age=300";
  r.cacheable = true;
  r.cache_tags = std::move(ctx.cache_tags);
  return r;
}

}  // namespace khabar::site
