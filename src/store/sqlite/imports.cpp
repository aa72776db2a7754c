#include "store/sqlite/imports.h"

#include "store/sqlite/rows.h"

namespace khabar::store::sqlite {

std::optional<Id> import_target(Connection& db, std::string_view kind, std::string_view key) {
  auto s = db.prepare("SELECT target_id FROM import_keys WHERE kind = ?1 AND key = ?2");
  s.bind(1, kind).bind(2, key);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

void set_import_target(Connection& db, std::string_view kind, std::string_view key, Id target) {
  db.prepare("INSERT OR REPLACE INTO import_keys (kind, key, target_id) VALUES (?1, ?2, ?3)")
      .bind(1, kind)
      .bind(2, key)
      .bind(3, target)
      .run();
}

std::optional<std::string> redirect(Connection& db, std::string_view path) {
  auto s = db.prepare("SELECT target FROM redirects WHERE path = ?1");
  s.bind(1, path);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::vector<Redirect> redirects(Connection& db) {
  auto s = db.prepare("SELECT path, target FROM redirects ORDER BY path");
  std::vector<Redirect> out;
  while (s.step()) out.push_back({s.text(0), s.text(1)});
  return out;
}

void add_redirect(Connection& db, std::string_view path, std::string_view target) {
  db.prepare("INSERT OR REPLACE INTO redirects (path, target) VALUES (?1, ?2)")
      .bind(1, path)
      .bind(2, target)
      .run();
}

}  // namespace khabar::store::sqlite
