-- Khabar schema, version 1: the reader site's content model (docs/schema.md).
-- Times are Unix seconds, UTC.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE,          -- private: never shown to readers
  email         TEXT NOT NULL DEFAULT '',      -- private
  display_name  TEXT NOT NULL,
  slug          TEXT NOT NULL UNIQUE,          -- public: /author/<slug>/
  bio           TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL DEFAULT 'author'
                CHECK (role IN ('administrator', 'editor', 'author', 'contributor')),
  created_at    INTEGER NOT NULL
);

CREATE TABLE categories (
  id           INTEGER PRIMARY KEY,
  parent_id    INTEGER REFERENCES categories(id) ON DELETE RESTRICT,
  slug         TEXT NOT NULL,
  path         TEXT NOT NULL UNIQUE,           -- "world/asia": slugs from the root
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL DEFAULT 0,
  CHECK (slug <> '' AND instr(slug, '/') = 0)
);
CREATE UNIQUE INDEX categories_parent_slug ON categories (ifnull(parent_id, 0), slug);

CREATE TABLE tags (
  id    INTEGER PRIMARY KEY,
  slug  TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  name  TEXT NOT NULL
);

CREATE TABLE articles (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'page')),
  slug             TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  title            TEXT NOT NULL,
  excerpt          TEXT NOT NULL DEFAULT '',
  body_markdown    TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'pending', 'scheduled', 'published', 'trash')),
  language         TEXT NOT NULL DEFAULT 'en',
  source_line      TEXT NOT NULL DEFAULT '',
  category_id      INTEGER REFERENCES categories(id) ON DELETE SET NULL,
  reading_minutes  INTEGER NOT NULL DEFAULT 1,
  comments_open    INTEGER NOT NULL DEFAULT 1,
  is_lead          INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  published_at     INTEGER,
  updated_at       INTEGER NOT NULL
);
-- Listings: newest published first, overall and per category.
CREATE INDEX articles_listing ON articles (kind, status, published_at DESC, id DESC);
CREATE INDEX articles_category_listing ON articles (category_id, kind, status, published_at DESC, id DESC);
CREATE INDEX articles_lead ON articles (is_lead, status, published_at DESC) WHERE is_lead = 1;

-- One or more authors per article; position 0 is the primary byline.
CREATE TABLE article_authors (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  position    INTEGER NOT NULL,
  PRIMARY KEY (article_id, position),
  UNIQUE (article_id, user_id)
);
CREATE INDEX article_authors_user ON article_authors (user_id, article_id);

CREATE TABLE article_tags (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

CREATE TABLE comments (
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  parent_id     INTEGER REFERENCES comments(id) ON DELETE SET NULL,
  author_name   TEXT NOT NULL,
  author_email  TEXT NOT NULL DEFAULT '',      -- private: never shown
  author_url    TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
  created_at    INTEGER NOT NULL
);
CREATE INDEX comments_article ON comments (article_id, status, created_at, id);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
