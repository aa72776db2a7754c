// The category tree's paths ("world/asia"), kept in step with the parent links.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace khabar::store::sqlite {

struct PathChanges {
  std::vector<std::pair<std::string, std::string>> moved;  // (old path, new path)
  std::vector<Id> ids;                                     // the categories that moved
};

// Recomputes every category's path from the parent links and writes those that changed
// (in two steps, so that no intermediate state breaks the uniqueness of paths).
PathChanges rewrite_category_paths(Connection& db);

// The articles whose primary or an extra category is `category`.
std::vector<Id> articles_in(Connection& db, Id category);

// Deletes a category: its articles move to `move_to` (0: none), its children to its
// parent, its listing rows go. Paths are not rewritten here. False if there is none.
bool remove_category(Connection& db, Id id, Id move_to);

// The articles whose primary or an extra category is `category` or below it.
std::vector<Id> articles_below(Connection& db, Id category);

}  // namespace khabar::store::sqlite
