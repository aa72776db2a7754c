// The numbered SQL migrations of the SQLite store, compiled in from
// src/store/sqlite/migrations/NNNN_name.sql (see cmake/embed_migrations.cmake).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace khabar::store {

struct Migration {
  int version;  // NNNN: applied in increasing order, recorded in PRAGMA user_version
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& sqlite_migrations();

namespace sqlite {
class Connection;
}
// Brings the database on `writer` (the file at `path`, for messages) to the newest schema,
// one transaction per migration. Throws StoreError for a database from a newer Khabar or
// a migration that fails (which is rolled back).
void migrate(sqlite::Connection& writer, const std::string& path);

}  // namespace khabar::store
