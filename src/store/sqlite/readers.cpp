#include "store/sqlite/readers.h"

#include <atomic>
#include <unordered_map>

namespace khabar::store::sqlite {
namespace {
std::atomic<std::uint64_t> next_uid{1};
}

Readers::Readers(std::string path) : path_(std::move(path)), uid_(next_uid++) {}

std::unique_ptr<Connection> Readers::open() const {
  auto db = std::make_unique<Connection>(path_, Connection::Mode::ReadOnly);
  db->exec("PRAGMA query_only = ON");
  return db;
}

Readers::Lease Readers::lease() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(db));
    }
  }
  return Lease(*this, open());
}

void Readers::give_back(std::unique_ptr<Connection> db) {
  if (!sqlite3_get_autocommit(db->handle())) {
    // A lease ended inside its read transaction (a snapshot whose end failed): end it
    // here, or drop the connection rather than hand out an old view.
    if (sqlite3_exec(db->handle(), "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK ||
        !sqlite3_get_autocommit(db->handle()))
      return;
  }
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(db));
}

Readers::Lease::~Lease() {
  if (db_) pool_->give_back(std::move(db_));
}

bool Readers::may_have_changed() {
  // Keyed by the pool's uid, not its address: a later store may reuse the address.
  thread_local std::unordered_map<std::uint64_t, Watch*> mine;
  Watch*& watch = mine[uid_];
  if (!watch) {
    auto made = std::make_unique<Watch>();
    made->db = open();
    watch = made.get();
    std::lock_guard lock(mutex_);
    watches_.push_back(std::move(made));
  }
  auto v = watch->db->prepare("PRAGMA data_version");
  v.step();
  std::int64_t version = v.int64(0);
  bool changed = !watch->looked || version != watch->seen;
  watch->looked = true;
  watch->seen = version;
  return changed;
}

}  // namespace khabar::store::sqlite
