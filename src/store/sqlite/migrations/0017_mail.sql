-- Version 17: email (issue 13).
-- Which notices a user gets by email (bits): 1 comments awaiting moderation, 2 articles
-- submitted for review, 4 sign-ins from a new device. All on at first.
ALTER TABLE users ADD COLUMN notices INTEGER NOT NULL DEFAULT 7;
-- The devices each account signed in from: a keyed hash of the random id in the browser's
-- khabar_device cookie (nothing that names the device or where it is).
CREATE TABLE known_devices (
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_digest TEXT NOT NULL,
  first_seen    INTEGER NOT NULL,
  last_seen     INTEGER NOT NULL,
  PRIMARY KEY (user_id, device_digest)
) WITHOUT ROWID;
-- Letters waiting to be sent (store/outbox.h). `sealed` holds recipient and message,
-- encrypted under the site secret; a letter is deleted once sent or given up.
CREATE TABLE mail_outbox (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,
  user_id         INTEGER NOT NULL DEFAULT 0,
  sealed          TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
-- When periodic notices (the moderation digest) were last sent, shared by every process.
CREATE TABLE mail_marks (
  name TEXT PRIMARY KEY,
  at   INTEGER NOT NULL
) WITHOUT ROWID;
