-- Version 14: reader search (docs/search.md, docs/schema.md).
--
-- search_docs holds what is searched of every article and page, any status: the columns
-- readers and the desk filter by first (read without touching the text), then the text
-- as readers read it (khabar_search_text: the body's HTML, or its Markdown rendered, as
-- plain text). The store rewrites an article's row in the transaction that changes the
-- article (sqlite/search.cpp). Reader queries take status = 'published' only.
CREATE TABLE search_docs (
  article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  status        TEXT NOT NULL,
  kind          TEXT NOT NULL,
  language      TEXT NOT NULL,
  published_at  INTEGER NOT NULL,
  title         TEXT NOT NULL,
  standfirst    TEXT NOT NULL,
  tags          TEXT NOT NULL,
  body          TEXT NOT NULL
);

-- The index over it (an external-content FTS5 table: the text is kept once, in
-- search_docs), with the "khabar" tokenizer (sqlite/search_tokenizer.h). The triggers
-- keep it equal to search_docs; a change of status or date alone does not touch it.
CREATE VIRTUAL TABLE search USING fts5(
  title, standfirst, tags, body,
  content = 'search_docs', content_rowid = 'article_id', tokenize = 'khabar');

CREATE TRIGGER search_docs_added AFTER INSERT ON search_docs BEGIN
  INSERT INTO search (rowid, title, standfirst, tags, body)
    VALUES (new.article_id, new.title, new.standfirst, new.tags, new.body);
END;
CREATE TRIGGER search_docs_removed AFTER DELETE ON search_docs BEGIN
  INSERT INTO search (search, rowid, title, standfirst, tags, body)
    VALUES ('delete', old.article_id, old.title, old.standfirst, old.tags, old.body);
END;
CREATE TRIGGER search_docs_rewritten AFTER UPDATE ON search_docs
  WHEN (old.title, old.standfirst, old.tags, old.body) IS NOT
       (new.title, new.standfirst, new.tags, new.body) BEGIN
  INSERT INTO search (search, rowid, title, standfirst, tags, body)
    VALUES ('delete', old.article_id, old.title, old.standfirst, old.tags, old.body);
  INSERT INTO search (rowid, title, standfirst, tags, body)
    VALUES (new.article_id, new.title, new.standfirst, new.tags, new.body);
END;

-- The index's words and in how many documents each is, for "did you mean".
CREATE VIRTUAL TABLE search_words USING fts5vocab(search, 'row');

-- Every existing article, indexed.
INSERT INTO search_docs (article_id, status, kind, language, published_at, title, standfirst,
                         tags, body)
  SELECT a.id, a.status, a.kind, a.language, ifnull(a.published_at, 0), a.title, a.excerpt,
         ifnull((SELECT group_concat(t.name, ' ') FROM article_tags x
                 JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), ''),
         khabar_search_text(a.body_markdown, a.body_html)
  FROM articles a;
