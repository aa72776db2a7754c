-- Version 7: what importing another site needs (docs/schema.md).
-- body_html: sanitised HTML of an imported article, shown instead of body_markdown when
-- not empty; featured_image: the URL of its lead picture.
ALTER TABLE articles ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN featured_image TEXT NOT NULL DEFAULT '';
-- What each imported item became, so that importing again updates instead of duplicating:
-- kind 'wp:post', 'wp:comment', 'wp:category', 'wp:tag', 'wp:author', 'wp:attachment'...
CREATE TABLE import_keys (
  kind       TEXT NOT NULL,
  key        TEXT NOT NULL,
  target_id  INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
-- Old addresses that answer 301: path (decoded, with "?p=ID" style queries) -> new path.
CREATE TABLE redirects (
  path    TEXT PRIMARY KEY,
  target  TEXT NOT NULL
) WITHOUT ROWID;
