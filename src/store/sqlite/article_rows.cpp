#include "store/sqlite/article_rows.h"

#include "store/sqlite/search.h"

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

// Rewrites the listings rows of one article (migration 0004 says what they are).
void refresh_listings(Connection& db, Id id) {
  db.prepare("DELETE FROM listings WHERE article_id = ?1").bind(1, id).run();
  db.prepare(
        "INSERT OR IGNORE INTO listings (listing, published_at, article_id, category_id) "
        "WITH RECURSIVE me AS (SELECT id, published_at, category_id, "
        "  ifnull(category_id, 0) AS primary_category FROM articles "
        "  WHERE id = ?1 AND kind = 'article' AND status = 'published'), "
        "up(category_id) AS (SELECT category_id FROM me WHERE category_id IS NOT NULL "
        "  UNION SELECT x.category_id FROM article_categories x, me WHERE x.article_id = me.id "
        "  UNION SELECT c.parent_id FROM up JOIN categories c ON c.id = up.category_id "
        "  WHERE c.parent_id IS NOT NULL) "
        "SELECT 'all', published_at, id, primary_category FROM me "
        "UNION ALL SELECT 'c:' || up.category_id, me.published_at, me.id, me.primary_category FROM "
        "up, me "
        "UNION ALL SELECT 't:' || t.tag_id, me.published_at, me.id, me.primary_category "
        "  FROM article_tags t, me WHERE t.article_id = me.id "
        "UNION ALL SELECT 'u:' || w.user_id, me.published_at, me.id, me.primary_category "
        "  FROM article_authors w, me WHERE w.article_id = me.id")
      .bind(1, id)
      .run();
}

}  // namespace khabar::store::sqlite

namespace khabar::store::sqlite {

void refresh_derived_rows(Connection& db, Id id) {
  refresh_listings(db, id);
  refresh_search(db, id);
}

}  // namespace khabar::store::sqlite
