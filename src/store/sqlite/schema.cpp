// The schema: the version the binary knows, migrating to it, and backups with SQLite's
// online backup API.
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>

#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"

namespace khabar::store {

using sqlite::Connection;

int sqlite_schema_version() {
  int newest = 0;
  for (const auto& m : sqlite_migrations()) newest = std::max(newest, m.version);
  return newest;
}

void migrate(Connection& writer, const std::string& path) {
  int version = 0;
  {
    auto s = writer.prepare("PRAGMA user_version");
    s.step();
    version = static_cast<int>(s.int64(0));
  }
  int newest = sqlite_schema_version();
  if (version > newest)
    throw StoreError("database " + path + " has schema version " + std::to_string(version) +
                     ", newer than this Khabar knows (" + std::to_string(newest) +
                     "): upgrade Khabar");
  for (const auto& m : sqlite_migrations()) {
    if (m.version <= version) continue;
    writer.exec("BEGIN IMMEDIATE");
    try {
      writer.exec(m.sql);
      writer.exec("PRAGMA user_version = " + std::to_string(m.version));
      writer.exec("COMMIT");
    } catch (const StoreError& e) {
      writer.exec("ROLLBACK");
      throw StoreError("migration " + std::string(m.name) + " failed: " + e.what());
    }
  }
}

void backup_sqlite(const std::string& path, const std::string& destination) {
  namespace fs = std::filesystem;
  if (fs::exists(destination)) throw StoreError(destination + " already exists; not overwritten");
  std::string partial = destination + ".partial";
  fs::remove(partial);
  Connection source(path, Connection::Mode::ReadOnly);
  sqlite3* target = nullptr;
  int rc = sqlite3_open_v2(partial.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                           nullptr);
  std::string error;
  if (rc == SQLITE_OK) {
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source.handle(), "main");
    if (!backup) {
      error = sqlite3_errmsg(target);
    } else {
      // Copy in steps so that writers are not locked out for the whole copy.
      do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
      } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish(backup);
      if (rc != SQLITE_DONE) error = sqlite3_errstr(rc);
    }
  } else {
    error = target ? sqlite3_errmsg(target) : "out of memory";
  }
  sqlite3_close(target);
  if (!error.empty()) {
    fs::remove(partial);
    throw StoreError("backup of " + path + " failed: " + error);
  }
  fs::rename(partial, destination);
}

}  // namespace khabar::store
