// The mail outbox: letters waiting to be sent, kept in the store so that a letter queued
// by any process (a request, the command line, another node) is sent once, and retried
// after a failure. What is kept of a letter is sealed by the caller (its recipient and
// text are never readable from a copy of the database alone); the plain columns say only
// what kind of letter it is and for which account, for the log. Same contract as store.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"

namespace khabar::store {

struct QueuedLetter {
  content::Id id = 0;
  std::string kind;     // "invitation", "password-reset", "review", ... (no personal data)
  content::Id user_id;  // the account it is for, 0 if none
  std::string sealed;   // recipient and message, sealed
  content::Timestamp created_at = 0;
  int attempts = 0;  // failed attempts so far
};

class Outbox {
 public:
  virtual ~Outbox() = default;

  // Queues a letter, due at once; durable when this returns.
  virtual void enqueue(std::string_view kind, content::Id user_id, std::string_view sealed,
                       content::Timestamp now) = 0;
  // Up to `limit` letters due at `now`, oldest first, each leased until `lease_until` (no
  // other caller gets it before then), in one transaction: two senders never share one.
  virtual std::vector<QueuedLetter> claim_due(content::Timestamp now,
                                              content::Timestamp lease_until, int limit) = 0;
  // The letter was sent, or given up: it is deleted.
  virtual void remove(content::Id id) = 0;
  // An attempt failed: it is tried again at `next_attempt_at`.
  virtual void retry_at(content::Id id, content::Timestamp next_attempt_at,
                        std::string_view error) = 0;
  virtual std::int64_t count() = 0;  // letters waiting

  // A named time mark shared by every process (when a periodic notice was last sent):
  // sets it to `now` and returns true if it was before `if_before` (or never set), else
  // leaves it and returns false. Atomic.
  virtual bool advance_mark(std::string_view name, content::Timestamp now,
                            content::Timestamp if_before) = 0;
};

}  // namespace khabar::store
