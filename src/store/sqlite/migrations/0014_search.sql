-- Version 14: reader search (docs/search.md, docs/schema.md).
--
-- Two tables per article and page, any status, rewritten by the store in the
-- transaction that changes the article (sqlite/search.cpp):
--   search_docs  what a search filters and counts by: narrow rows (about 40 bytes), so
--                that the join of every match stays in a few pages;
--   search_text  the text as readers read it (khabar_search_text: the body's HTML, or its
--                Markdown rendered, as plain text): the index's content, and each
--                result's snippet.
-- Reader searches take status = 'published' only.
CREATE TABLE search_docs (
  article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  status        TEXT NOT NULL,
  kind          TEXT NOT NULL,
  language      TEXT NOT NULL,
  published_at  INTEGER NOT NULL,
  category_id   INTEGER NOT NULL  -- the primary one; 0: none
);
CREATE TABLE search_text (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  standfirst  TEXT NOT NULL,
  tags        TEXT NOT NULL,
  body        TEXT NOT NULL
);

-- The index over the text (an external-content FTS5 table: the text is kept once, in
-- search_text), with the "khabar" tokenizer (sqlite/search_tokenizer.h). The triggers
-- keep it equal to search_text; a row rewritten with the same text does not touch it.
CREATE VIRTUAL TABLE search USING fts5(
  title, standfirst, tags, body,
  content = 'search_text', content_rowid = 'article_id', tokenize = 'khabar');

CREATE TRIGGER search_text_added AFTER INSERT ON search_text BEGIN
  INSERT INTO search (rowid, title, standfirst, tags, body)
    VALUES (new.article_id, new.title, new.standfirst, new.tags, new.body);
END;
CREATE TRIGGER search_text_removed AFTER DELETE ON search_text BEGIN
  INSERT INTO search (search, rowid, title, standfirst, tags, body)
    VALUES ('delete', old.article_id, old.title, old.standfirst, old.tags, old.body);
END;
CREATE TRIGGER search_text_rewritten AFTER UPDATE ON search_text
  WHEN (old.title, old.standfirst, old.tags, old.body) IS NOT
       (new.title, new.standfirst, new.tags, new.body) BEGIN
  INSERT INTO search (search, rowid, title, standfirst, tags, body)
    VALUES ('delete', old.article_id, old.title, old.standfirst, old.tags, old.body);
  INSERT INTO search (rowid, title, standfirst, tags, body)
    VALUES (new.article_id, new.title, new.standfirst, new.tags, new.body);
END;

-- The index's words and in how many documents each is, for "did you mean".
CREATE VIRTUAL TABLE search_words USING fts5vocab(search, 'row');

-- "Check Also" by content: the article each published article shows, worked out when it
-- is saved in the editor or published (sqlite/related.cpp). An article without a row
-- (imported, or published before this) is matched from the listing rows at render.
CREATE TABLE related_articles (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  related_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX related_articles_target ON related_articles (related_id);

-- Every existing article, indexed.
INSERT INTO search_docs (article_id, status, kind, language, published_at, category_id)
  SELECT id, status, kind, language, ifnull(published_at, 0), ifnull(category_id, 0)
  FROM articles;
INSERT INTO search_text (article_id, title, standfirst, tags, body)
  SELECT a.id, a.title, a.excerpt,
         ifnull((SELECT group_concat(t.name, ' ') FROM article_tags x
                 JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), ''),
         khabar_search_text(a.body_markdown, a.body_html)
  FROM articles a;
