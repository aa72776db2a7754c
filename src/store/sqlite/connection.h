// A SQLite connection with a cache of prepared statements. Not thread-safe: one
// connection belongs to one thread at a time (the store hands them out).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace khabar::store::sqlite {

// A prepared statement borrowed from a Connection's cache. Binding is 1-based, columns
// 0-based. Destruction resets it so the next borrower starts clean.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_null(int index);
  Statement& bind_optional_id(int index, std::int64_t id);  // 0 binds NULL
  // A pointer for an SQL function to read with sqlite3_value_pointer(v, type); `type` must
  // outlive the statement (a string literal), and the pointee the statement's run.
  Statement& bind_pointer(int index, const void* pointer, const char* type);

  bool step();  // true while a row is available; throws StoreError on failure
  void run();   // steps to completion
  std::int64_t int64(int column) const;
  double real(int column) const;
  // The column's text without a copy: valid until the next step or reset.
  std::string_view text_view(int column) const;
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  enum class Mode { ReadOnly, ReadWrite };
  Connection(const std::string& path, Mode mode);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // A cached prepared statement for `sql` (prepared once per connection).
  Statement prepare(std::string_view sql);
  // Runs SQL text with no parameters (pragmas, migrations, BEGIN/COMMIT).
  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace khabar::store::sqlite
