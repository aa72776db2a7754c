// The SQLite snapshot: a leased read-only connection inside one read transaction
// (BEGIN on opening; SQLite fixes the view at the first read; ended when destroyed).
#pragma once

#include <memory>

#include "store/snapshot.h"
#include "store/sqlite/readers.h"

namespace khabar::store::sqlite {

std::unique_ptr<Snapshot> open_snapshot(Readers::Lease db);

}  // namespace khabar::store::sqlite
