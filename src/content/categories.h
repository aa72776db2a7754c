// Rules over the category tree: the trail from the root, and subtrees.
#pragma once

#include <vector>

#include "content/model.h"

namespace khabar::content {

// The categories from the top level down to `id` (inclusive); empty if `id` is unknown.
// A cycle in the parent links (a corrupt store) ends the trail rather than looping.
std::vector<const Category*> category_trail(const std::vector<Category>& all, Id id);

// `id` and every category below it.
std::vector<Id> category_subtree(const std::vector<Category>& all, Id id);

// Top-level categories, in display order (position, then name).
std::vector<const Category*> top_level_categories(const std::vector<Category>& all);

const Category* find_category(const std::vector<Category>& all, Id id);

}  // namespace khabar::content
