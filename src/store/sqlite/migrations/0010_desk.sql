-- Version 10: the rest of the newsroom's desk (docs/schema.md).

-- Extra categories of an article; its primary one stays articles.category_id (breadcrumbs,
-- kicker, URL of the archive it belongs to). Listings show it in both.
CREATE TABLE article_categories (
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  category_id  INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, category_id)
) WITHOUT ROWID;
CREATE INDEX article_categories_category ON article_categories (category_id, article_id);

-- The featured image picked from the media library (its caption and credit show with it;
-- articles.featured_image keeps the URL, which imports may set without a library item).
ALTER TABLE articles ADD COLUMN featured_media_id INTEGER REFERENCES media(id) ON DELETE SET NULL;

-- Who uploaded a library item (authors manage their own, editors everyone's).
ALTER TABLE media ADD COLUMN uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL;

-- Width variants of a library image, in WebP and in the original's format; every file
-- has had all metadata removed, like the original.
CREATE TABLE media_variants (
  media_id  INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  mime      TEXT NOT NULL,
  width     INTEGER NOT NULL,
  height    INTEGER NOT NULL,
  bytes     INTEGER NOT NULL,
  file      TEXT NOT NULL UNIQUE,
  PRIMARY KEY (media_id, mime, width)
) WITHOUT ROWID;

-- The header navigation, edited in the admin. Empty: the theme shows the top-level
-- categories. kind 'category' and 'page' point at target_id (a label of '' uses the
-- category's or page's own name); 'link' goes to url.
CREATE TABLE menu_items (
  id         INTEGER PRIMARY KEY,
  position   INTEGER NOT NULL DEFAULT 0,
  kind       TEXT NOT NULL CHECK (kind IN ('category', 'page', 'link')),
  target_id  INTEGER,
  label      TEXT NOT NULL DEFAULT '',
  url        TEXT NOT NULL DEFAULT ''
);
