-- Version 9: the desk's editor. `version` counts saves of an article (optimistic locking:
-- a save names the version it started from); every save keeps a revision.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE revisions (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  user_id        INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at     INTEGER NOT NULL,
  title          TEXT NOT NULL,
  excerpt        TEXT NOT NULL,
  body_markdown  TEXT NOT NULL
);
CREATE INDEX revisions_article ON revisions (article_id, version DESC);
