-- Version 20: what the sitemaps read (issue 17, docs/urls.md), so that the index and any
-- child of a million-article site is a few index reads, never a count over the archive.

-- Per listing (the keys of `listings`: 'all', 'c:<id>', 't:<id>', 'u:<id>') and per month
-- of publication in UTC ('m:202611', from the 'all' rows): how many published articles
-- it has and when it last changed. The triggers below keep `articles` exact on every
-- insert and delete of a listing row (a save rewrites an article's rows, so an edit of a
-- published article counts as a change too) and mark the row `dirty`; the writer, at
-- commit, sets `modified_at` of the dirty rows to its clock's time and clears the mark.
CREATE TABLE listing_stats (
  listing      TEXT PRIMARY KEY,
  articles     INTEGER NOT NULL DEFAULT 0,
  modified_at  INTEGER NOT NULL DEFAULT 0,
  dirty        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX listing_stats_dirty ON listing_stats (listing) WHERE dirty = 1;

INSERT INTO listing_stats (listing, articles, modified_at)
  SELECT l.listing, count(*), max(a.updated_at)
  FROM listings l JOIN articles a ON a.id = l.article_id GROUP BY l.listing;
INSERT INTO listing_stats (listing, articles, modified_at)
  SELECT 'm:' || strftime('%Y%m', l.published_at, 'unixepoch'), count(*), max(a.updated_at)
  FROM listings l JOIN articles a ON a.id = l.article_id WHERE l.listing = 'all' GROUP BY 1;

CREATE TRIGGER listing_stats_insert AFTER INSERT ON listings BEGIN
  INSERT INTO listing_stats (listing, articles, dirty) VALUES (NEW.listing, 1, 1)
    ON CONFLICT (listing) DO UPDATE SET articles = articles + 1, dirty = 1;
  INSERT INTO listing_stats (listing, articles, dirty)
    SELECT 'm:' || strftime('%Y%m', NEW.published_at, 'unixepoch'), 1, 1 WHERE NEW.listing = 'all'
    ON CONFLICT (listing) DO UPDATE SET articles = articles + 1, dirty = 1;
END;
CREATE TRIGGER listing_stats_delete AFTER DELETE ON listings BEGIN
  UPDATE listing_stats SET articles = articles - 1, dirty = 1
    WHERE listing IN (OLD.listing, CASE WHEN OLD.listing = 'all'
                      THEN 'm:' || strftime('%Y%m', OLD.published_at, 'unixepoch') END);
END;

-- The library pictures of an article's text (Markdown or imported HTML), as originals, in
-- the order the text shows them: for the image tags of the sitemaps. Rewritten with the
-- article's other derived rows; a library item's deletion takes its rows with it.
CREATE TABLE article_images (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  media_id    INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX article_images_media ON article_images (media_id);
INSERT INTO article_images (article_id, position, media_id)
  SELECT a.id, min(j.key), o.id
  FROM articles a, json_each(khabar_media_paths(a.body_markdown, a.body_html)) j
  LEFT JOIN media m ON m.file = j.value LEFT JOIN media_variants v ON v.file = j.value
  JOIN media o ON o.id = coalesce(m.id, v.media_id) AND o.mime LIKE 'image/%'
  GROUP BY a.id, o.id;
