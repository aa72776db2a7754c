-- Version 2: what the comment system needs for moderation without keeping raw IPs.
-- ip_hash is a keyed hash of the client address (the key is the site secret);
-- user_agent is truncated to 255 bytes.
ALTER TABLE comments ADD COLUMN ip_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
CREATE INDEX comments_email ON comments (author_email, status);
CREATE INDEX comments_status ON comments (status, created_at DESC, id DESC);
