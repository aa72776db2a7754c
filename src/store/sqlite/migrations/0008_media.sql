-- Version 8: the media library's files (docs/schema.md). `file` is under the data
-- directory's media/ folder and served as /media/<file>; every stored file has had all
-- its metadata removed.
CREATE TABLE media (
  id             INTEGER PRIMARY KEY,
  file           TEXT NOT NULL UNIQUE,
  mime           TEXT NOT NULL,
  width          INTEGER NOT NULL,
  height         INTEGER NOT NULL,
  bytes          INTEGER NOT NULL,
  alt            TEXT NOT NULL DEFAULT '',
  caption        TEXT NOT NULL DEFAULT '',
  credit         TEXT NOT NULL DEFAULT '',
  original_name  TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL
);
