#include "store/sqlite/article_rows.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite/rows.h"
#include "store/sqlite/search.h"
#include "store/sqlite/sitemaps.h"

namespace khabar::store::sqlite {

using namespace khabar::content;

void bind_article(Statement& s, const NewArticle& a) {
  s.bind(1, to_string(a.kind))
      .bind(2, a.slug)
      .bind(3, a.title)
      .bind(4, a.excerpt)
      .bind(5, a.body_markdown)
      .bind(6, to_string(a.status))
      .bind(7, a.language)
      .bind(8, a.source_line)
      .bind_optional_id(9, a.category_id)
      .bind(10, static_cast<std::int64_t>(a.reading_minutes))
      .bind(11, static_cast<std::int64_t>(a.comments_open))
      .bind(12, static_cast<std::int64_t>(a.is_lead))
      .bind_optional_id(14, a.published_at)
      .bind(17, a.body_html)
      .bind(18, a.featured_image)
      .bind_optional_id(19, a.featured_media_id);
}

void write_bylines_and_tags(Connection& db, Id id, const NewArticle& a) {
  for (std::size_t i = 0; i < a.author_ids.size(); ++i)
    db.prepare("INSERT INTO article_authors (article_id, user_id, position) VALUES (?1, ?2, ?3)")
        .bind(1, id)
        .bind(2, a.author_ids[i])
        .bind(3, static_cast<std::int64_t>(i))
        .run();
  for (Id tag : a.tag_ids)
    db.prepare("INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?1, ?2)")
        .bind(1, id)
        .bind(2, tag)
        .run();
  for (Id category : a.extra_category_ids)
    if (category != a.category_id)
      db.prepare(
            "INSERT OR IGNORE INTO article_categories (article_id, category_id) VALUES (?1, ?2)")
          .bind(1, id)
          .bind(2, category)
          .run();
}

// Rewrites the listings rows of one article (migration 0004 says what they are). Worked
// out here, a few indexed reads, rather than in one recursive query: its CTEs and UNIONs
// made temporary tables, opened and freed for every article an import writes.
void refresh_listings(Connection& db, Id id) {
  db.prepare("DELETE FROM listings WHERE article_id = ?1").bind(1, id).run();
  std::optional<Timestamp> published;
  Id primary = 0;
  {
    auto s = db.prepare(
        "SELECT published_at, ifnull(category_id, 0) FROM articles "
        "WHERE id = ?1 AND kind = 'article' AND status = 'published'");
    s.bind(1, id);
    if (!s.step()) return;  // listed only while published
    if (!s.is_null(0)) published = s.int64(0);
    primary = s.int64(1);
  }
  auto list = [&](const std::string& listing) {
    auto s = db.prepare(
        "INSERT OR IGNORE INTO listings (listing, published_at, article_id, category_id) "
        "VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, listing);
    if (published)
      s.bind(2, *published);
    else
      s.bind_null(2);
    s.bind(3, id).bind(4, primary).run();
  };
  list("all");
  // The categories: the primary one, the extra ones, and every ancestor of each.
  std::vector<Id> categories;
  if (primary) categories.push_back(primary);
  for (Id c : ids(db, "SELECT category_id FROM article_categories WHERE article_id = ?1", id))
    categories.push_back(c);
  for (std::size_t i = 0; i < categories.size() && i < 1000; ++i) {
    auto s = db.prepare("SELECT parent_id FROM categories WHERE id = ?1 AND parent_id IS NOT NULL");
    s.bind(1, categories[i]);
    if (s.step() && std::find(categories.begin(), categories.end(), s.int64(0)) == categories.end())
      categories.push_back(s.int64(0));
  }
  for (Id c : categories) list("c:" + std::to_string(c));
  for (Id t : ids(db, "SELECT tag_id FROM article_tags WHERE article_id = ?1", id))
    list("t:" + std::to_string(t));
  for (Id u : ids(db, "SELECT user_id FROM article_authors WHERE article_id = ?1", id))
    list("u:" + std::to_string(u));
}

}  // namespace khabar::store::sqlite

namespace khabar::store::sqlite {

void refresh_derived_rows(Connection& db, Id id) {
  refresh_listings(db, id);
  refresh_search(db, id);
  refresh_images(db, id);
}

}  // namespace khabar::store::sqlite
