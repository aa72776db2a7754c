// What went wrong in the store, as a code a caller can act on (in the spirit of LevelDB's
// Status): a missing row, an edit that lost a race, a request the store refuses, a damaged
// database, or a database that cannot answer now (locked, disk full, I/O error) — the last
// one is the reader's "try again in a moment" (HTTP 503), not a bug.
#pragma once

#include <stdexcept>
#include <string>

namespace khabar::store {

enum class Code { Ok, NotFound, Conflict, Invalid, Corrupt, Unavailable };

// Thrown by store calls when the database fails; carries its Code.
struct StoreError : std::runtime_error {
  StoreError(Code code, const std::string& message) : std::runtime_error(message), code(code) {}
  explicit StoreError(const std::string& message) : StoreError(Code::Invalid, message) {}
  Code code;
};

}  // namespace khabar::store
