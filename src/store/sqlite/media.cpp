#include "store/sqlite/media.h"

#include "store/sqlite/rows.h"

namespace khabar::store::sqlite {
namespace {

constexpr std::string_view kColumns =
    "id, file, mime, width, height, bytes, alt, caption, credit, original_name, "
    "ifnull(uploaded_by, 0), created_at";

content::Media read_media(const Statement& s) {
  content::Media m;
  m.id = s.int64(0);
  m.original = {s.text(1), s.text(2), static_cast<int>(s.int64(3)), static_cast<int>(s.int64(4)),
                s.int64(5)};
  m.alt = s.text(6);
  m.caption = s.text(7);
  m.credit = s.text(8);
  m.original_name = s.text(9);
  m.uploaded_by = s.int64(10);
  m.created_at = s.int64(11);
  return m;
}

// Fills the width variants and the crops (widest shape first) of every item of `items`:
// two queries for all of them.
// Fills the variants (and, with `crops`, the crops) of `items`: one query each for all.
void attach_files(Connection& db, std::vector<content::Media>& items, bool crops = true) {
  if (items.empty()) return;
  std::string wanted = "[";
  std::unordered_map<Id, content::Media*> by_id;
  for (auto& m : items) {
    wanted += (wanted.size() > 1 ? "," : "") + std::to_string(m.id);
    by_id[m.id] = &m;
  }
  wanted += ']';
  auto load = [&](std::string_view query, std::vector<content::MediaFile> content::Media::*list) {
    auto f = db.prepare(query);
    f.bind(1, wanted);
    while (f.step())
      if (auto it = by_id.find(f.int64(0)); it != by_id.end())
        (it->second->*list)
            .push_back({f.text(1), f.text(2), static_cast<int>(f.int64(3)),
                        static_cast<int>(f.int64(4)), f.int64(5)});
  };
  load(
      "SELECT media_id, file, mime, width, height, bytes FROM media_variants WHERE media_id IN "
      "(SELECT value FROM json_each(?1)) ORDER BY media_id, width, mime",
      &content::Media::variants);
  if (!crops) return;
  load(
      "SELECT media_id, file, mime, width, height, bytes FROM media_crops WHERE media_id IN "
      "(SELECT value FROM json_each(?1)) ORDER BY media_id, width * 1.0 / height DESC",
      &content::Media::crops);
}

}  // namespace

void add_media_crops(Connection& db, Id id, const std::vector<content::MediaFile>& crops) {
  // Named by their shape, in kCropRatios' order (16:9, 4:3, 1:1).
  static constexpr std::string_view kRatios[] = {"16:9", "4:3", "1:1"};
  for (std::size_t i = 0; i < crops.size() && i < std::size(kRatios); ++i)
    db.prepare(
          "INSERT OR REPLACE INTO media_crops (media_id, ratio, mime, width, height, bytes, file) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, id)
        .bind(2, kRatios[i])
        .bind(3, crops[i].mime)
        .bind(4, static_cast<std::int64_t>(crops[i].width))
        .bind(5, static_cast<std::int64_t>(crops[i].height))
        .bind(6, crops[i].bytes)
        .bind(7, crops[i].file)
        .run();
}

Id add_media(Connection& db, const NewMedia& m, Timestamp now) {
  db.prepare(
        "INSERT INTO media (file, mime, width, height, bytes, alt, caption, credit, "
        "original_name, created_at, uploaded_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bind(1, m.original.file)
      .bind(2, m.original.mime)
      .bind(3, static_cast<std::int64_t>(m.original.width))
      .bind(4, static_cast<std::int64_t>(m.original.height))
      .bind(5, m.original.bytes)
      .bind(6, m.alt)
      .bind(7, m.caption)
      .bind(8, m.credit)
      .bind(9, m.original_name)
      .bind(10, now)
      .bind_optional_id(11, m.uploaded_by)
      .run();
  Id id = db.last_insert_id();
  for (const auto& v : m.variants)
    db.prepare(
          "INSERT INTO media_variants (media_id, mime, width, height, bytes, file) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, id)
        .bind(2, v.mime)
        .bind(3, static_cast<std::int64_t>(v.width))
        .bind(4, static_cast<std::int64_t>(v.height))
        .bind(5, v.bytes)
        .bind(6, v.file)
        .run();
  add_media_crops(db, id, m.crops);
  return id;
}

std::optional<std::string> media_file(Connection& db, Id id) {
  auto s = db.prepare("SELECT file FROM media WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::optional<content::Media> media(Connection& db, Id id) {
  auto s = db.prepare("SELECT " + std::string(kColumns) + " FROM media WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  std::vector<content::Media> one{read_media(s)};
  attach_files(db, one);
  return std::move(one.front());
}

std::vector<content::Media> media_by_files(Connection& db, const std::vector<std::string>& files) {
  std::vector<content::Media> out;
  for (const auto& file : files) {
    auto s = db.prepare("SELECT " + std::string(kColumns) + " FROM media WHERE file = ?1");
    s.bind(1, file);
    if (!s.step()) continue;
    out.push_back(read_media(s));
  }
  attach_files(db, out);
  return out;
}

std::unordered_map<Id, content::Media> media_by_ids(Connection& db, const std::vector<Id>& ids) {
  std::string wanted = "[";
  for (Id id : ids) wanted += (wanted.size() > 1 ? "," : "") + std::to_string(id);
  wanted += ']';
  auto s = db.prepare(
      sql("SELECT ", kColumns, " FROM media WHERE id IN (SELECT value FROM json_each(?1))"));
  s.bind(1, wanted);
  std::vector<content::Media> found;
  while (s.step()) found.push_back(read_media(s));
  attach_files(db, found, /*crops=*/false);
  std::unordered_map<Id, content::Media> out;
  for (auto& m : found) out.emplace(m.id, std::move(m));
  return out;
}

std::vector<content::Media> media_library(Connection& db, const MediaFilter& f) {
  auto s = db.prepare(
      "SELECT " + std::string(kColumns) +
      " FROM media WHERE (?1 = 0 OR uploaded_by = ?1) AND (?2 = '' OR instr(lower(alt || ' ' || "
      "caption || ' ' || credit || ' ' || original_name || ' ' || file), lower(?2)) > 0) "
      "ORDER BY created_at DESC, id DESC LIMIT ?3 OFFSET ?4");
  s.bind(1, f.uploaded_by)
      .bind(2, f.search)
      .bind(3, static_cast<std::int64_t>(f.limit))
      .bind(4, static_cast<std::int64_t>(f.offset));
  std::vector<content::Media> out;
  while (s.step()) out.push_back(read_media(s));
  attach_files(db, out);
  return out;
}

std::vector<Id> articles_using_media(Connection& db, Id id) {
  auto file = media_file(db, id);
  if (!file) return {};
  // The text names the original ("/media/2026/11/ab12.jpg"); imported HTML may name a
  // variant, whose name starts with the original's stem.
  std::string stem = "/media/" + file->substr(0, file->rfind('.'));
  auto s = db.prepare(
      "SELECT id FROM articles WHERE featured_media_id = ?1 OR instr(body_markdown, ?2) > 0 "
      "OR instr(body_html, ?2) > 0 ORDER BY id");
  s.bind(1, id).bind(2, stem);
  std::vector<Id> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

bool update_media_text(Connection& db, Id id, std::string_view alt, std::string_view caption,
                       std::string_view credit) {
  db.prepare("UPDATE media SET alt = ?2, caption = ?3, credit = ?4 WHERE id = ?1")
      .bind(1, id)
      .bind(2, alt)
      .bind(3, caption)
      .bind(4, credit)
      .run();
  return sqlite3_changes(db.handle()) > 0;
}

std::optional<content::Media> delete_media(Connection& db, Id id) {
  auto m = media(db, id);
  if (!m) return std::nullopt;
  db.prepare("UPDATE articles SET featured_image = '' WHERE featured_media_id = ?1")
      .bind(1, id)
      .run();
  db.prepare("DELETE FROM media WHERE id = ?1").bind(1, id).run();
  return m;
}

}  // namespace khabar::store::sqlite
