-- Version 15: the search index in less room, and ranked without a second lookup per
-- match (docs/search.md, docs/schema.md):
--   - a word that looks Pashto is indexed by its loose form alone (it was indexed by both
--     forms; a query asks for the loose one, so both found the same);
--   - a standfirst that only repeats the opening of the body (the excerpt the editor and
--     the importer make when none is written) is left out of the index;
--   - search_docs.words: each row's size in tokens, which BM25 (khabar_rank) weighs;
--   - search_docs.listed: its category and author listings (" c:3 c:1 u:7 "), so that a
--     filtered search reads them in the row it has already;
--   - the index written at commit (search_queue, below).
-- The index is made anew from search_text (13 minutes for a million articles on 2 cores).
ALTER TABLE search_docs ADD COLUMN words INTEGER NOT NULL DEFAULT 0;
ALTER TABLE search_docs ADD COLUMN listed TEXT NOT NULL DEFAULT '';
UPDATE search_docs SET listed = ifnull((SELECT ' ' || group_concat(listing, ' ') || ' '
  FROM listings WHERE article_id = search_docs.article_id
  AND ((listing >= 'c:' AND listing < 'c;') OR (listing >= 'u:' AND listing < 'u;'))), '');

DROP TRIGGER search_text_added;
DROP TRIGGER search_text_removed;
DROP TRIGGER search_text_rewritten;
UPDATE search_text SET standfirst = ''
  WHERE standfirst <> '' AND khabar_standfirst(standfirst, body) = '';

-- The index is written when the transaction commits, from search_queue
-- (sqlite/search.cpp, flush_search_queue), not by the triggers: every call of a write
-- transaction runs in a savepoint, and FTS5 writes its pending words out as a segment of
-- their own at every savepoint (an import made one per article, and merged them all).
-- A row per article whose text changed in the transaction: `indexed` 1 when the index
-- holds its old text (the first such change keeps it), which is deleted first. (NOT
-- EXISTS rather than OR IGNORE: the upsert that fires a trigger overrides its conflict
-- clause.)
CREATE TABLE search_queue (
  article_id  INTEGER PRIMARY KEY,
  indexed     INTEGER NOT NULL,
  title       TEXT,
  standfirst  TEXT,
  tags        TEXT,
  body        TEXT
);
CREATE TRIGGER search_text_added AFTER INSERT ON search_text BEGIN
  INSERT INTO search_queue (article_id, indexed) SELECT new.article_id, 0
    WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE article_id = new.article_id);
END;
CREATE TRIGGER search_text_removed AFTER DELETE ON search_text BEGIN
  INSERT INTO search_queue
    SELECT old.article_id, 1, old.title, old.standfirst, old.tags, old.body
    WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE article_id = old.article_id);
END;
CREATE TRIGGER search_text_rewritten AFTER UPDATE ON search_text
  WHEN (old.title, old.standfirst, old.tags, old.body) IS NOT
       (new.title, new.standfirst, new.tags, new.body) BEGIN
  INSERT INTO search_queue
    SELECT old.article_id, 1, old.title, old.standfirst, old.tags, old.body
    WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE article_id = old.article_id);
END;

INSERT INTO search (search) VALUES ('rebuild');
INSERT INTO search (search) VALUES ('optimize');
UPDATE search_docs SET words =
  ifnull((SELECT khabar_words(sz) FROM search_docsize WHERE id = search_docs.article_id), 0);
