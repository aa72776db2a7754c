#include "store/sqlite/sqlite_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <set>

#include "store/sqlite/accounts.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/outbox.h"
#include "store/sqlite/readers.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/snapshot.h"
#include "store/sqlite/transaction.h"
#include "store/sqlite/writer.h"

namespace khabar::store {
namespace {

using namespace khabar::content;
using sqlite::Connection;
using namespace sqlite;  // rows.h

class SqliteStore final : public Store, private sqlite::Access {
 public:
  SqliteStore(std::string path, SqliteOptions options)
      : path_(std::move(path)),
        clock_(options.clock ? *options.clock : content::system_clock()),
        writer_(open_writer(options), clock_),
        readers_(path_) {
    migrate(writer_.db(), path_);
    struct stat opened {};
    if (::stat(path_.c_str(), &opened) == 0) file_ = {opened.st_dev, opened.st_ino};
    accounts_ = sqlite::make_account_store(*this);
    outbox_ = sqlite::make_outbox(*this);
  }

  AccountStore& accounts() override { return *accounts_; }
  Outbox& outbox() override { return *outbox_; }

  // --- writes ---

  std::unique_ptr<Transaction> begin() override {
    return sqlite::begin_transaction(writer_, *accounts_);
  }

  Result<Id> add_reader_comment(const NewComment& c) override {
    return group_commit([this, c](Connection& db) -> Result<Id> {
      // What the reader saw may have changed since: the article unpublished or deleted,
      // its comments closed, the comment replied to gone.
      auto article = db.prepare("SELECT status, comments_open FROM articles WHERE id = ?1");
      article.bind(1, c.article_id);
      if (!article.step() || article.text(0) != "published")
        return Status::not_found("the article is not published");
      if (article.int64(1) == 0) return Status::forbidden("the article's comments are closed");
      if (c.parent_id) {
        auto parent = db.prepare("SELECT 1 FROM comments WHERE id = ?1 AND article_id = ?2");
        parent.bind(1, c.parent_id).bind(2, c.article_id);
        if (!parent.step()) return Status::not_found("the comment replied to is gone");
      }
      // One lookup in comments_same_text. The unary + keeps SQLite from propagating
      // body = ?3 into substr(body, ...), which would no longer match the index (3.40).
      auto same = db.prepare(
          "SELECT 1 FROM comments WHERE article_id = ?1 AND author_email = ?2 "
          "AND substr(body, 1, 100) = substr(?3, 1, 100) AND +body = ?3 AND status <> 'trash' "
          "LIMIT 1");
      same.bind(1, c.article_id).bind(2, c.author_email).bind(3, c.body);
      if (same.step()) return Status::conflict("the same comment is already there");
      return writer_.insert_comment(c);
    });
  }

  std::unique_ptr<Snapshot> snapshot() override { return sqlite::open_snapshot(readers_.lease()); }

  bool may_have_changed() override { return readers_.may_have_changed(); }

  std::vector<Change> changes_since(std::int64_t& cursor) override {
    auto db = readers_.lease();
    auto s = db->prepare("SELECT id, codes FROM changes WHERE id > ?1 ORDER BY id");
    s.bind(1, cursor);
    std::set<Change> changes;
    while (s.step()) {
      cursor = std::max(cursor, s.int64(0));
      for (Change c : decode_list(s.text(1))) changes.insert(c);
    }
    return {changes.begin(), changes.end()};
  }

  std::int64_t latest_change() override {
    auto db = readers_.lease();
    auto s = db->prepare("SELECT ifnull(max(id), 0) FROM changes");
    s.step();
    return s.int64(0);
  }

  Status health() override {
    // The connections stay open on a file that was moved or deleted: reads still work,
    // and what is written goes where nobody will find it.
    struct stat now {};
    if (::stat(path_.c_str(), &now) != 0)
      return Status::unavailable("the database file is gone (moved or deleted while open)");
    if (std::pair{now.st_dev, now.st_ino} != file_)
      return Status::unavailable("the database file was replaced while open");
    try {
      auto db = readers_.lease();
      auto s = db->prepare("SELECT count(*) FROM sqlite_schema");
      if (!s.step() || s.int64(0) == 0) return Status::unavailable("the database has no schema");
    } catch (const StoreError& e) {
      // SQLite's message may name the file: only the kind of failure is said.
      return {e.code, std::string("the database does not answer (") + to_string(e.code) + ")"};
    }
    return Status::ok();
  }

