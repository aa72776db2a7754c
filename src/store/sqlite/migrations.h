// The numbered SQL migrations of the SQLite store, compiled in from
// src/store/sqlite/migrations/NNNN_name.sql (see cmake/embed_migrations.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace khabar::store {

struct Migration {
  int version;  // NNNN: applied in increasing order, recorded in PRAGMA user_version
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& sqlite_migrations();

}  // namespace khabar::store
