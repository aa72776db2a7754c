-- Version 3: the change log. Every write transaction that changes what readers see adds
-- one row naming what changed (codes, see store/store.h), so that every Khabar process
-- on this database (the server, the command line) can drop exactly the cached pages
-- that show it. Rows older than an hour are pruned.
CREATE TABLE changes (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  codes  TEXT NOT NULL          -- space-separated change codes
);
