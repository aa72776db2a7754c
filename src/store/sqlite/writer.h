// The single writer of a SQLite store: its connection, the mutex that serialises writes,
// the open transaction's depth and the changes it will log. Both ways of writing use it:
// a Transaction (store/transaction.h, sqlite/transaction.cpp) and group commit (readers'
// comments, sqlite_store.cpp). Everything here but the constructor and write_stats runs
// with mutex() held by the calling thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "content/clock.h"
#include "store/change.h"
#include "store/records.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_store.h"

namespace khabar::store::sqlite {

class Writer {
 public:
  Writer(std::unique_ptr<Connection> db, const content::Clock& clock)
      : db_(std::move(db)), clock_(clock) {}

  // Recursive: the account store's writes join the transaction their thread has open.
  std::recursive_mutex& mutex() { return mutex_; }
  Connection& db() { return *db_; }
  const content::Clock& clock() const { return clock_; }
  bool in_transaction() const { return open_; }
  // Whether the calling thread has the transaction open (safe without the mutex).
  bool held_by_this_thread() const { return owner_.load() == std::this_thread::get_id(); }

  // The outermost transaction: BEGIN IMMEDIATE ... COMMIT (with the change log's row) or
  // ROLLBACK (forgetting the noted changes).
  void begin();
  void commit();
  void rollback() noexcept;

  // Runs `work(db)` as one transaction, or as part of the one open (takes the mutex).
  template <class Work>
  auto write(Work&& work) -> decltype(work(std::declval<Connection&>())) {
    std::lock_guard lock(mutex_);
    if (in_transaction()) return work(*db_);
    begin();
    try {
      auto result = work(*db_);
      commit();
      return result;
    } catch (...) {
      rollback();
      throw;
    }
  }

  // --- The change log of the open transaction (store/change.h) ---
  void note(Change change) { pending_.insert(change); }
  void note_article(Id id, const NewArticle& a);  // its page and every listing it is in
  void note_article_as_stored(Id id);             // the same, as it is stored now
  void note_tag_articles(Id tag);                 // a tag's listing and its articles' pages
  void note_comment_article(Id comment);          // the comments of its article

  // Recomputes every category's path from the parent links; for those that changed,
  // refreshes the listings of the articles below them. Returns (old path, new path).
  PathMoves rewrite_paths();

  // The insert of a comment (a transaction's, or group commit's).
  Id insert_comment(const NewComment& c);

  void count_grouped(std::uint64_t writes) { stats_.grouped_writes += writes; }
  SqliteWriteStats stats() {
    std::lock_guard lock(mutex_);
    return stats_;
  }

 private:
  void flush_changes();  // the change log row of the transaction about to commit

  std::unique_ptr<Connection> db_;
  const content::Clock& clock_;
  std::recursive_mutex mutex_;
  bool open_ = false;                     // a transaction is open
  std::atomic<std::thread::id> owner_{};  // the thread that has it open
  std::set<Change> pending_;
  std::uint64_t flushes_ = 0;
  SqliteWriteStats stats_;
};

}  // namespace khabar::store::sqlite
