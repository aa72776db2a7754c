#include "store/sqlite/writer.h"

#include "content/model.h"
#include "store/sqlite/article_rows.h"
#include "store/sqlite/categories.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/search.h"
#include "store/sqlite/sitemaps.h"

namespace khabar::store::sqlite {

using content::CommentStatus;

void Writer::begin() {
  db_->exec("BEGIN IMMEDIATE");
  open_ = true;
  owner_ = std::this_thread::get_id();
}

void Writer::commit() {
  flush_search_queue(*db_);
  // The months whose sitemaps changed (the listings themselves were noted with the
  // articles): Change::SitemapMonth.
  for (int month : stamp_changed_listings(*db_, clock_.now()))
    note({ChangeKind::SitemapMonth, month});
  flush_changes();
  db_->exec("COMMIT");
  open_ = false;
  owner_ = std::thread::id{};
  ++stats_.transactions;
}

void Writer::rollback() noexcept {
  pending_.clear();
  open_ = false;
  owner_ = std::thread::id{};
  try {
    db_->exec("ROLLBACK");
  } catch (...) {
    // SQLite rolled back already (a failed COMMIT after an I/O error, a full disk).
  }
}

void Writer::note_article(Id id, const NewArticle& a) {
  note({ChangeKind::Article, id});
  if (a.category_id) note({ChangeKind::CategoryListing, a.category_id});
  for (Id c : a.extra_category_ids) note({ChangeKind::CategoryListing, c});
  for (Id t : a.tag_ids) note({ChangeKind::TagListing, t});
  for (Id u : a.author_ids) note({ChangeKind::AuthorListing, u});
  if (a.kind == content::Kind::Page) note({ChangeKind::Pages});
}

void Writer::note_article_as_stored(Id id) {
  Connection& db = *db_;
  auto s = db.prepare("SELECT kind, ifnull(category_id, 0) FROM articles WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return;
  NewArticle old;
  old.kind = content::parse_kind(s.text(0));
  old.category_id = s.int64(1);
  old.tag_ids = ids(db, "SELECT tag_id FROM article_tags WHERE article_id = ?1", id);
  old.author_ids = ids(db, "SELECT user_id FROM article_authors WHERE article_id = ?1", id);
  old.extra_category_ids =
      ids(db, "SELECT category_id FROM article_categories WHERE article_id = ?1", id);
  note_article(id, old);
}

void Writer::note_tag_articles(Id tag) {
  note({ChangeKind::TagListing, tag});
  auto s = db_->prepare("SELECT article_id FROM article_tags WHERE tag_id = ?1");
  s.bind(1, tag);
  while (s.step()) note({ChangeKind::Article, s.int64(0)});
}

void Writer::note_comment_article(Id comment) {
  auto s = db_->prepare("SELECT article_id FROM comments WHERE id = ?1");
  s.bind(1, comment);
  if (s.step()) note({ChangeKind::Comments, s.int64(0)});
}

PathMoves Writer::rewrite_paths() {
  auto [changed, moved_ids] = rewrite_category_paths(*db_);
  // Listings of a category include its descendants: every article below a moved
  // category is listed under a different set of ancestors now.
  std::set<Id> articles;
  for (Id id : moved_ids) {
    note({ChangeKind::CategoryListing, id});
    for (Id article : articles_below(*db_, id)) articles.insert(article);
  }
  for (Id article : articles) {
    note_article_as_stored(article);
    refresh_listings(*db_, article);
    refresh_search_docs(*db_, article);
  }
  return changed;
}

Id Writer::insert_comment(const NewComment& c) {
  db_->prepare(
         "INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url, "
         "body, status, created_at, ip_hash, user_agent) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', ?10)")
      .bind(1, c.article_id)
      .bind_optional_id(2, c.parent_id)
      .bind(3, c.author_name)
      .bind(4, c.author_email)
      .bind(5, c.author_url)
      .bind(6, c.body)
      .bind(7, content::to_string(c.status))
      .bind(8, c.created_at ? c.created_at : clock_.now())
      .bind(10, c.user_agent)
      .run();
  if (c.status == CommentStatus::Approved) note({ChangeKind::Comments, c.article_id});
  return db_->last_insert_id();
}

void Writer::flush_changes() {
  if (pending_.empty()) return;
  std::string codes = encode(std::vector<Change>(pending_.begin(), pending_.end()));
  pending_.clear();
  std::int64_t now = clock_.now();
  db_->prepare("INSERT INTO changes (at, codes) VALUES (?1, ?2)").bind(1, now).bind(2, codes).run();
  if (++flushes_ % 256 == 0)
    db_->prepare("DELETE FROM changes WHERE at < ?1").bind(1, now - 3600).run();
}

}  // namespace khabar::store::sqlite
