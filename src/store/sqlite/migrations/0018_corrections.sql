-- Version 18: correction notes (issues 13 and 17). Each is dated and shown to readers
-- under the article's text; `version` is the article's version it was added with (the
-- revision that shows it).
CREATE TABLE corrections (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  noted_at    INTEGER NOT NULL,
  text        TEXT NOT NULL
);
CREATE INDEX corrections_of_article ON corrections (article_id, noted_at);
