-- Version 11: each listing row carries its article's primary category, so that "Check
-- Also" ranks its candidates from the listing rows alone. Looking the category up in
-- `articles` meant reading past the body (stored before it, often in overflow pages) for
-- every candidate: half of an article page's render time.
ALTER TABLE listings ADD COLUMN category_id INTEGER NOT NULL DEFAULT 0;
UPDATE listings SET category_id =
  (SELECT ifnull(a.category_id, 0) FROM articles a WHERE a.id = listings.article_id);
