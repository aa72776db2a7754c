-- Version 22: the breaking-news banner (docs/schema.md): at most one row, put up and taken
-- down by editors, shown on every reader page until `until` (0: until taken down). The
-- account that put it up is kept for the desk; it is never shown to readers.
CREATE TABLE banner (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  text      TEXT NOT NULL,
  url       TEXT NOT NULL,
  language  TEXT NOT NULL,
  until     INTEGER NOT NULL,
  set_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  set_at    INTEGER NOT NULL
);
