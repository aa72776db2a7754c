#include "store/sqlite/desk.h"

#include "content/text.h"
#include "content/urls.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/search.h"

namespace khabar::store::sqlite {
namespace {

using namespace khabar::content;

constexpr std::string_view kRevisionColumns =
    "r.id, r.article_id, r.version, ifnull(r.user_id, 0), r.created_at, r.title, r.excerpt, "
    "r.body_markdown, r.body_html, ifnull((SELECT group_concat(c.text, char(10)) FROM "
    "corrections c WHERE c.article_id = r.article_id AND c.version = r.version), '')";

Revision read_revision(const Statement& s) {
  return {s.int64(0), s.int64(1), static_cast<int>(s.int64(2)),
          s.int64(3), s.int64(4), s.text(5),
          s.text(6),  s.text(7),  s.text(8),
          s.text(9)};
}

constexpr std::string_view kDeskColumns =
    "a.id, a.kind, a.slug, a.title, a.status, a.updated_at, ifnull(a.published_at, 0), "
    "(SELECT group_concat(user_id) FROM (SELECT user_id FROM article_authors "
    "WHERE article_id = a.id ORDER BY position)), ifnull(a.category_id, 0)";

DeskArticle read_desk_article(const Statement& s) {
  DeskArticle d;
  d.id = s.int64(0);
  d.kind = content::parse_kind(s.text(1));
  d.slug = s.text(2);
  d.title = s.text(3);
  d.status = parse_status(s.text(4)).value_or(content::Status::Draft);
  d.updated_at = s.int64(5);
  d.published_at = s.int64(6);
  std::string authors = s.text(7);
  for (std::string_view id : content::split(authors, ','))
    if (auto n = content::parse_integer(id)) d.author_ids.push_back(*n);
  d.category_id = s.int64(8);
  return d;
}
}  // namespace

std::optional<DeskArticle> desk_article(Connection& db, Id id) {
  auto s = db.prepare(std::string("SELECT ") + std::string(kDeskColumns) +
                      " FROM articles a WHERE a.id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_desk_article(s);
}

std::vector<DeskArticle> desk_articles(Connection& db, const DeskFilter& f) {
  std::string match = desk_match(f.search);
  if (match.empty() && !f.search.empty()) return {};  // typed, but no word to look for
  auto s = db.prepare(
      std::string("SELECT ") + std::string(kDeskColumns) +
      " FROM articles a WHERE (?1 = '' OR a.status = ?1) AND (?2 = 0 OR EXISTS "
      "(SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.user_id = ?2)) "
      "AND (?5 = 0 OR a.category_id = ?5 OR EXISTS (SELECT 1 FROM article_categories x "
      "WHERE x.article_id = a.id AND x.category_id = ?5)) AND (?6 = '' OR a.language = ?6) "
      "AND (?7 = '' OR a.id IN (SELECT rowid FROM search WHERE search MATCH ?7)) "
      "AND (?8 = 0 OR a.status = 'published' OR EXISTS "
      "(SELECT 1 FROM article_authors v WHERE v.article_id = a.id AND v.user_id = ?8)) "
      "ORDER BY a.updated_at DESC, a.id DESC LIMIT ?3 OFFSET ?4");
  s.bind(1, f.status ? to_string(*f.status) : std::string_view(""))
      .bind(2, f.author_id)
      .bind(3, static_cast<std::int64_t>(f.limit))
      .bind(4, static_cast<std::int64_t>(f.offset))
      .bind(5, f.category_id)
      .bind(6, f.language)
      .bind(7, match)
      .bind(8, f.visible_to);
  std::vector<DeskArticle> out;
  while (s.step()) out.push_back(read_desk_article(s));
  return out;
}

std::optional<EditableArticle> article_for_edit(Connection& db, Id id) {
  auto s = db.prepare(
      "SELECT kind, slug, title, excerpt, body_markdown, body_html, featured_image, status, "
      "language, source_line, ifnull(category_id, 0), reading_minutes, comments_open, is_lead, "
      "ifnull(published_at, 0), version, updated_at, ifnull(featured_media_id, 0) "
      "FROM articles WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  EditableArticle e;
  e.id = id;
  NewArticle& a = e.fields;
  a.kind = content::parse_kind(s.text(0));
  a.slug = s.text(1);
  a.title = s.text(2);
  a.excerpt = s.text(3);
  a.body_markdown = s.text(4);
  a.body_html = s.text(5);
  a.featured_image = s.text(6);
  a.status = parse_status(s.text(7)).value_or(content::Status::Draft);
  a.language = s.text(8);
  a.source_line = s.text(9);
  a.category_id = s.int64(10);
  a.reading_minutes = static_cast<int>(s.int64(11));
  a.comments_open = s.int64(12) != 0;
  a.is_lead = s.int64(13) != 0;
  a.published_at = s.int64(14);
  e.version = static_cast<int>(s.int64(15));
  e.updated_at = s.int64(16);
  a.featured_media_id = s.int64(17);
  a.extra_category_ids = ids(
      db, "SELECT category_id FROM article_categories WHERE article_id = ?1 ORDER BY category_id",
      id);
  a.author_ids =
      ids(db, "SELECT user_id FROM article_authors WHERE article_id = ?1 ORDER BY position", id);
  e.corrections = corrections_of(db, id);
  auto t = db.prepare(
      "SELECT t.id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
      "WHERE at.article_id = ?1 ORDER BY t.name");
  t.bind(1, id);
  while (t.step()) {
    a.tag_ids.push_back(t.int64(0));
    e.tag_names.push_back(t.text(1));
  }
  return e;
}

std::vector<Revision> revisions(Connection& db, Id article_id) {
  auto s =
      db.prepare(std::string("SELECT ") + std::string(kRevisionColumns) +
                 " FROM revisions r WHERE r.article_id = ?1 ORDER BY r.version DESC, r.id DESC");
  s.bind(1, article_id);
  std::vector<Revision> out;
  while (s.step()) out.push_back(read_revision(s));
  return out;
}

std::optional<Revision> revision(Connection& db, Id id) {
  auto s = db.prepare(std::string("SELECT ") + std::string(kRevisionColumns) +
                      " FROM revisions r WHERE r.id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_revision(s);
}

std::vector<DeskTag> desk_tags(Connection& db) {
  auto s = db.prepare(
      "SELECT t.id, t.slug, t.name, (SELECT count(*) FROM article_tags x WHERE x.tag_id = t.id) "
      "FROM tags t ORDER BY t.name COLLATE NOCASE, t.id");
  std::vector<DeskTag> out;
  while (s.step()) out.push_back({content::Tag{s.int64(0), s.text(1), s.text(2)}, s.int64(3)});
  return out;
}

std::vector<MenuItem> menu(Connection& db) {
  auto s = db.prepare(
      "SELECT id, kind, ifnull(target_id, 0), label, url FROM menu_items ORDER BY position, id");
  std::vector<MenuItem> out;
  while (s.step()) {
    MenuItem m;
    m.id = s.int64(0);
    std::string kind = s.text(1);
    m.kind = kind == "category" ? MenuItem::Kind::Category
             : kind == "page"   ? MenuItem::Kind::Page
                                : MenuItem::Kind::Link;
    m.target_id = s.int64(2);
    m.label = s.text(3);
    m.url = s.text(4);
    out.push_back(std::move(m));
  }
  return out;
}

void set_menu(Connection& db, const std::vector<MenuItem>& items) {
  db.prepare("DELETE FROM menu_items").run();
  std::int64_t position = 0;
  for (const auto& m : items)
    db.prepare(
          "INSERT INTO menu_items (position, kind, target_id, label, url) VALUES (?1, ?2, ?3, ?4, "
          "?5)")
        .bind(1, position++)
        .bind(2, m.kind == MenuItem::Kind::Category ? "category"
                 : m.kind == MenuItem::Kind::Page   ? "page"
                                                    : "link")
        .bind_optional_id(3, m.target_id)
        .bind(4, m.label)
        .bind(5, m.url)
        .run();
}

bool delete_article(Connection& db, Id id) {
  auto slug = db.prepare("SELECT slug FROM articles WHERE id = ?1");
  slug.bind(1, id);
  if (!slug.step()) return false;
  // Old addresses that led to it would now lead nowhere: they go too.
  db.prepare("DELETE FROM redirects WHERE target = ?1")
      .bind(1, content::article_url(slug.text(0)))
      .run();
  db.prepare("DELETE FROM import_keys WHERE target_id = ?1 AND kind = 'wp:post'").bind(1, id).run();
  db.prepare("DELETE FROM autosaves WHERE article_id = ?1").bind(1, id).run();
  db.prepare("DELETE FROM articles WHERE id = ?1").bind(1, id).run();
  return true;
}

std::optional<Autosave> autosave(Connection& db, Id article_id, Id user_id) {
  auto s = db.prepare(
      "SELECT saved_at, title, body, format FROM autosaves WHERE article_id = ?1 AND "
      "user_id = ?2");
  s.bind(1, article_id).bind(2, user_id);
  if (!s.step()) return std::nullopt;
  return Autosave{article_id, user_id, s.int64(0), s.text(1), s.text(2), s.text(3)};
}

void set_autosave(Connection& db, const Autosave& a) {
  db.prepare(
        "INSERT OR REPLACE INTO autosaves (article_id, user_id, saved_at, title, body, format) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      .bind(1, a.article_id)
      .bind(2, a.user_id)
      .bind(3, a.saved_at)
      .bind(4, a.title)
      .bind(5, a.body)
      .bind(6, a.format == "html" ? "html" : "markdown")
      .run();
}

bool update_tag(Connection& db, Id id, std::string_view name, std::string_view slug) {
  auto taken = db.prepare("SELECT 1 FROM tags WHERE slug = ?1 AND id <> ?2");
  taken.bind(1, slug).bind(2, id);
  if (taken.step()) return false;
  db.prepare("UPDATE tags SET name = ?2, slug = ?3 WHERE id = ?1")
      .bind(1, id)
      .bind(2, name)
      .bind(3, slug)
      .run();
  return sqlite3_changes(db.handle()) > 0;
}

bool delete_tag(Connection& db, Id id) {
  db.prepare("DELETE FROM listings WHERE listing = ?1").bind(1, "t:" + std::to_string(id)).run();
  db.prepare("DELETE FROM tags WHERE id = ?1").bind(1, id).run();
  return sqlite3_changes(db.handle()) > 0;
}

void add_revision(Connection& db, Id article, int version, Id user_id, Timestamp now,
                  const NewArticle& a) {
  db.prepare(
        "INSERT INTO revisions (article_id, version, user_id, created_at, title, excerpt, "
        "body_markdown, body_html) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, article)
      .bind(2, static_cast<std::int64_t>(version))
      .bind_optional_id(3, user_id)
      .bind(4, now)
      .bind(5, a.title)
      .bind(6, a.excerpt)
      .bind(7, a.body_markdown)
      .bind(8, a.body_markdown.empty() ? a.body_html : std::string())
      .run();
}

}  // namespace khabar::store::sqlite
