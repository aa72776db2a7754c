#include "store/sqlite/categories.h"

#include <functional>
#include <map>

#include "store/sqlite/rows.h"

namespace khabar::store::sqlite {

PathChanges rewrite_category_paths(Connection& db) {
  struct Row {
    Id parent;
    std::string slug, path;
  };
  std::map<Id, Row> rows;
  {
    auto s = db.prepare("SELECT id, ifnull(parent_id, 0), slug, path FROM categories");
    while (s.step()) rows[s.int64(0)] = {s.int64(1), s.text(2), s.text(3)};
  }
  std::map<Id, std::string> paths;
  std::function<std::string(Id, int)> path_of = [&](Id id, int depth) -> std::string {
    if (auto it = paths.find(id); it != paths.end()) return it->second;
    const Row& r = rows.at(id);
    std::string p = r.parent && rows.contains(r.parent) && depth < 64
                        ? path_of(r.parent, depth + 1) + "/" + r.slug
                        : r.slug;
    return paths[id] = p;
  };
  std::vector<std::pair<std::string, std::string>> changed;
  std::vector<Id> ids;
  for (const auto& [id, r] : rows)
    if (path_of(id, 0) != r.path) ids.push_back(id), changed.emplace_back(r.path, paths[id]);
  // Two steps, so that no intermediate state breaks the uniqueness of paths.
  for (Id id : ids)
    db.prepare("UPDATE categories SET path = ?2 WHERE id = ?1")
        .bind(1, id)
        .bind(2, "\x01moving/" + std::to_string(id))
        .run();
  for (Id id : ids)
    db.prepare("UPDATE categories SET path = ?2 WHERE id = ?1")
        .bind(1, id)
        .bind(2, paths[id])
        .run();
  return {changed, ids};
}

std::vector<Id> articles_in(Connection& db, Id category) {
  return ids(db,
             "SELECT id FROM articles WHERE category_id = ?1 "
             "UNION SELECT article_id FROM article_categories WHERE category_id = ?1",
             category);
}

bool remove_category(Connection& db, Id id, Id move_to) {
  Id parent = 0;
  {
    auto s = db.prepare("SELECT ifnull(parent_id, 0) FROM categories WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return false;
    parent = s.int64(0);
  }
  db.prepare("UPDATE articles SET category_id = ?2 WHERE category_id = ?1")
      .bind(1, id)
      .bind_optional_id(2, move_to)
      .run();
  db.prepare("UPDATE categories SET parent_id = ?2 WHERE parent_id = ?1")
      .bind(1, id)
      .bind_optional_id(2, parent)
      .run();
  db.prepare("DELETE FROM listings WHERE listing = ?1").bind(1, "c:" + std::to_string(id)).run();
  db.prepare("DELETE FROM categories WHERE id = ?1").bind(1, id).run();
  return true;
}

std::vector<Id> articles_below(Connection& db, Id category) {
  return ids(db,
             "WITH RECURSIVE below(id) AS (SELECT ?1 UNION ALL SELECT c.id FROM categories c "
             "JOIN below b ON c.parent_id = b.id) SELECT a.id FROM articles a JOIN below b "
             "ON a.category_id = b.id UNION SELECT x.article_id FROM article_categories x "
             "JOIN below b ON x.category_id = b.id",
             category);
}

}  // namespace khabar::store::sqlite
