// The SQLite Store: one file, WAL journal, a pool of read-only connections (one per
// open snapshot) and a single writer connection (serialised by a mutex). See
// store/store.h for the contract every Store keeps.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "content/clock.h"
#include "store/store.h"

namespace khabar::store {

struct SqliteOptions {
  bool create = false;  // create the file if missing (init); otherwise it must exist
  // The time rows are stamped with (created_at, updated_at, the change log); null: the
  // system clock. Must outlive the store.
  const content::Clock* clock = nullptr;
};

// How the single writer has been used: commits, and readers' comments that went through
// group commit (several sharing one transaction). For tests and benchmarks.
struct SqliteWriteStats {
  std::uint64_t transactions = 0;    // commits of the writer connection
  std::uint64_t grouped_writes = 0;  // writes that went through group commit
};

// The write statistics of a store opened by open_sqlite_store (zeros for another store).
SqliteWriteStats sqlite_write_stats(Store& store);

// Opens (and migrates to the newest schema) the database at `path`.
// Throws StoreError when it cannot: missing file, not a database, schema from a newer Khabar.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, SqliteOptions options = {});

// The schema version a database file would have after open_sqlite_store.
int sqlite_schema_version();

// Copies the database at `path` to a new file `destination` (which must not exist) with
// SQLite's online backup: consistent even while `khabar serve` is writing. The copy is
// written to a temporary name and renamed into place only when complete.
// Throws StoreError when it cannot.
void backup_sqlite(const std::string& path, const std::string& destination);

}  // namespace khabar::store
