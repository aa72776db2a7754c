// The SQLite Transaction (store/transaction.h) on the store's single writer.
#pragma once

#include <memory>

#include "store/accounts.h"
#include "store/sqlite/writer.h"
#include "store/transaction.h"

namespace khabar::store::sqlite {

// Takes the writer (waiting while another thread has a transaction open) and begins.
// Throws StoreError(Invalid) if the calling thread already has one open.
std::unique_ptr<Transaction> begin_transaction(Writer& writer, AccountStore& accounts);

}  // namespace khabar::store::sqlite
