// What went wrong in the store, as a value a caller can act on (in the spirit of LevelDB's
// Status): a missing row, an edit that lost a race, a request the store refuses, a damaged
// database, or a database that cannot answer now (locked, disk full, I/O error) — the last
// one is the reader's "try again in a moment" (HTTP 503), not a bug.
//
// Outcomes a caller expects (NotFound, Conflict) come back as values: a Status, or a
// Result<T> holding either a T or the Status saying why not. A failure of the database
// itself inside a call is thrown as StoreError (with its Code) and ends the transaction it
// happened in; Transaction::commit() returns it as a Status instead.
#pragma once

#include <cassert>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace khabar::store {

// Forbidden: the newsroom's operations (src/newsroom/) when the actor's role may not; the
// store only for a reader's comment on an article whose comments are closed.
enum class Code { Ok, NotFound, Conflict, Invalid, Corrupt, Unavailable, Forbidden };

// The name of a code, for logs and messages ("not found").
const char* to_string(Code code);

// The one mapping of outcomes to what a client is answered (docs/store.md, "Errors"),
// used by the site, the admin and the app's last step: NotFound 404 (it went meanwhile),
// Conflict 409 (someone changed it meanwhile), Unavailable 503 with Retry-After:
// kRetryAfterSeconds (nothing was stored; try again), Forbidden 403. 0 for Ok, and for Invalid and
// Corrupt, which are bugs or damage: they go on to the server's last-resort 500.
int http_status(Code code);
inline constexpr int kRetryAfterSeconds = 5;

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }
  static Status not_found(std::string message) { return {Code::NotFound, std::move(message)}; }
  static Status conflict(std::string message) { return {Code::Conflict, std::move(message)}; }
  static Status invalid(std::string message) { return {Code::Invalid, std::move(message)}; }
  static Status forbidden(std::string message) { return {Code::Forbidden, std::move(message)}; }
  static Status unavailable(std::string message) { return {Code::Unavailable, std::move(message)}; }

  bool is_ok() const { return code_ == Code::Ok; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "not found: no article 12", or "ok".
  std::string to_string() const;
  // For a caller to whom this outcome would be a bug: throws it as StoreError unless ok.
  inline void or_throw() const;

 private:
  Code code_ = Code::Ok;
  std::string message_;
};

// A T, or the Status saying why there is none (never an ok Status without a value).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit, like std::optional
  Result(Status status) : status_(std::move(status)) { assert(!status_.is_ok()); }

  bool is_ok() const { return value_.has_value(); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const { return status_; }
  Code code() const { return status_.code(); }

  T& value() & {
    assert(value_);
    return *value_;
  }
  const T& value() const& {
    assert(value_);
    return *value_;
  }
  T&& value() && {
    assert(value_);
    return std::move(*value_);
  }
  // For a caller to whom an error would be a bug: the value, or the Status thrown as
  // StoreError.
  T or_throw() &&;

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

// Thrown by store calls when the database itself fails; carries its Code.
struct StoreError : std::runtime_error {
  StoreError(Code code, const std::string& message) : std::runtime_error(message), code(code) {}
  explicit StoreError(const std::string& message) : StoreError(Code::Invalid, message) {}
  explicit StoreError(const Status& status) : StoreError(status.code(), status.message()) {}
  Code code;
};

inline void Status::or_throw() const {
  if (!is_ok()) throw StoreError(*this);
}

template <class T>
T Result<T>::or_throw() && {
  if (!value_) throw StoreError(status_);
  return std::move(*value_);
}

}  // namespace khabar::store
