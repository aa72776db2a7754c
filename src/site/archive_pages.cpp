#include "content/categories.h"
#include "content/urls.h"
#include "site/cache_tags.h"
#include "site/pages.h"
#include "site/views.h"

namespace khabar::site {
namespace {

struct Listing {
  content::ListingFilter filter;
  std::string heading;          // <h1>
  std::string title;            // <title>
  std::string description;      // under the heading, and <meta name=description>
  std::string url;              // the listing's own path
  content::Id category_id = 0;  // category listings: the breadcrumb trail ends here
  std::string tag;              // its page-cache tag
};

http::Response listing_page(PageContext& ctx, const Listing& l, int page,
                            const std::function<void(Page&)>& extra = {}) {
  const std::string& lang = ctx.settings.language;
  auto items =
      ctx.reads.published_articles(l.filter, kArticlesPerPage + 1, (page - 1) * kArticlesPerPage);
  if (page > 1 && items.empty()) return not_found_page(ctx);
  bool has_older = items.size() > static_cast<std::size_t>(kArticlesPerPage);
  if (has_older) items.pop_back();
  ctx.tag(l.tag);
  Page p(ctx, lang, "listing.tpl");
  auto& main = p.main();
  std::string title = l.title;
  if (page > 1)
    title += " \u2013 " + ctx.strings().format(lang, "page_n", {{"n", number(ctx, lang, page)}});
  p.set_title(title);
  p.set_canonical(content::paged_url(l.url, page));
  p.set_description(l.description);
  p.set_feed(content::feed_url(l.url), l.title + " \u2013 " + ctx.settings.title);
  main.SetValue("HEADING", l.heading);
  main.SetValue("LISTING_FEED_URL", content::feed_url(l.url));
  if (!l.description.empty())
    main.SetValueAndShowSection("DESCRIPTION", l.description, "HAS_DESCRIPTION");
  auto trail = content::category_trail(ctx.categories, l.category_id);
  if (!trail.empty()) p.set_current_category(trail.front()->id);
  p.add_json_ld(add_breadcrumbs(ctx, main, lang, l.category_id, l.category_id ? "" : l.heading,
                                l.url, false));
  for (const auto& a : items) add_card(ctx, main, "ITEM", a);
  if (items.empty()) main.ShowSection("EMPTY");
  add_pagination(ctx, main, lang, l.url, page, has_older);
  if (extra) extra(p);
  return p.render();
}

}  // namespace

http::Response category_page(PageContext& ctx, const content::Category& c, int page) {
  Listing l;
  l.filter.category_id = c.id;
  l.heading = c.name;
  l.title = c.name;
  l.description = c.description;
  l.url = content::category_url(c.path);
  l.category_id = c.id;
  l.tag = tag_category_listing(c.id);
  return listing_page(ctx, l, page);
}

http::Response tag_page(PageContext& ctx, const content::Tag& t, int page) {
  const std::string& lang = ctx.settings.language;
  Listing l;
  l.filter.tag_id = t.id;
  l.heading = ctx.strings().format(lang, "tagged", {{"name", t.name}});
  l.title = t.name;
  l.url = content::tag_url(t.slug);
  l.tag = tag_tag_listing(t.id);
  return listing_page(ctx, l, page);
}

http::Response author_page(PageContext& ctx, const content::Author& a, int page) {
  const std::string& lang = ctx.settings.language;
  Listing l;
  l.filter.author_id = a.id;
  l.heading = ctx.strings().format(lang, "articles_by", {{"name", a.display_name}});
  l.title = a.display_name;
  l.description = a.bio;
  l.url = content::author_url(a.slug);
  l.tag = tag_author_listing(a.id);
  ctx.tag(tag_author(a.id));
  return listing_page(ctx, l, page, [&](Page& p) {
    p.add_meta_property("og:type", "profile");
    p.add_meta_property("profile:username", a.slug);
  });
}

http::Response not_found_page(PageContext& ctx) {
  const std::string& lang = ctx.settings.language;
  Page p(ctx, lang, "notfound.tpl");
  p.set_title(ctx.strings().get(lang, "not_found_title"));
  p.root().ShowSection("NOINDEX");
  http::Response r = p.render(404);
  return r;
}

}  // namespace khabar::site
