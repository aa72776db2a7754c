#include "site/preview.h"

#include "site/page_context.h"
#include "site/pages.h"

namespace khabar::site {

http::Response render_preview(store::Store& store, const render::Theme& theme,
                              const http::StaticFiles& assets, const security::Secret& secret,
                              const content::Clock& clock, const content::Article& article) {
  auto reads = store.snapshot();
  SiteSnapshot snapshot = load_snapshot(*reads, assets);
  PageContext ctx{*reads,
                  store,
                  theme,
                  assets,
                  secret,
                  clock,
                  clock.now(),
                  snapshot.settings,
                  snapshot.categories,
                  snapshot.pages,
                  snapshot.moderation,
                  snapshot.menu,
                  {}};
  http::Response r = article_page(ctx, article);
  r.cacheable = false;
  r.cache_tags.clear();
  r.splice.reset();
  return r;
}

}  // namespace khabar::site
