#include "store/sqlite/rows.h"

#include <string>
#include <unordered_map>

#include "store/sqlite/media.h"

namespace khabar::store::sqlite {

using namespace khabar::content;

void read_summary(const Statement& s, ArticleSummary& out) {
  out.id = s.int64(0);
  out.kind = parse_kind(s.text(1));
  out.slug = s.text(2);
  out.title = s.text(3);
  out.excerpt = s.text(4);
  out.language = s.text(5);
  out.published_at = s.int64(6);
  out.updated_at = s.int64(7);
  out.category_id = s.int64(8);
  out.reading_minutes = static_cast<int>(s.int64(9));
  out.featured_media_id = s.int64(10);
}

Author read_author(const Statement& s, int first) {
  return Author{s.int64(first), s.text(first + 1), s.text(first + 2), s.text(first + 3),
                s.text(first + 4)};
}

Comment read_comment(const Statement& s, int first) {
  Comment c;
  c.id = s.int64(first);
  c.article_id = s.int64(first + 1);
  c.parent_id = s.int64(first + 2);
  c.author_name = s.text(first + 3);
  c.author_url = s.text(first + 4);
  c.body = s.text(first + 5);
  c.status = parse_comment_status(s.text(first + 6)).value_or(CommentStatus::Pending);
  c.created_at = s.int64(first + 7);
  return c;
}

std::string json_ids(const std::vector<Id>& ids) {
  std::string out = "[";
  for (Id id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "]";
}

std::string sql(std::string_view a, std::string_view b, std::string_view c) {
  std::string out(a);
  out.append(b).append(c);
  return out;
}

std::vector<Id> ids(Connection& db, std::string_view sql, Id arg) {
  auto s = db.prepare(sql);
  s.bind(1, arg);
  std::vector<Id> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

std::vector<Correction> corrections_of(Connection& db, Id article_id) {
  auto s = db.prepare(
      "SELECT noted_at, text FROM corrections WHERE article_id = ?1 ORDER BY noted_at, id");
  s.bind(1, article_id);
  std::vector<Correction> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1)});
  return out;
}

std::vector<Author> authors_of(Connection& db, Id article_id) {
  auto s = db.prepare(
      "SELECT u.id, u.display_name, u.slug, u.bio, u.avatar FROM article_authors aa "
      "JOIN users u ON u.id = aa.user_id WHERE aa.article_id = ?1 ORDER BY aa.position");
  s.bind(1, article_id);
  std::vector<Author> out;
  while (s.step()) out.push_back(read_author(s, 0));
  return out;
}

namespace {

// Fills the authors of many summaries with one query (ids passed as a JSON array).
void attach_authors(Connection& db, std::vector<ArticleSummary>& items) {
  if (items.empty()) return;
  std::string ids = "[";
  std::unordered_map<Id, ArticleSummary*> by_id;
  for (auto& item : items) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(item.id);
    by_id[item.id] = &item;
  }
  ids += ']';
  auto s = db.prepare(
      "SELECT aa.article_id, u.id, u.display_name, u.slug, u.bio, u.avatar "
      "FROM json_each(?1) AS wanted CROSS JOIN article_authors aa "
      "ON aa.article_id = wanted.value JOIN users u ON u.id = aa.user_id "
      "ORDER BY aa.article_id, aa.position");
  s.bind(1, ids);
  while (s.step()) by_id[s.int64(0)]->authors.push_back(read_author(s, 1));
}

}  // namespace

void complete_cards(Connection& db, std::vector<ArticleSummary>& items) {
  attach_authors(db, items);
  std::vector<Id> wanted;
  for (const auto& item : items)
    if (item.featured_media_id) wanted.push_back(item.featured_media_id);
  if (wanted.empty()) return;
  auto found = media_by_ids(db, wanted);
  for (auto& item : items)
    if (auto it = found.find(item.featured_media_id); it != found.end())
      item.featured_media = it->second;
}

}  // namespace khabar::store::sqlite
