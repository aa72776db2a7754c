// What the sitemaps read (migration 0020, docs/urls.md), and the rows the writer keeps
// for them: an article's pictures, and the times listings last changed.
#pragma once

#include <string>
#include <vector>

#include "store/records.h"
#include "store/sqlite/connection.h"

namespace khabar::store::sqlite {

// At most this many pictures per article are kept for the sitemaps (Google reads 1,000;
// the site's sitemaps show fewer, so that a child stays far below 10 MB).
inline constexpr int kSitemapImagesPerArticle = 20;

// Rewrites the article_images rows of article `id` from its text.
void refresh_images(Connection& db, Id id);

// Marks the month of a published article as changed (for the writer's commit), when
// something the sitemaps show of it changes without a rewrite of its listings.
void touch_sitemap_month(Connection& db, Id id);

// For the writer at commit: sets modified_at of the listing_stats rows the transaction
// changed to `now` and clears their mark; returns the months among them (202611).
std::vector<int> stamp_changed_listings(Connection& db, content::Timestamp now);

std::vector<SitemapMonth> sitemap_months(Connection& db);
std::vector<SitemapArticle> sitemap_articles(Connection& db, int month, int limit, int offset);
std::vector<SitemapArticle> sitemap_news(Connection& db, content::Timestamp since, int limit);
std::vector<SitemapListing> sitemap_listings(Connection& db, ListingKind kind);

}  // namespace khabar::store::sqlite
