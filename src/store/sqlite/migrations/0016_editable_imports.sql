-- Version 16: every imported story editable (issue 13).
-- An article whose body is HTML (a WordPress import, or written in the editor's HTML mode)
-- keeps that HTML in each revision, so that its history can be compared and restored like
-- a Markdown body's. Revisions made before hold their Markdown only.
ALTER TABLE revisions ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
-- The editor finds a typed tag by its name before its slug: an imported tag's slug is
-- WordPress's ("content" for "content περιεχόμενο"), not the one Khabar would make.
CREATE INDEX tags_by_name ON tags (name);
-- The editor's autosaves: one copy per article (0: a new one not saved yet) and writer,
-- newer than the article's last save until that writer saves it.
CREATE TABLE autosaves (
  article_id INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  saved_at   INTEGER NOT NULL,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  format     TEXT NOT NULL CHECK (format IN ('markdown', 'html')),
  PRIMARY KEY (article_id, user_id)
);
