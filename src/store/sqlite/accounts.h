// The SQLite side of AccountStore. It shares the SqliteStore's connections through
// `Access`, so its writes are transactions of the same single writer (and join a batch).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/accounts.h"
#include "store/change.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/readers.h"

namespace khabar::store::sqlite {

class Access {
 public:
  virtual ~Access() = default;
  // A read-only connection for one read (autocommit), back to the pool with the lease.
  virtual Readers::Lease read_connection() = 0;
  // Runs `work` on the writer connection as one transaction (or inside the open batch).
  virtual void write_transaction(const std::function<void(Connection&)>& work) = 0;
  // Inside write_transaction: records a change (store/change.h) for its commit.
  virtual void note_change(Change change) = 0;
};

std::unique_ptr<AccountStore> make_account_store(Access& access);

}  // namespace khabar::store::sqlite
