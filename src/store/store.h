// The Store: everything Khabar keeps (SQLite now, PostgreSQL next), as docs/store.md
// describes it. A Store only opens things: snapshots to read from (store/snapshot.h,
// whose reads are split by who reads them: reader pages, ReaderReads, and the
// newsroom's desk, DeskReads), transactions to write with (store/transaction.h), the
// change feed and the accounts. Opened by open_store (store/open.h).
//
// Contract for every implementation:
// - Reads return what readers may see unless the name says otherwise ("published" only;
//   the desk's reads any status). "Not found" is an empty optional or list.
// - Thread-safety: every method may be called from any thread concurrently. Reads never
//   wait for writes. A Snapshot is used by one thread at a time; a Transaction belongs to
//   the thread that began it.
// - Errors: a failure of the database itself throws StoreError with its Code
//   (store/status.h): Unavailable when it cannot answer now (locked past the wait, disk
//   full, I/O error: the reader gets 503 with Retry-After), Corrupt for a damaged file,
//   Invalid otherwise. Expected outcomes (NotFound, Conflict) are values.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"
#include "store/accounts.h"
#include "store/change.h"
#include "store/outbox.h"
#include "store/records.h"
#include "store/snapshot.h"
#include "store/status.h"
#include "store/transaction.h"

namespace khabar::store {

using content::Id;
class Store {
 public:
  virtual ~Store() = default;

  // A consistent view to read from (store/snapshot.h).
  virtual std::unique_ptr<Snapshot> snapshot() = 0;

  // A write transaction (store/transaction.h). Waits while another is open.
  virtual std::unique_ptr<Transaction> begin() = 0;

  // A reader's comment, durable when this returns ok: comments arriving together may
  // share one transaction (SQLite: group commit, one fsync), and each call returns only
  // after the transaction holding its comment has committed. Checked in the transaction
  // that would add it, and nothing is written otherwise: NotFound when the article is no
  // longer published (or the comment replied to is gone), Forbidden when its comments
  // were closed, Conflict when that email already left exactly this text on the article
  // (so two copies sent at once store one).
  virtual Result<Id> add_reader_comment(const NewComment& c) = 0;

  // --- Change feed: what changed, for the page cache (also across processes) ---
  // A cheap hint: false only when certainly nothing was committed by anyone since this
  // thread last asked (a backend without such a hint answers true).
  virtual bool may_have_changed() = 0;
  // The changes committed after `cursor` (a change id), deduplicated; advances it.
  virtual std::vector<Change> changes_since(std::int64_t& cursor) = 0;
  virtual std::int64_t latest_change() = 0;

  // Accounts, sessions and the login throttle (accounts.h), in the same database; each
  // write is its own transaction.
  virtual AccountStore& accounts() = 0;

  // Letters waiting to be sent by email (outbox.h), in the same database.
  virtual Outbox& outbox() = 0;

  // Whether the store can answer and keep what is written now (for /readyz): ok, or
  // Unavailable saying why in words fit for a public health check (no path, no address):
  // the database unreachable, or (SQLite) its file removed or replaced while open. Never
  // throws; cheap enough to be asked every second.
  virtual Status health() = 0;
};

}  // namespace khabar::store