  SqliteWriteStats write_stats() { return writer_.stats(); }

 private:
  // sqlite::Access, for the account store.
  sqlite::Readers::Lease read_connection() override { return readers_.lease(); }
  void write_transaction(const std::function<void(Connection&)>& work) override {
    writer_.write([&](Connection& db) {
      work(db);
      return 0;
    });
  }
  void note_change(Change change) override { writer_.note(change); }

  std::string create_file() {
    // SQLITE_OPEN_CREATE is not in Connection's flags: create through a one-off handle.
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::string error = rc == SQLITE_OK ? "" : (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw StoreError("cannot create database " + path_ + ": " + error);
    return path_;
  }

  // One queued write of group commit.
  struct Pending {
    std::function<Result<Id>(Connection&)> work;
    std::optional<Result<Id>> result;
    std::exception_ptr error;
    bool done = false;
  };

  // Leader/follower group commit: the first caller to find no leader becomes one, takes
  // the writer, then everything queued by then, and runs it in one transaction (a
  // savepoint each, so one failure fails only its own write). Followers wait for the
  // leader to mark their write done, i.e. committed.
  Result<Id> group_commit(std::function<Result<Id>(Connection&)> work) {
    if (writer_.held_by_this_thread())
      throw StoreError(Code::Invalid, "a reader's comment cannot join an open transaction");
    Pending me;
    me.work = std::move(work);
    std::unique_lock lock(group_mutex_);
    group_queue_.push_back(&me);
    while (!me.done) {
      if (group_leader_) {
        group_done_.wait(lock);
        continue;
      }
      group_leader_ = true;
      lock.unlock();
      std::vector<Pending*> batch;
      {
        std::lock_guard writer(writer_.mutex());
        {
          std::lock_guard queue(group_mutex_);
          batch.swap(group_queue_);
        }
        run_group(batch);
      }
      lock.lock();
      for (Pending* p : batch) p->done = true;
      group_leader_ = false;
      group_done_.notify_all();
    }
    if (me.error) std::rethrow_exception(me.error);
    return std::move(*me.result);
  }

  // Runs with the writer's mutex held.
  void run_group(const std::vector<Pending*>& batch) {
    Connection& db = writer_.db();
    try {
      writer_.begin();
    } catch (...) {
      for (Pending* p : batch) p->error = std::current_exception();
      return;
    }
    for (Pending* p : batch) {
      db.exec("SAVEPOINT grouped");
      try {
        p->result = p->work(db);
        db.exec("RELEASE grouped");
      } catch (...) {
        p->error = std::current_exception();
        db.exec("ROLLBACK TO grouped; RELEASE grouped");
      }
    }
    try {
      writer_.commit();
      writer_.count_grouped(batch.size());
    } catch (...) {
      auto error = std::current_exception();
      writer_.rollback();
      for (Pending* p : batch)
        if (!p->error) p->error = error;
    }
  }

  // The writer connection, created or opened and migrated.
  std::unique_ptr<Connection> open_writer(const SqliteOptions& options) {
    if (!options.create) {
      // Open read-only first: a missing file is an error, not a new empty site.
      Connection probe(path_, Connection::Mode::ReadOnly);
    }
    auto db = std::make_unique<Connection>(options.create ? create_file() : path_,
                                           Connection::Mode::ReadWrite);
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA cache_size = -65536");  // 64 MiB of pages for the writer
    return db;
  }

  std::string path_;
  std::pair<dev_t, ino_t> file_{};  // the database file opened (device, inode)
  const content::Clock& clock_;
  sqlite::Writer writer_;
  sqlite::Readers readers_;
  std::mutex group_mutex_;
  std::condition_variable group_done_;
  std::vector<Pending*> group_queue_;
  bool group_leader_ = false;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<Outbox> outbox_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, SqliteOptions options) {
  return std::make_unique<SqliteStore>(path, options);
}

SqliteWriteStats sqlite_write_stats(Store& store) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  return sqlite ? sqlite->write_stats() : SqliteWriteStats{};
}

}  // namespace khabar::store
