// The sitemaps (docs/urls.md): /sitemap.xml (an index), its children
// /sitemap-<kind>[-N].xml (pages, categories, tags, authors, and articles-YYYY-MM by the
// month of publication in UTC, at most 2,000 URLs each), and /news-sitemap.xml (Google
// News: the last 48 hours, at most 1,000). Each is cached with the tags of what it shows
// (site/cache_tags.h). Internal to site/.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"
#include "site/page_context.h"

namespace khabar::site {

http::Response sitemap_index(PageContext& ctx);
// The child /sitemap-<name>.xml ("articles-2026-11-2"); the 404 page for any other name.
http::Response sitemap_child(PageContext& ctx, std::string_view name);
http::Response news_sitemap(PageContext& ctx);

// An article's language as Google News names it: "ps", "en", "fa" for Dari ("prs"),
// "zh-cn" and "zh-tw".
std::string news_language(std::string_view language);

}  // namespace khabar::site
