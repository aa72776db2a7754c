// What a reader page shows, as page-cache tags, and which tags a store change drops
// (docs/cache.md). The single place where pages and changes meet.
#pragma once

#include <string>
#include <vector>

#include "content/model.h"
#include "store/change.h"

namespace khabar::site {

inline constexpr const char* kTagSite = "site";                 // nav, settings, footer pages
inline constexpr const char* kTagBanner = "banner";             // every page that could show it
inline constexpr const char* kTagHome = "listing:home";         // the newest articles overall
inline constexpr const char* kTagAllComments = "comments:all";  // the site's comment feed
// The sitemaps (site/sitemaps.cpp): the index, and the children of listings by kind.
inline constexpr const char* kTagSitemapIndex = "sitemap:index";
inline constexpr const char* kTagSitemapCategories = "sitemap:categories";
inline constexpr const char* kTagSitemapTags = "sitemap:tags";
inline constexpr const char* kTagSitemapAuthors = "sitemap:authors";

std::string tag_article(content::Id id);           // its headline, excerpt, byline...
std::string tag_comments(content::Id article_id);  // its visible comments
std::string tag_category_listing(content::Id category_id);
std::string tag_tag_listing(content::Id tag_id);
std::string tag_author(content::Id user_id);                // name and bio (profile)
std::string tag_author_listing(content::Id user_id);        // the author's articles
std::string tag_related_category(content::Id category_id);  // Check Also candidates
std::string tag_related_tag(content::Id tag_id);
std::string tag_sitemap_month(int month);  // the articles published in it (202611)

// The tags to invalidate for changes from Store::changes_since.
std::vector<std::string> tags_for_changes(const std::vector<store::Change>& changes,
                                          const std::vector<content::Category>& categories);

}  // namespace khabar::site
