// What went wrong in the store, as a value a caller can act on (in the spirit of
// LevelDB's Status; called Outcome here, content::Status being an article's status): a
// missing row, an edit that lost a race, a request the store refuses, a damaged database,
// or a database that cannot answer now (locked, disk full, I/O error) — the last one is
// the reader's "try again in a moment" (HTTP 503), not a bug.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace khabar::store {

enum class Code { Ok, NotFound, Conflict, Invalid, Corrupt, Unavailable };

std::string_view to_string(Code code);

class Outcome {
 public:
  Outcome() = default;  // Ok
  Outcome(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  static Outcome ok() { return {}; }

  bool is_ok() const { return code_ == Code::Ok; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "Unavailable: database is locked".
  std::string to_string() const;

 private:
  Code code_ = Code::Ok;
  std::string message_;
};

// Thrown by store calls that have no value to return the failure in; carries its Outcome.
struct StoreError : std::runtime_error {
  StoreError(Code code, const std::string& message) : std::runtime_error(message), code(code) {}
  explicit StoreError(const std::string& message) : StoreError(Code::Invalid, message) {}
  Outcome status() const { return {code, what()}; }
  Code code;
};

}  // namespace khabar::store
