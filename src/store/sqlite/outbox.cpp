#include "store/sqlite/outbox.h"

namespace khabar::store::sqlite {
namespace {

class SqliteOutbox final : public Outbox {
 public:
  explicit SqliteOutbox(Access& access) : db_(access) {}

  void enqueue(std::string_view kind, content::Id user_id, std::string_view sealed,
               content::Timestamp now) override {
    db_.write_transaction([&](Connection& db) {
      db.prepare(
            "INSERT INTO mail_outbox (kind, user_id, sealed, created_at, next_attempt_at) "
            "VALUES (?1, ?2, ?3, ?4, ?4)")
          .bind(1, kind)
          .bind(2, user_id)
          .bind(3, sealed)
          .bind(4, now)
          .run();
    });
  }

  std::vector<QueuedLetter> claim_due(content::Timestamp now, content::Timestamp lease_until,
                                      int limit) override {
    std::vector<QueuedLetter> out;
    db_.write_transaction([&](Connection& db) {
      out.clear();  // a retried transaction starts again
      auto s = db.prepare(
          "SELECT id, kind, user_id, sealed, created_at, attempts FROM mail_outbox "
          "WHERE next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2");
      s.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
      while (s.step())
        out.push_back({s.int64(0), s.text(1), s.int64(2), s.text(3), s.int64(4),
                       static_cast<int>(s.int64(5))});
      for (const auto& letter : out)
        db.prepare("UPDATE mail_outbox SET next_attempt_at = ?2 WHERE id = ?1")
            .bind(1, letter.id)
            .bind(2, lease_until)
            .run();
    });
    return out;
  }

  void remove(content::Id id) override {
    db_.write_transaction([&](Connection& db) {
      db.prepare("DELETE FROM mail_outbox WHERE id = ?1").bind(1, id).run();
    });
  }

  void retry_at(content::Id id, content::Timestamp next_attempt_at,
                std::string_view error) override {
    db_.write_transaction([&](Connection& db) {
      db.prepare(
            "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?2, "
            "last_error = ?3 WHERE id = ?1")
          .bind(1, id)
          .bind(2, next_attempt_at)
          .bind(3, error)
          .run();
    });
  }

  std::int64_t count() override {
    auto db = db_.read_connection();
    auto s = db->prepare("SELECT count(*) FROM mail_outbox");
    s.step();
    return s.int64(0);
  }

  bool advance_mark(std::string_view name, content::Timestamp now,
                    content::Timestamp if_before) override {
    bool advanced = false;
    db_.write_transaction([&](Connection& db) {
      db.prepare("INSERT OR IGNORE INTO mail_marks (name, at) VALUES (?1, 0)").bind(1, name).run();
      db.prepare("UPDATE mail_marks SET at = ?2 WHERE name = ?1 AND at < ?3")
          .bind(1, name)
          .bind(2, now)
          .bind(3, if_before)
          .run();
      advanced = sqlite3_changes(db.handle()) > 0;
    });
    return advanced;
  }

 private:
  Access& db_;
};

}  // namespace

std::unique_ptr<Outbox> make_outbox(Access& access) {
  return std::make_unique<SqliteOutbox>(access);
}

}  // namespace khabar::store::sqlite
