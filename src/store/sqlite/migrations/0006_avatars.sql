-- Version 6: an author's photo, a file under the data directory's media/ folder
-- ("avatars/<user id>-<hash>.jpg"), '' for none (the initials are shown).
ALTER TABLE users ADD COLUMN avatar TEXT NOT NULL DEFAULT '';
