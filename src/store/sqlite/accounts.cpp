#include "store/sqlite/accounts.h"

#include "content/urls.h"
#include "store/sqlite/imports.h"

namespace khabar::store::sqlite {
namespace {

constexpr std::string_view kAccountColumns =
    "id, login, email, display_name, slug, bio, role, disabled, password_hash, totp_sealed, "
    "totp_last_step, created_at, password_changed_at, avatar, notices";

Account read_account(const Statement& s) {
  Account a;
  a.id = s.int64(0);
  a.login = s.text(1);
  a.email = s.text(2);
  a.display_name = s.text(3);
  a.slug = s.text(4);
  a.bio = s.text(5);
  a.role = content::parse_role(s.text(6)).value_or(content::Role::Contributor);
  a.disabled = s.int64(7) != 0;
  a.password_hash = s.text(8);
  a.totp_sealed = s.text(9);
  a.totp_last_step = s.int64(10);
  a.created_at = s.int64(11);
  a.password_changed_at = s.int64(12);
  a.avatar = s.text(13);
  a.notices = static_cast<int>(s.int64(14));
  return a;
}

SessionRecord read_session(const Statement& s) {
  return {s.text(0), s.int64(1), s.int64(2), s.int64(3), s.text(4)};
}

constexpr std::string_view kSessionColumns =
    "id_digest, user_id, created_at, last_seen_at, user_agent";

class SqliteAccounts final : public AccountStore {
 public:
  explicit SqliteAccounts(Access& access) : db_(access) {}

  std::optional<Account> account_by_login(std::string_view login) override {
    auto db = db_.read_connection();
    auto s = db->prepare("SELECT " + std::string(kAccountColumns) + " FROM users WHERE login = ?1");
    s.bind(1, login);
    if (!s.step()) return std::nullopt;
    return read_account(s);
  }

