#include "store/sqlite/rows.h"

#include <chrono>

namespace khabar::store::sqlite {

using namespace khabar::content;

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void read_summary(const Statement& s, ArticleSummary& out) {
  out.id = s.int64(0);
  out.kind = s.text(1) == "page" ? Kind::Page : Kind::Article;
  out.slug = s.text(2);
  out.title = s.text(3);
  out.excerpt = s.text(4);
  out.language = s.text(5);
  out.published_at = s.int64(6);
  out.updated_at = s.int64(7);
  out.category_id = s.int64(8);
  out.reading_minutes = static_cast<int>(s.int64(9));
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

}  // namespace khabar::store::sqlite
