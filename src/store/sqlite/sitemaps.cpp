#include "store/sqlite/sitemaps.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "store/sqlite/rows.h"

namespace khabar::store::sqlite {
namespace {

// The library pictures of an article's text (khabar_media_paths names the files it points
// at, originals or variants), by the original, at its first place in the text.
constexpr std::string_view kImagesInsert =
    "INSERT INTO article_images (article_id, position, media_id) "
    "SELECT a.id, min(j.key), o.id "
    "FROM articles a, json_each(khabar_media_paths(a.body_markdown, a.body_html)) j "
    "LEFT JOIN media m ON m.file = j.value LEFT JOIN media_variants v ON v.file = j.value "
    "JOIN media o ON o.id = coalesce(m.id, v.media_id) AND o.mime LIKE 'image/%' "
    "WHERE a.id = ?1 GROUP BY o.id";

// "2026-11-01" for 202611.
std::string month_start(int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-01", month / 100 % 10000, month % 100);
  return buf;
}

// The pictures of each article: the featured one first, then those of its text.
void attach_images(Connection& db, std::vector<SitemapArticle>& items) {
  std::vector<Id> ids;
  for (const auto& a : items) ids.push_back(a.id);
  const std::string list = json_ids(ids);
  auto add = [&](Statement s) {
    s.bind(1, list);
    while (s.step()) {
      auto& images = items[static_cast<std::size_t>(s.int64(0))].images;
      std::string file = s.text(1);
      if (images.size() < static_cast<std::size_t>(kSitemapImagesPerArticle) &&
          std::find(images.begin(), images.end(), file) == images.end())
        images.push_back(std::move(file));
    }
  };
  add(
      db.prepare("SELECT j.key, m.file FROM json_each(?1) j JOIN articles a ON a.id = j.value "
                 "JOIN media m ON m.id = a.featured_media_id AND m.mime LIKE 'image/%'"));
  add(db.prepare(
      "SELECT j.key, m.file FROM json_each(?1) j JOIN article_images i ON i.article_id = j.value "
      "JOIN media m ON m.id = i.media_id ORDER BY j.key, i.position"));
}

constexpr std::string_view kColumns =
    "a.id, a.slug, a.title, a.language, ifnull(a.published_at, 0), a.updated_at";

SitemapArticle read_article(const Statement& s) {
  return {s.int64(0), s.text(1), s.text(2), s.text(3), s.int64(4), s.int64(5), {}};
}

}  // namespace

void refresh_images(Connection& db, Id id) {
  db.prepare("DELETE FROM article_images WHERE article_id = ?1").bind(1, id).run();
  db.prepare(kImagesInsert).bind(1, id).run();
}

void touch_sitemap_month(Connection& db, Id id) {
  db.prepare(
        "UPDATE listing_stats SET dirty = 1 WHERE listing = (SELECT 'm:' || "
        "strftime('%Y%m', published_at, 'unixepoch') FROM listings "
        "WHERE listing = 'all' AND article_id = ?1)")
      .bind(1, id)
      .run();
}

std::vector<int> stamp_changed_listings(Connection& db, content::Timestamp now) {
  std::vector<int> months;
  bool any = false;
  {
    auto s = db.prepare("SELECT listing FROM listing_stats WHERE dirty = 1");
    while (s.step()) {
      any = true;
      std::string key = s.text(0);
      if (key.starts_with("m:")) months.push_back(std::atoi(key.c_str() + 2));
    }
  }
  if (any)
    db.prepare("UPDATE listing_stats SET modified_at = ?1, dirty = 0 WHERE dirty = 1")
        .bind(1, now)
        .run();
  return months;
}

std::vector<SitemapMonth> sitemap_months(Connection& db) {
  auto s = db.prepare(
      "SELECT CAST(substr(listing, 3) AS INTEGER), articles, modified_at FROM listing_stats "
      "WHERE listing > 'm:' AND listing < 'm;' AND articles > 0 ORDER BY listing");
  std::vector<SitemapMonth> out;
  while (s.step()) out.push_back({static_cast<int>(s.int64(0)), s.int64(1), s.int64(2)});
  return out;
}

std::vector<SitemapArticle> sitemap_articles(Connection& db, int month, int limit, int offset) {
  auto s = db.prepare(sql("SELECT ", kColumns,
                          " FROM (SELECT article_id, published_at FROM listings "
                          "WHERE listing = 'all' AND published_at >= unixepoch(?1) AND "
                          "published_at < unixepoch(?1, '+1 month') "
                          "ORDER BY published_at, article_id LIMIT ?2 OFFSET ?3) l "
                          "CROSS JOIN articles a ON a.id = l.article_id "
                          "ORDER BY l.published_at, l.article_id"));
  s.bind(1, month_start(month))
      .bind(2, static_cast<std::int64_t>(limit))
      .bind(3, static_cast<std::int64_t>(offset));
  std::vector<SitemapArticle> out;
  while (s.step()) out.push_back(read_article(s));
  attach_images(db, out);
  return out;
}

std::vector<SitemapArticle> sitemap_news(Connection& db, content::Timestamp since, int limit) {
  auto s = db.prepare(sql("SELECT ", kColumns,
                          " FROM (SELECT article_id, published_at FROM listings "
                          "WHERE listing = 'all' AND published_at >= ?1 "
                          "ORDER BY published_at DESC, article_id DESC LIMIT ?2) l "
                          "CROSS JOIN articles a ON a.id = l.article_id "
                          "ORDER BY l.published_at DESC, l.article_id DESC"));
  s.bind(1, since).bind(2, static_cast<std::int64_t>(limit));
  std::vector<SitemapArticle> out;
  while (s.step()) out.push_back(read_article(s));
  return out;
}

std::vector<SitemapListing> sitemap_listings(Connection& db, ListingKind kind) {
  // The key's id, then its public slug: a tag's, an author's (never the login).
  std::string_view join = kind == ListingKind::Tag      ? " JOIN tags n ON n.id = l.id"
                          : kind == ListingKind::Author ? " JOIN users n ON n.id = l.id"
                                                        : " JOIN categories n ON n.id = l.id";
  std::string_view slug = kind == ListingKind::Category ? "''" : "n.slug";
  auto s = db.prepare(sql(sql("SELECT l.id, ", slug,
                              " , l.modified_at FROM (SELECT CAST(substr(listing, 3) AS INTEGER) "
                              "AS id, modified_at FROM listing_stats WHERE listing > ?1 AND "
                              "listing < ?2 AND articles > 0) l"),
                          join, " ORDER BY l.id"));
  char k = static_cast<char>(kind);
  s.bind(1, std::string{k, ':'}).bind(2, std::string{k, ';'});
  std::vector<SitemapListing> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1), s.int64(2)});
  return out;
}

}  // namespace khabar::store::sqlite
