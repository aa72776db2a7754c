-- Version 13: a reader's comment is refused as a duplicate when the same email already left
-- the same text on the article. That check ran on every comment over all of that email's
-- comments on the article (comparing whole bodies); this index makes it one lookup. The
-- body's first 100 characters keep the index small and, with the full comparison after
-- it, exact.
CREATE INDEX comments_same_text ON comments (article_id, author_email, substr(body, 1, 100));
