// What imports keep: import keys and redirects; as statements on a given connection
// (the store picks a reader or the writer).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace khabar::store::sqlite {

std::optional<Id> import_target(Connection& db, std::string_view kind, std::string_view key);
void set_import_target(Connection& db, std::string_view kind, std::string_view key, Id target);
std::optional<std::string> redirect(Connection& db, std::string_view path);
std::vector<Redirect> redirects(Connection& db);
void add_redirect(Connection& db, std::string_view path, std::string_view target);

}  // namespace khabar::store::sqlite