  std::optional<Account> account(Id id) override {
    auto db = db_.read_connection();
    auto s = db->prepare("SELECT " + std::string(kAccountColumns) + " FROM users WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_account(s);
  }

  std::vector<Account> accounts() override {
    auto db = db_.read_connection();
    auto s = db->prepare("SELECT " + std::string(kAccountColumns) +
                         " FROM users ORDER BY display_name, id");
    std::vector<Account> out;
    while (s.step()) out.push_back(read_account(s));
    return out;
  }

  std::int64_t count_accounts() override {
    auto db = db_.read_connection();
    auto s = db->prepare("SELECT count(*) FROM users");
    s.step();
    return s.int64(0);
  }

  bool set_role(Id id, content::Role role) override {
    return update("UPDATE users SET role = ?2 WHERE id = ?1", id, to_string(role));
  }

  bool set_disabled(Id id, bool disabled) override {
    bool found = false;
    db_.write_transaction([&](Connection& db) {
      db.prepare("UPDATE users SET disabled = ?2 WHERE id = ?1")
          .bind(1, id)
          .bind(2, static_cast<std::int64_t>(disabled))
          .run();
      found = sqlite3_changes(db.handle()) > 0;
      if (disabled) {
        db.prepare("DELETE FROM sessions WHERE user_id = ?1").bind(1, id).run();
        db.prepare("DELETE FROM password_links WHERE user_id = ?1").bind(1, id).run();
      }
    });
    return found;
  }

  bool update_profile(Id id, const ProfileChange& p) override {
    bool found = false;
    db_.write_transaction([&](Connection& db) {
      db.prepare("UPDATE users SET display_name = ?2, email = ?3, bio = ?4 WHERE id = ?1")
          .bind(1, id)
          .bind(2, p.display_name)
          .bind(3, p.email)
          .bind(4, p.bio)
          .run();
      found = sqlite3_changes(db.handle()) > 0;
      // The author's name and bio show on the reader site.
      if (found) db_.note_change({ChangeKind::AuthorProfile, id});
    });
    return found;
  }

  Status set_public_slug(Id id, std::string_view slug) override {
    Status out;
    db_.write_transaction([&](Connection& db) {
      auto old = db.prepare("SELECT slug FROM users WHERE id = ?1");
      old.bind(1, id);
      if (!old.step()) {
        out = Status::not_found("There is no such account.");
        return;
      }
      std::string before = old.text(0);
      if (before == slug) return;
      auto taken = db.prepare("SELECT 1 FROM users WHERE slug = ?1 AND id <> ?2");
      taken.bind(1, slug).bind(2, id);
      if (taken.step()) {
        out = Status::conflict("Another account has that public address.");
        return;
      }
      db.prepare("UPDATE users SET slug = ?2 WHERE id = ?1").bind(1, id).bind(2, slug).run();
      std::string target = content::author_url(slug);
      db.prepare("UPDATE redirects SET target = ?2 WHERE target = ?1")
          .bind(1, content::author_url(before))
          .bind(2, target)
          .run();
      db.prepare("DELETE FROM redirects WHERE path = ?1")
          .bind(1, "/author/" + std::string(slug) + "/")
          .run();  // the new address is a page now
      add_redirect(db, "/author/" + before + "/", target);
      db_.note_change({ChangeKind::AuthorProfile, id});
    });
    return out;
  }

  bool set_notices(Id id, int notices) override {
    return update("UPDATE users SET notices = ?2 WHERE id = ?1", id,
                  static_cast<std::int64_t>(notices & kAllNotices));
  }

  bool remember_device(Id id, std::string_view device_digest, Timestamp now) override {
    bool added = false;
    db_.write_transaction([&](Connection& db) {
      db.prepare(
            "INSERT OR IGNORE INTO known_devices (user_id, device_digest, first_seen, last_seen) "
            "VALUES (?1, ?2, ?3, ?3)")
          .bind(1, id)
          .bind(2, device_digest)
          .bind(3, now)
          .run();
      added = sqlite3_changes(db.handle()) > 0;
      if (!added)
        db.prepare(
              "UPDATE known_devices SET last_seen = ?3 WHERE user_id = ?1 AND device_digest = ?2")
            .bind(1, id)
            .bind(2, device_digest)
            .bind(3, now)
            .run();
    });
    return added;
  }

  bool set_avatar(Id id, std::string_view avatar) override {
    bool found = false;
    db_.write_transaction([&](Connection& db) {
      db.prepare("UPDATE users SET avatar = ?2 WHERE id = ?1").bind(1, id).bind(2, avatar).run();
      found = sqlite3_changes(db.handle()) > 0;
      if (found) db_.note_change({ChangeKind::AuthorProfile, id});
    });
    return found;
  }

  bool set_password_hash(Id id, std::string_view hash, Timestamp now,
                         std::string_view keep_session) override {
    bool found = false;
    db_.write_transaction(
        [&](Connection& db) { found = write_password(db, id, hash, now, keep_session); });
    return found;
  }

  bool set_two_factor(Id id, std::string_view totp_sealed,
                      const std::vector<std::string>& recovery_digests) override {
    bool found = false;
    db_.write_transaction([&](Connection& db) {
      db.prepare("UPDATE users SET totp_sealed = ?2, totp_last_step = 0 WHERE id = ?1")
          .bind(1, id)
          .bind(2, totp_sealed)
          .run();
      found = sqlite3_changes(db.handle()) > 0;
      db.prepare("DELETE FROM recovery_codes WHERE user_id = ?1").bind(1, id).run();
      for (const auto& digest : recovery_digests)
        db.prepare("INSERT OR IGNORE INTO recovery_codes (user_id, code_digest) VALUES (?1, ?2)")
            .bind(1, id)
            .bind(2, digest)
            .run();
    });
    return found;
  }

  bool use_totp_step(Id id, std::int64_t step) override {
    bool used = false;
    db_.write_transaction([&](Connection& db) {
      db.prepare("UPDATE users SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2")
          .bind(1, id)
          .bind(2, step)
          .run();
      used = sqlite3_changes(db.handle()) > 0;
    });
    return used;
  }

  bool use_recovery_code(Id id, std::string_view digest) override {
    bool used = false;
    db_.write_transaction([&](Connection& db) {
      db.prepare("DELETE FROM recovery_codes WHERE user_id = ?1 AND code_digest = ?2")
          .bind(1, id)
          .bind(2, digest)
          .run();
      used = sqlite3_changes(db.handle()) > 0;
    });
    return used;
  }

  std::int64_t count_recovery_codes(Id id) override {
    auto db = db_.read_connection();
    auto s = db->prepare("SELECT count(*) FROM recovery_codes WHERE user_id = ?1");
    s.bind(1, id);
    s.step();
    return s.int64(0);
  }

  void add_session(const SessionRecord& r) override {
    db_.write_transaction([&](Connection& db) {
      db.prepare(
            "INSERT INTO sessions (id_digest, user_id, created_at, last_seen_at, user_agent) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
          .bind(1, r.id_digest)
          .bind(2, r.user_id)
          .bind(3, r.created_at)
          .bind(4, r.last_seen_at)
          .bind(5, r.user_agent)
          .run();
    });
  }

  std::optional<SessionRecord> session(std::string_view id_digest) override {
    auto db = db_.read_connection();
    auto s = db->prepare("SELECT " + std::string(kSessionColumns) +
                         " FROM sessions WHERE id_digest = ?1");
    s.bind(1, id_digest);
    if (!s.step()) return std::nullopt;
    return read_session(s);
  }

  void touch_session(std::string_view id_digest, Timestamp now) override {
    update("UPDATE sessions SET last_seen_at = max(last_seen_at, ?2) WHERE id_digest = ?1",
           id_digest, now);
  }

  bool delete_session(std::string_view id_digest) override {
    return update("DELETE FROM sessions WHERE id_digest = ?1", id_digest);
  }

  std::vector<SessionRecord> sessions_of(Id user_id) override {
    auto db = db_.read_connection();
    auto s = db->prepare(
        "SELECT " + std::string(kSessionColumns) +
        " FROM sessions WHERE user_id = ?1 ORDER BY last_seen_at DESC, created_at DESC");
    s.bind(1, user_id);
    std::vector<SessionRecord> out;
    while (s.step()) out.push_back(read_session(s));
    return out;
  }

  void add_password_link(std::string_view token_digest, Id user_id, Timestamp expires_at) override {
    db_.write_transaction([&](Connection& db) {
      db.prepare("DELETE FROM password_links WHERE expires_at < ?1")
          .bind(1, expires_at - 86400 * 30)
          .run();
      db.prepare(
            "INSERT INTO password_links (token_digest, user_id, expires_at) VALUES (?1, ?2, ?3)")
          .bind(1, token_digest)
          .bind(2, user_id)
          .bind(3, expires_at)
          .run();
    });
  }

  std::optional<Id> password_link_user(std::string_view token_digest, Timestamp now) override {
    auto db = db_.read_connection();
    auto s = db->prepare(
        "SELECT user_id FROM password_links WHERE token_digest = ?1 AND expires_at > ?2");
    s.bind(1, token_digest).bind(2, now);
    if (!s.step()) return std::nullopt;
    return s.int64(0);
  }

  bool redeem_password_link(std::string_view token_digest, std::string_view hash,
                            Timestamp now) override {
    bool ok = false;
    db_.write_transaction([&](Connection& db) {
      auto s = db.prepare(
          "SELECT user_id FROM password_links WHERE token_digest = ?1 AND expires_at > ?2");
      s.bind(1, token_digest).bind(2, now);
      if (!s.step()) return;
      Id user = s.int64(0);
      db.prepare("DELETE FROM password_links WHERE user_id = ?1").bind(1, user).run();
      // A link is an invitation: following it enables an account created disabled (imports).
      db.prepare("UPDATE users SET disabled = 0 WHERE id = ?1").bind(1, user).run();
      ok = write_password(db, user, hash, now, {});
    });
    return ok;
  }

  void add_login_failure(std::string_view key, Timestamp at) override {
    db_.write_transaction([&](Connection& db) {
      db.prepare("DELETE FROM login_failures WHERE at < ?1").bind(1, at - 86400).run();
      db.prepare("INSERT INTO login_failures (key, at) VALUES (?1, ?2)")
          .bind(1, key)
          .bind(2, at)
          .run();
    });
  }

  Failures login_failures(std::string_view key, Timestamp since) override {
    auto db = db_.read_connection();
    auto s = db->prepare(
        "SELECT count(*), ifnull(max(at), 0) FROM login_failures WHERE key = ?1 AND at >= ?2");
    s.bind(1, key).bind(2, since);
    s.step();
    return {s.int64(0), s.int64(1)};
  }

  void clear_login_failures(std::string_view key) override {
    update("DELETE FROM login_failures WHERE key = ?1", key);
  }

 private:
  template <class... Values>
  bool update(std::string_view sql, const Values&... values) {
    bool changed = false;
    db_.write_transaction([&](Connection& db) {
      auto s = db.prepare(sql);
      int i = 0;
      (s.bind(++i, values), ...);
      s.run();
      changed = sqlite3_changes(db.handle()) > 0;
    });
    return changed;
  }

  static bool write_password(Connection& db, Id id, std::string_view hash, Timestamp now,
                             std::string_view keep_session) {
    db.prepare("UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, hash)
        .bind(3, now)
        .run();
    bool found = sqlite3_changes(db.handle()) > 0;
    db.prepare("DELETE FROM sessions WHERE user_id = ?1 AND id_digest <> ?2")
        .bind(1, id)
        .bind(2, keep_session)
        .run();
    return found;
  }

  Access& db_;
};

}  // namespace

std::unique_ptr<AccountStore> make_account_store(Access& access) {
  return std::make_unique<SqliteAccounts>(access);
}

}  // namespace khabar::store::sqlite
