-- Version 5: newsroom accounts (docs/schema.md): passwords, two-factor, sessions,
-- set-password links and the login throttle. Nothing secret is stored in a usable form:
-- passwords as argon2id hashes, session ids, links and recovery codes as BLAKE2b digests,
-- TOTP secrets sealed under a key derived from the site secret (khabar.toml).
ALTER TABLE users ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_sealed TEXT NOT NULL DEFAULT '';   -- '' = no 2FA
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_changed_at INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_digest  TEXT NOT NULL,
  PRIMARY KEY (user_id, code_digest)
) WITHOUT ROWID;

CREATE TABLE sessions (
  id_digest     TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  user_agent    TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id, last_seen_at DESC);

-- One-time links to set a password (invitations, resets), valid until expires_at.
CREATE TABLE password_links (
  token_digest  TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at    INTEGER NOT NULL
) WITHOUT ROWID;

-- Failed logins per key ("account:<login digest>", "client:<address digest>"), for the
-- throttle; rows older than a day are pruned.
CREATE TABLE login_failures (
  key  TEXT NOT NULL,
  at   INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);
