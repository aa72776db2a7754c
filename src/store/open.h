// The one way in: a Store for a site's configured database.
#pragma once

#include <memory>
#include <string>

#include "content/clock.h"
#include "store/store.h"

namespace khabar::store {

struct StoreOptions {
  // Where the site's data lives: a SQLite file's path (or "sqlite:<path>").
  std::string location;
  bool create = false;  // create it when missing (init); otherwise it must exist
  // The time rows are stamped with; null: the system clock. Must outlive the store.
  const content::Clock* clock = nullptr;
};

// Opens (and migrates to the newest schema) the store at `options.location`. Throws
// StoreError when it cannot: missing, not a database, schema from a newer Khabar, a
// backend this build does not have.
std::unique_ptr<Store> open_store(const StoreOptions& options);

}  // namespace khabar::store
