-- Version 4: listings, so that every reader listing is one index range scan whatever
-- the size of the archive (a category page of a million-article site reads 10 rows).
-- One row per published article per listing it appears in:
--   'all'      the whole site (home, /feed/)
--   'c:<id>'   its primary category and every ancestor of it
--   't:<id>'   each of its tags
--   'u:<id>'   each of its authors
-- Maintained by the store whenever an article is written.
CREATE TABLE listings (
  listing       TEXT NOT NULL,
  published_at  INTEGER NOT NULL,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (listing, published_at, article_id)
) WITHOUT ROWID;
CREATE INDEX listings_article ON listings (article_id);

INSERT INTO listings (listing, published_at, article_id)
  SELECT 'all', published_at, id FROM articles
  WHERE kind = 'article' AND status = 'published';

INSERT OR IGNORE INTO listings (listing, published_at, article_id)
  WITH RECURSIVE up(article_id, published_at, category_id) AS (
    SELECT id, published_at, category_id FROM articles
    WHERE kind = 'article' AND status = 'published' AND category_id IS NOT NULL
    UNION ALL
    SELECT up.article_id, up.published_at, c.parent_id
    FROM up JOIN categories c ON c.id = up.category_id WHERE c.parent_id IS NOT NULL)
  SELECT 'c:' || category_id, published_at, article_id FROM up;

INSERT OR IGNORE INTO listings (listing, published_at, article_id)
  SELECT 't:' || t.tag_id, a.published_at, a.id
  FROM article_tags t JOIN articles a ON a.id = t.article_id
  WHERE a.kind = 'article' AND a.status = 'published';

INSERT OR IGNORE INTO listings (listing, published_at, article_id)
  SELECT 'u:' || w.user_id, a.published_at, a.id
  FROM article_authors w JOIN articles a ON a.id = w.article_id
  WHERE a.kind = 'article' AND a.status = 'published';
