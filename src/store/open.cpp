#include "store/open.h"

#include <string_view>

#include "store/sqlite/sqlite_store.h"

namespace khabar::store {

std::unique_ptr<Store> open_store(const StoreOptions& options) {
  std::string_view location = options.location;
  if (location.starts_with("postgres:") || location.starts_with("postgresql:"))
    throw StoreError(Code::Invalid, "this build of Khabar has no PostgreSQL backend yet");
  if (location.starts_with("sqlite:")) location.remove_prefix(7);
  return open_sqlite_store(std::string(location),
                           {.create = options.create, .clock = options.clock});
}

}  // namespace khabar::store
