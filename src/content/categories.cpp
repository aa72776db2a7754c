#include "content/categories.h"

#include <algorithm>

namespace khabar::content {

const Category* find_category(const std::vector<Category>& all, Id id) {
  for (const auto& c : all)
    if (c.id == id) return &c;
  return nullptr;
}

std::vector<const Category*> category_trail(const std::vector<Category>& all, Id id) {
  std::vector<const Category*> trail;
  const Category* c = find_category(all, id);
  while (c && trail.size() <= all.size()) {
    trail.push_back(c);
    c = c->parent_id ? find_category(all, c->parent_id) : nullptr;
  }
  std::reverse(trail.begin(), trail.end());
  return trail;
}

std::vector<Id> category_subtree(const std::vector<Category>& all, Id id) {
  std::vector<Id> out{id};
  for (std::size_t i = 0; i < out.size() && out.size() <= all.size(); ++i)
    for (const auto& c : all)
      if (c.parent_id == out[i] && c.id != id) out.push_back(c.id);
  return out;
}

std::vector<const Category*> top_level_categories(const std::vector<Category>& all) {
  std::vector<const Category*> top;
  for (const auto& c : all)
    if (c.parent_id == 0) top.push_back(&c);
  std::stable_sort(top.begin(), top.end(), [](const Category* a, const Category* b) {
    return a->position != b->position ? a->position < b->position : a->name < b->name;
  });
  return top;
}

}  // namespace khabar::content
