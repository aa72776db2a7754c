// The read-only connections of a SQLite store. A snapshot leases one for its life (any
// thread may lease; a lease is used by one thread at a time) and gives it back when it
// ends, so a store keeps as many readers as it ever had snapshots open at once, each
// with its cache of prepared statements. The change feed's hint (PRAGMA data_version,
// which counts other connections' commits as seen by one connection) needs the same
// connection on every look from a thread: each thread that asks has its own.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/connection.h"

namespace khabar::store::sqlite {

class Readers {
 public:
  explicit Readers(std::string path);
  Readers(const Readers&) = delete;
  Readers& operator=(const Readers&) = delete;

  // A connection held until the lease is destroyed; back to the pool then, unless it
  // was left inside a transaction that cannot be ended (then it is closed).
  class Lease {
   public:
    Lease(Readers& pool, std::unique_ptr<Connection> db) : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *db_; }
    Connection* operator->() const { return db_.get(); }

   private:
    Readers* pool_;
    std::unique_ptr<Connection> db_;
  };

  Lease lease();
  // False only when certainly nothing was committed by another connection since the
  // calling thread last asked (true on its first look).
  bool may_have_changed();

 private:
  std::unique_ptr<Connection> open() const;
  void give_back(std::unique_ptr<Connection> db);

  std::string path_;
  std::uint64_t uid_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
  struct Watch {
    std::unique_ptr<Connection> db;
    std::int64_t seen = 0;
    bool looked = false;
  };
  std::vector<std::unique_ptr<Watch>> watches_;  // owned here, each used by its thread
};

}  // namespace khabar::store::sqlite
