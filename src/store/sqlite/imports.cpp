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

void add_redirect(Connection& db, std::string_view path, std::string_view target) {
  db.prepare("INSERT OR REPLACE INTO redirects (path, target) VALUES (?1, ?2)")
      .bind(1, path)
      .bind(2, target)
      .run();
}

Id add_media(Connection& db, const NewMedia& m) {
  db.prepare(
        "INSERT INTO media (file, mime, width, height, bytes, alt, caption, credit, "
        "original_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
      .bind(1, m.file)
      .bind(2, m.mime)
      .bind(3, static_cast<std::int64_t>(m.width))
      .bind(4, static_cast<std::int64_t>(m.height))
      .bind(5, m.bytes)
      .bind(6, m.alt)
      .bind(7, m.caption)
      .bind(8, m.credit)
      .bind(9, m.original_name)
      .bind(10, now_seconds())
      .run();
  return db.last_insert_id();
}

std::optional<std::string> media_file(Connection& db, Id id) {
  auto s = db.prepare("SELECT file FROM media WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

}  // namespace khabar::store::sqlite
