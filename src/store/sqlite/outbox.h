// The SQLite side of the mail outbox (store/outbox.h), on the SqliteStore's connections.
#pragma once

#include <memory>

#include "store/outbox.h"
#include "store/sqlite/accounts.h"

namespace khabar::store::sqlite {

std::unique_ptr<Outbox> make_outbox(Access& access);

}  // namespace khabar::store::sqlite
