#include "store/sqlite/sqlite_store.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_map>

#include "content/text.h"
#include "content/urls.h"
#include "store/sqlite/accounts.h"
#include "store/sqlite/categories.h"
#include "store/sqlite/desk.h"
#include "store/sqlite/imports.h"
#include "store/sqlite/media.h"
#include "store/sqlite/related.h"
#include "store/sqlite/article_rows.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/rows.h"

namespace khabar::store {
namespace {

using namespace khabar::content;
using sqlite::Connection;
using sqlite::Statement;
using namespace sqlite;  // rows.h

class SqliteStore final : public Store, private sqlite::Access {
 public:
  SqliteStore(std::string path, SqliteOptions options)
      : path_(std::move(path)),
        uid_(next_uid_++),
        clock_(options.clock ? *options.clock : content::system_clock()) {
    if (!options.create) {
      // Open read-only first: a missing file is an error, not a new empty site.
      Connection probe(path_, Connection::Mode::ReadOnly);
    }
    writer_ = std::make_unique<Connection>(options.create ? create_file() : path_,
                                           Connection::Mode::ReadWrite);
    writer_->exec("PRAGMA journal_mode = WAL");
    writer_->exec("PRAGMA synchronous = FULL");
    writer_->exec("PRAGMA cache_size = -65536");  // 64 MiB of pages for the writer
    migrate(*writer_, path_);
    accounts_ = sqlite::make_account_store(*this);
  }

  AccountStore& accounts() override { return *accounts_; }

  // --- reads ---

  std::vector<Category> categories() override {
    auto s = reader().prepare(
        "SELECT id, ifnull(parent_id, 0), slug, path, name, description, position "
        "FROM categories ORDER BY position, name");
    std::vector<Category> out;
    while (s.step())
      out.push_back(Category{s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.text(5),
                             static_cast<int>(s.int64(6))});
    return out;
  }

  std::optional<Article> published_by_slug(std::string_view slug) override {
    Connection& db = reader();
    Article a;
    {
      auto s = db.prepare(sql("SELECT ", kSummaryColumns,
                              ", a.body_markdown, a.source_line, a.comments_open, a.is_lead, "
                              "a.body_html, a.featured_image, ifnull(a.featured_media_id, 0) "
                              "FROM articles a WHERE a.slug = ?1 AND a.status = 'published'"));
      s.bind(1, slug);
      if (!s.step()) return std::nullopt;
      read_summary(s, a);
      a.body_markdown = s.text(kSummaryColumnCount);
      a.source_line = s.text(kSummaryColumnCount + 1);
      a.comments_open = s.int64(kSummaryColumnCount + 2) != 0;
      a.is_lead = s.int64(kSummaryColumnCount + 3) != 0;
      a.body_html = s.text(kSummaryColumnCount + 4);
      a.featured_image = s.text(kSummaryColumnCount + 5);
      if (Id media = s.int64(kSummaryColumnCount + 6)) a.featured_media = sqlite::media(db, media);
      a.status = Status::Published;
    }
    a.authors = sqlite::authors_of(db, a.id);
    auto t = db.prepare(
        "SELECT t.id, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        "WHERE at.article_id = ?1 ORDER BY t.name");
    t.bind(1, a.id);
    while (t.step()) a.tags.push_back(Tag{t.int64(0), t.text(1), t.text(2)});
    return a;
  }

  std::vector<ArticleSummary> published_articles(const ListingFilter& f, int limit,
                                                 int offset) override {
    Connection& db = reader();
    // The offset is taken in the listings index alone; only the page's rows are joined.
    auto s = db.prepare(sql("SELECT ", kSummaryColumns,
                            " FROM (SELECT article_id, published_at FROM listings "
                            "WHERE listing = ?3 ORDER BY published_at DESC, article_id DESC "
                            "LIMIT ?1 OFFSET ?2) l CROSS JOIN articles a ON a.id = l.article_id "
                            "ORDER BY l.published_at DESC, l.article_id DESC"));
    s.bind(1, static_cast<std::int64_t>(limit))
        .bind(2, static_cast<std::int64_t>(offset))
        .bind(3, listing_key(f));
    std::vector<ArticleSummary> out;
    while (s.step()) read_summary(s, out.emplace_back());
    sqlite::attach_authors(db, out);
    return out;
  }

  std::int64_t count_published_articles(const ListingFilter& f) override {
    auto s = reader().prepare("SELECT count(*) FROM listings WHERE listing = ?1");
    s.bind(1, listing_key(f));
    s.step();
    return s.int64(0);
  }

  std::vector<ArticleSummary> published_pages() override {
    Connection& db = reader();
    auto s = db.prepare(sql("SELECT ", kSummaryColumns,
                            " FROM articles a WHERE a.kind = 'page' AND a.status = 'published' "
                            "ORDER BY a.title"));
    std::vector<ArticleSummary> out;
    while (s.step()) read_summary(s, out.emplace_back());
    return out;
  }

  std::optional<ArticleSummary> lead_article() override {
    Connection& db = reader();
    auto s = db.prepare(sql("SELECT ", kSummaryColumns,
                            " FROM articles a WHERE a.is_lead = 1 AND a.status = 'published' "
                            "AND a.kind = 'article' ORDER BY a.published_at DESC LIMIT 1"));
    std::vector<ArticleSummary> out;
    if (s.step()) read_summary(s, out.emplace_back());
    if (out.empty()) return std::nullopt;
    sqlite::attach_authors(db, out);
    return out.front();
  }

  std::optional<ArticleSummary> related_article(const Article& a) override {
    Connection& db = reader();
    auto id = sqlite::related_article_id(db, a);
    if (!id) return std::nullopt;
    std::vector<ArticleSummary> out;
    {
      auto s = db.prepare(sql("SELECT ", kSummaryColumns, " FROM articles a WHERE a.id = ?1"));
      s.bind(1, *id);
      if (s.step()) read_summary(s, out.emplace_back());
    }
    if (out.empty()) return std::nullopt;
    sqlite::attach_authors(db, out);
    return out.front();
  }

  std::vector<Comment> approved_comments(Id article_id,
                                         const std::vector<Id>& own_pending) override {
    auto s = reader().prepare(sql(
        "SELECT ", kCommentColumns,
        " FROM comments c WHERE article_id = ?1 AND (status = 'approved' OR (status = 'pending' "
        "AND id IN (SELECT value FROM json_each(?2)))) ORDER BY created_at, id"));
    s.bind(1, article_id).bind(2, json_ids(own_pending));
    std::vector<Comment> out;
    while (s.step()) out.push_back(read_comment(s, 0));
    return out;
  }

  std::optional<Comment> comment(Id id) override {
    auto s = reader().prepare(sql("SELECT ", kCommentColumns, " FROM comments c WHERE id = ?1"));
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_comment(s, 0);
  }

  bool has_approved_comment_by(std::string_view email) override {
    auto s = reader().prepare(
        "SELECT 1 FROM comments WHERE author_email = ?1 AND status = 'approved' LIMIT 1");
    s.bind(1, email);
    return s.step();
  }

  std::vector<ModerationItem> comments_for_moderation(CommentStatus status, int limit) override {
    auto s = reader().prepare(
        sql("SELECT ", kCommentColumns,
            ", c.author_email, a.slug FROM comments c JOIN articles a ON a.id = c.article_id "
            "WHERE c.status = ?1 ORDER BY c.created_at DESC, c.id DESC LIMIT ?2"));
    s.bind(1, to_string(status)).bind(2, static_cast<std::int64_t>(limit));
    std::vector<ModerationItem> out;
    while (s.step())
      out.push_back(
          {read_comment(s, 0), s.text(kCommentColumnCount), s.text(kCommentColumnCount + 1)});
    return out;
  }

  std::optional<Tag> tag_by_slug(std::string_view slug) override {
    auto s = reader().prepare("SELECT id, slug, name FROM tags WHERE slug = ?1");
    s.bind(1, slug);
    if (!s.step()) return std::nullopt;
    return Tag{s.int64(0), s.text(1), s.text(2)};
  }

  std::optional<Author> author_by_slug(std::string_view slug) override {
    auto s = reader().prepare("SELECT id, display_name, slug, bio, avatar FROM users WHERE slug = ?1");
    s.bind(1, slug);
    if (!s.step()) return std::nullopt;
    return read_author(s, 0);
  }

  std::optional<std::string> setting(std::string_view key) override {
    auto s = reader().prepare("SELECT value FROM settings WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  std::optional<Id> user_id_by_login(std::string_view login) override {
    return lookup_id("SELECT id FROM users WHERE login = ?1", login);
  }
  std::optional<Id> article_id_by_slug(std::string_view slug) override {
    return lookup_id("SELECT id FROM articles WHERE slug = ?1", slug);
  }
  std::optional<Id> category_id_by_path(std::string_view path) override {
    return lookup_id("SELECT id FROM categories WHERE path = ?1", path);
  }
  std::optional<Id> tag_id_by_slug(std::string_view slug) override {
    return lookup_id("SELECT id FROM tags WHERE slug = ?1", slug);
  }
  std::optional<Id> import_target(std::string_view kind, std::string_view key) override {
    std::lock_guard lock(writer_mutex_);
    return sqlite::import_target(*writer_, kind, key);
  }


  std::optional<std::string> redirect(std::string_view path) override {
    return sqlite::redirect(reader(), path);
  }


  // --- the desk ---

  std::int64_t count_articles(Status status) override {
    auto s = reader().prepare("SELECT count(*) FROM articles WHERE status = ?1");
    s.bind(1, to_string(status));
    s.step();
    return s.int64(0);
  }

  std::int64_t count_comments(CommentStatus status) override {
    auto s = reader().prepare("SELECT count(*) FROM comments WHERE status = ?1");
    s.bind(1, to_string(status));
    s.step();
    return s.int64(0);
  }

  std::optional<DeskArticle> desk_article(Id id) override { return sqlite::desk_article(reader(), id); }
  std::vector<DeskArticle> desk_articles(const DeskFilter& f) override {
    return sqlite::desk_articles(reader(), f);
  }
  std::optional<EditableArticle> article_for_edit(Id id) override {
    return sqlite::article_for_edit(reader(), id);
  }
  std::vector<Revision> revisions(Id article_id) override {
    return sqlite::revisions(reader(), article_id);
  }
  std::optional<Revision> revision(Id id) override { return sqlite::revision(reader(), id); }
  std::vector<DeskTag> desk_tags() override { return sqlite::desk_tags(reader()); }
  std::vector<content::Media> media_library(const MediaFilter& f) override {
    return sqlite::media_library(reader(), f);
  }
  std::optional<content::Media> media(Id id) override { return sqlite::media(reader(), id); }
  std::vector<DeskArticle> media_uses(Id id) override {
    Connection& db = reader();
    std::vector<DeskArticle> out;
    for (Id article : sqlite::articles_using_media(db, id))
      if (auto a = sqlite::desk_article(db, article)) out.push_back(std::move(*a));
    return out;
  }
  std::vector<content::Media> media_by_files(const std::vector<std::string>& files) override {
    return sqlite::media_by_files(reader(), files);
  }
  std::vector<MenuItem> menu() override { return sqlite::menu(reader()); }

  // --- writes ---

  SaveOutcome save_article(Id id, const NewArticle& a, int expected_version, Id user_id,
                           Timestamp now) override {
    return write([&](Connection& db) {
      SaveOutcome out;
      if (id) {
        auto v = db.prepare("SELECT version FROM articles WHERE id = ?1");
        v.bind(1, id);
        if (!v.step() || v.int64(0) != expected_version) {
          out.conflict = true;
          return out;
        }
        out.version = expected_version + 1;
        if (!update_article(id, a)) {
          out.conflict = true;
          return out;
        }
        out.id = id;
      } else {
        out.id = add_article(a);
        out.version = 1;
      }
      db.prepare("UPDATE articles SET version = ?2 WHERE id = ?1").bind(1, out.id).bind(2, out.version).run();
      sqlite::add_revision(db, out.id, out.version, user_id, now, a);
      return out;
    });
  }

  bool set_article_status(Id id, Status status, Timestamp now, Timestamp published_at) override {
    return write([&](Connection& db) {
      note_article_as_stored(db, id);
      db.prepare(
            "UPDATE articles SET status = ?2, updated_at = ?3, published_at = CASE "
            "WHEN ?4 > 0 THEN ?4 ELSE published_at END WHERE id = ?1")
          .bind(1, id)
          .bind(2, to_string(status))
          .bind(3, now)
          .bind(4, published_at)
          .run();
      if (sqlite3_changes(db.handle()) == 0) return false;
      sqlite::refresh_listings(db, id);
      return true;
    });
  }

  bool schedule_article(Id id, Timestamp at, Timestamp now) override {
    return write([&](Connection& db) {
      note_article_as_stored(db, id);
      db.prepare("UPDATE articles SET status = 'scheduled', published_at = ?2, updated_at = ?3 WHERE id = ?1")
          .bind(1, id)
          .bind(2, at)
          .bind(3, now)
          .run();
      if (sqlite3_changes(db.handle()) == 0) return false;
      sqlite::refresh_listings(db, id);
      return true;
    });
  }

  std::vector<Id> publish_due(Timestamp now) override {
    {
      auto due = reader().prepare(
          "SELECT 1 FROM articles WHERE status = 'scheduled' AND published_at <= ?1 LIMIT 1");
      due.bind(1, now);
      if (!due.step()) return {};
    }
    return write([&](Connection& db) {
      std::vector<Id> ids;
      {
        auto s = db.prepare(
            "SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= ?1");
        s.bind(1, now);
        while (s.step()) ids.push_back(s.int64(0));
      }
      for (Id id : ids) {
        note_article_as_stored(db, id);
        db.prepare("UPDATE articles SET status = 'published' WHERE id = ?1").bind(1, id).run();
        sqlite::refresh_listings(db, id);
      }
      return ids;
    });
  }

  Id add_user(const NewUser& u) override {
    return write([&](Connection& db) {
      db.prepare(
            "INSERT INTO users (login, email, display_name, slug, bio, role, created_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .bind(1, u.login)
          .bind(2, u.email)
          .bind(3, u.display_name)
          .bind(4, u.slug)
          .bind(5, u.bio)
          .bind(6, u.role)
          .bind(7, clock_.now())
          .run();
      return db.last_insert_id();
    });
  }

  Id add_category(const NewCategory& c) override {
    return write([&](Connection& db) {
      std::string path = c.slug;
      if (c.parent_id) {
        auto p = db.prepare("SELECT path FROM categories WHERE id = ?1");
        p.bind(1, c.parent_id);
        if (!p.step())
          throw StoreError("parent category " + std::to_string(c.parent_id) + " does not exist");
        path = p.text(0) + "/" + c.slug;
      }
      db.prepare(
            "INSERT INTO categories (parent_id, slug, path, name, description, position) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .bind_optional_id(1, c.parent_id)
          .bind(2, c.slug)
          .bind(3, path)
          .bind(4, c.name)
          .bind(5, c.description)
          .bind(6, static_cast<std::int64_t>(c.position))
          .run();
      note({ChangeKind::Categories});
      return db.last_insert_id();
    });
  }

  std::vector<std::pair<std::string, std::string>> update_category(Id id,
                                                                   const NewCategory& c) override {
    return write([&](Connection& db) {
      db.prepare(
            "UPDATE categories SET parent_id = ?2, slug = ?3, name = ?4, description = ?5, "
            "position = ?6 WHERE id = ?1")
          .bind(1, id)
          .bind_optional_id(2, c.parent_id)
          .bind(3, c.slug)
          .bind(4, c.name)
          .bind(5, c.description)
          .bind(6, static_cast<std::int64_t>(c.position))
          .run();
      note({ChangeKind::Categories});
      return rewrite_paths(db);
    });
  }

  std::vector<std::pair<std::string, std::string>> delete_category(Id id, Id move_to) override {
    return write([&](Connection& db) -> std::vector<std::pair<std::string, std::string>> {
      auto moved = sqlite::articles_in(db, id);
      for (Id article : moved) note_article_as_stored(db, article);
      if (!sqlite::remove_category(db, id, move_to)) return {};
      note({ChangeKind::Categories});
      note({ChangeKind::CategoryListing, id});
      if (move_to) note({ChangeKind::CategoryListing, move_to});
      auto changed = rewrite_paths(db);
      for (Id article : moved) sqlite::refresh_listings(db, article);
      return changed;
    });
  }

  Id add_tag(std::string_view name, std::string_view slug) override {
    return write([&](Connection& db) {
      db.prepare("INSERT INTO tags (slug, name) VALUES (?1, ?2)").bind(1, slug).bind(2, name).run();
      return db.last_insert_id();
    });
  }

  Id add_article(const NewArticle& a) override {
    return write([&](Connection& db) {
      std::int64_t now = clock_.now();
      auto s = db.prepare(
          "INSERT INTO articles (kind, slug, title, excerpt, body_markdown, status, language, "
          "source_line, category_id, reading_minutes, comments_open, is_lead, created_at, "
          "published_at, updated_at, body_html, featured_image, featured_media_id) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?17, ?18, ?19)");
      sqlite::bind_article(s, a);
      s.bind(13, now).bind(15, a.published_at ? a.published_at : now);
      s.run();
      Id id = db.last_insert_id();
      sqlite::write_bylines_and_tags(db, id, a);
      sqlite::refresh_listings(db, id);
      note_article(id, a);
      return id;
    });
  }

  bool update_article(Id id, const NewArticle& a) override {
    return write([&](Connection& db) {
      note_article_as_stored(db, id);  // the listings it leaves
      auto s = db.prepare(
          "UPDATE articles SET kind = ?1, slug = ?2, title = ?3, excerpt = ?4, "
          "body_markdown = ?5, status = ?6, language = ?7, source_line = ?8, category_id = ?9, "
          "reading_minutes = ?10, comments_open = ?11, is_lead = ?12, published_at = ?14, "
          "updated_at = ?13, body_html = ?17, featured_image = ?18, featured_media_id = ?19 "
          "WHERE id = ?16");
      sqlite::bind_article(s, a);
      s.bind(13, clock_.now()).bind(16, id);
      s.run();
      if (sqlite3_changes(db.handle()) == 0) return false;
      db.prepare("DELETE FROM article_authors WHERE article_id = ?1").bind(1, id).run();
      db.prepare("DELETE FROM article_tags WHERE article_id = ?1").bind(1, id).run();
      db.prepare("DELETE FROM article_categories WHERE article_id = ?1").bind(1, id).run();
      sqlite::write_bylines_and_tags(db, id, a);
      sqlite::refresh_listings(db, id);
      note_article(id, a);  // the listings it joins
      return true;
    });
  }

  bool rename_category(Id id, std::string_view name) override {
    return write([&](Connection& db) {
      db.prepare("UPDATE categories SET name = ?2 WHERE id = ?1").bind(1, id).bind(2, name).run();
      bool changed = sqlite3_changes(db.handle()) > 0;
      if (changed) note({ChangeKind::Categories});
      return changed;
    });
  }

  Id add_comment(const NewComment& c) override {
    return group_commit([this, c](Connection& db) { return insert_comment(db, c); });
  }

  std::optional<Id> add_reader_comment(const NewComment& c) override {
    Id id = group_commit([this, c](Connection& db) -> Id {
      // One lookup in comments_same_text. The unary + keeps SQLite from propagating
      // body = ?3 into substr(body, ...), which would no longer match the index (3.40).
      auto same = db.prepare(
          "SELECT 1 FROM comments WHERE article_id = ?1 AND author_email = ?2 "
          "AND substr(body, 1, 100) = substr(?3, 1, 100) AND +body = ?3 AND status <> 'trash' "
          "LIMIT 1");
      same.bind(1, c.article_id).bind(2, c.author_email).bind(3, c.body);
      return same.step() ? 0 : insert_comment(db, c);
    });
    if (id == 0) return std::nullopt;
    return id;
  }

  std::vector<Id> set_comment_status(const std::vector<Id>& ids, CommentStatus status) override {
    return write([&](Connection& db) {
      std::vector<Id> changed;
      for (Id id : ids) {
        note_comment_article(db, id);
        db.prepare("UPDATE comments SET status = ?2 WHERE id = ?1")
            .bind(1, id)
            .bind(2, to_string(status))
            .run();
        if (sqlite3_changes(db.handle()) > 0) changed.push_back(id);
      }
      return changed;
    });
  }

  std::vector<Id> delete_comments(const std::vector<Id>& ids) override {
    return write([&](Connection& db) {
      std::vector<Id> deleted;
      for (Id id : ids) {
        note_comment_article(db, id);
        db.prepare("DELETE FROM comments WHERE id = ?1").bind(1, id).run();
        if (sqlite3_changes(db.handle()) > 0) deleted.push_back(id);
      }
      return deleted;
    });
  }

  void set_setting(std::string_view key, std::string_view value) override {
    write([&](Connection& db) {
      db.prepare(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
          .bind(1, key)
          .bind(2, value)
          .run();
      note({ChangeKind::Settings});
      return 0;
    });
  }

  void set_import_target(std::string_view kind, std::string_view key, Id target) override {
    write_transaction([&](Connection& db) { sqlite::set_import_target(db, kind, key, target); });
  }


  void add_redirect(std::string_view path, std::string_view target) override {
    write_transaction([&](Connection& db) { sqlite::add_redirect(db, path, target); });
  }


  Id add_media(const NewMedia& m) override {
    return write([&](Connection& db) { return sqlite::add_media(db, m, clock_.now()); });
  }


  std::optional<std::string> media_file(Id id) override {
    std::lock_guard lock(writer_mutex_);
    return sqlite::media_file(*writer_, id);
  }

  std::optional<Id> media_id_by_file(std::string_view file) override {
    std::lock_guard lock(writer_mutex_);
    auto s = writer_->prepare("SELECT id FROM media WHERE file = ?1");
    s.bind(1, file);
    if (!s.step()) return std::nullopt;
    return s.int64(0);
  }

  bool update_media_text(Id id, std::string_view alt, std::string_view caption,
                         std::string_view credit) override {
    return write([&](Connection& db) {
      if (!sqlite::update_media_text(db, id, alt, caption, credit)) return false;
      for (Id article : sqlite::articles_using_media(db, id)) note({ChangeKind::Article, article});
      return true;
    });
  }

  std::optional<content::Media> delete_media(Id id) override {
    return write([&](Connection& db) {
      for (Id article : sqlite::articles_using_media(db, id)) note({ChangeKind::Article, article});
      return sqlite::delete_media(db, id);
    });
  }

  bool delete_article(Id id) override {
    return write([&](Connection& db) {
      note_article_as_stored(db, id);
      return sqlite::delete_article(db, id);
    });
  }

  bool update_tag(Id id, std::string_view name, std::string_view slug) override {
    return write([&](Connection& db) {
      if (!sqlite::update_tag(db, id, name, slug)) return false;
      note_tag_articles(db, id);
      return true;
    });
  }

  bool delete_tag(Id id) override {
    return write([&](Connection& db) {
      note_tag_articles(db, id);
      return sqlite::delete_tag(db, id);
    });
  }

  void set_menu(const std::vector<MenuItem>& items) override {
    write([&](Connection& db) {
      sqlite::set_menu(db, items);
      note({ChangeKind::Settings});
      return 0;
    });
  }

  void batch(const std::function<void()>& work) override {
    write([&](Connection&) {
      work();
      return 0;
    });
  }

  void read_snapshot(const std::function<void()>& work) override {
    thread_local int depth = 0;
    thread_local std::uint64_t owner = 0;
    if (depth > 0 && owner == uid_) {
      work();
      return;
    }
    Connection& db = reader();
    db.exec("BEGIN");
    int saved_depth = depth;
    std::uint64_t saved_owner = owner;
    depth = 1;
    owner = uid_;
    try {
      work();
    } catch (...) {
      depth = saved_depth;
      owner = saved_owner;
      db.exec("COMMIT");
      throw;
    }
    depth = saved_depth;
    owner = saved_owner;
    db.exec("COMMIT");
  }

  bool changed_since_last_look() override {
    thread_local std::unordered_map<std::uint64_t, std::int64_t> seen;
    auto v = reader().prepare("PRAGMA data_version");
    v.step();
    std::int64_t version = v.int64(0);
    auto [it, first] = seen.emplace(uid_, version);
    if (first) return true;
    if (it->second == version) return false;
    it->second = version;
    return true;
  }

  std::vector<Change> changes_since(std::int64_t& cursor) override {
    auto s = reader().prepare("SELECT id, codes FROM changes WHERE id > ?1 ORDER BY id");
    s.bind(1, cursor);
    std::set<Change> changes;
    while (s.step()) {
      cursor = std::max(cursor, s.int64(0));
      for (Change c : decode_list(s.text(1))) changes.insert(c);
    }
    return {changes.begin(), changes.end()};
  }

  std::int64_t latest_change() override {
    auto s = reader().prepare("SELECT ifnull(max(id), 0) FROM changes");
    s.step();
    return s.int64(0);
  }

  WriteStats write_stats() override {
    std::lock_guard lock(writer_mutex_);
    return stats_;
  }

 private:
  // sqlite::Access, for the account store.
  sqlite::Connection& read_connection() override { return reader(); }
  void write_transaction(const std::function<void(Connection&)>& work) override {
    write([&](Connection& db) {
      work(db);
      return 0;
    });
  }
  void note_change(Change change) override { note(change); }



  // The listings key of a filter (migration 0004).
  static std::string listing_key(const ListingFilter& f) {
    if (f.category_id) return "c:" + std::to_string(*f.category_id);
    if (f.tag_id) return "t:" + std::to_string(*f.tag_id);
    if (f.author_id) return "u:" + std::to_string(*f.author_id);
    return "all";
  }

  std::string create_file() {
    // SQLITE_OPEN_CREATE is not in Connection's flags: create through a one-off handle.
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::string error = rc == SQLITE_OK ? "" : (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw StoreError("cannot create database " + path_ + ": " + error);
    return path_;
  }

  // The calling thread's read-only connection to this store, opened on first use.
  Connection& reader() {
    thread_local std::unordered_map<std::uint64_t, Connection*> mine;
    auto it = mine.find(uid_);
    if (it != mine.end()) return *it->second;
    auto conn = std::make_unique<Connection>(path_, Connection::Mode::ReadOnly);
    conn->exec("PRAGMA query_only = ON");
    Connection* raw = conn.get();
    {
      std::lock_guard lock(readers_mutex_);
      readers_.push_back(std::move(conn));
    }
    mine.emplace(uid_, raw);
    return *raw;
  }

  template <class Work>
  auto write(Work&& work) -> decltype(work(std::declval<Connection&>())) {
    std::lock_guard lock(writer_mutex_);
    bool outermost = depth_ == 0;
    if (outermost) {
      writer_->exec("BEGIN IMMEDIATE");
      writing_store_ = uid_;
    }
    ++depth_;
    try {
      auto result = work(*writer_);
      --depth_;
      if (outermost) {
        writing_store_ = 0;
        flush_changes();
        writer_->exec("COMMIT");
        ++stats_.transactions;
      }
      return result;
    } catch (...) {
      --depth_;
      if (outermost) {
        writing_store_ = 0;
        pending_changes_.clear();
        writer_->exec("ROLLBACK");
      }
      throw;
    }
  }



  // Recomputes every category's path from the parent links; for those that changed,
  // refreshes the listings of the articles below them. Returns (old path, new path).
  std::vector<std::pair<std::string, std::string>> rewrite_paths(Connection& db) {
    auto [changed, ids] = sqlite::rewrite_category_paths(db);
    // Listings of a category include its descendants: every article below a moved
    // category is listed under a different set of ancestors now.
    std::set<Id> articles;
    for (Id id : ids) {
      note({ChangeKind::CategoryListing, id});
      for (Id article : sqlite::articles_below(db, id)) articles.insert(article);
    }
    for (Id article : articles) {
      note_article_as_stored(db, article);
      sqlite::refresh_listings(db, article);
    }
    return changed;
  }


  // The insert of add_comment and add_reader_comment (in a group commit's transaction).
  Id insert_comment(Connection& db, const NewComment& c) {
    db.prepare(
          "INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url, "
          "body, status, created_at, ip_hash, user_agent) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', ?10)")
        .bind(1, c.article_id)
        .bind_optional_id(2, c.parent_id)
        .bind(3, c.author_name)
        .bind(4, c.author_email)
        .bind(5, c.author_url)
        .bind(6, c.body)
        .bind(7, to_string(c.status))
        .bind(8, c.created_at ? c.created_at : clock_.now())
        .bind(10, c.user_agent)
        .run();
    if (c.status == CommentStatus::Approved) note({ChangeKind::Comments, c.article_id});
    return db.last_insert_id();
  }

  // Records a change code for the change log row of the current write transaction.
  // Called with writer_mutex_ held.
  void note(Change change) { pending_changes_.insert(change); }

  void note_article(Id id, const NewArticle& a) {
    note({ChangeKind::Article, id});
    if (a.category_id) note({ChangeKind::CategoryListing, a.category_id});
    for (Id c : a.extra_category_ids) note({ChangeKind::CategoryListing, c});
    for (Id t : a.tag_ids) note({ChangeKind::TagListing, t});
    for (Id u : a.author_ids) note({ChangeKind::AuthorListing, u});
    if (a.kind == Kind::Page) note({ChangeKind::Pages});
  }

  void note_article_as_stored(Connection& db, Id id) {
    auto s = db.prepare("SELECT kind, ifnull(category_id, 0) FROM articles WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return;
    NewArticle old;
    old.kind = content::parse_kind(s.text(0));
    old.category_id = s.int64(1);
    old.tag_ids = sqlite::ids(db, "SELECT tag_id FROM article_tags WHERE article_id = ?1", id);
    old.author_ids = sqlite::ids(db, "SELECT user_id FROM article_authors WHERE article_id = ?1", id);
    old.extra_category_ids =
        sqlite::ids(db, "SELECT category_id FROM article_categories WHERE article_id = ?1", id);
    note_article(id, old);
  }

  // A tag's listing and the pages of its articles (they show its name).
  void note_tag_articles(Connection& db, Id tag) {
    note({ChangeKind::TagListing, tag});
    auto s = db.prepare("SELECT article_id FROM article_tags WHERE tag_id = ?1");
    s.bind(1, tag);
    while (s.step()) note({ChangeKind::Article, s.int64(0)});
  }

  void note_comment_article(Connection& db, Id comment_id) {
    auto s = db.prepare("SELECT article_id FROM comments WHERE id = ?1");
    s.bind(1, comment_id);
    if (s.step()) note({ChangeKind::Comments, s.int64(0)});
  }

  // Writes the change log row of the transaction about to commit (writer_mutex_ held).
  void flush_changes() {
    if (pending_changes_.empty()) return;
    std::string codes = encode(std::vector<Change>(pending_changes_.begin(), pending_changes_.end()));
    pending_changes_.clear();
    std::int64_t now = clock_.now();
    writer_->prepare("INSERT INTO changes (at, codes) VALUES (?1, ?2)")
        .bind(1, now)
        .bind(2, codes)
        .run();
    if (++flushes_ % 256 == 0)
      writer_->prepare("DELETE FROM changes WHERE at < ?1").bind(1, now - 3600).run();
  }

  // One queued write of group commit.
  struct Pending {
    std::function<Id(Connection&)> work;
    Id result = 0;
    std::exception_ptr error;
    bool done = false;
  };

  // Leader/follower group commit: the first caller to find no leader becomes one, takes
  // the writer, then everything queued by then, and runs it in one transaction (a
  // savepoint each, so one failure fails only its own write). Followers wait for the
  // leader to mark their write done, i.e. committed.
  Id group_commit(std::function<Id(Connection&)> work) {
    if (writing_store_ == uid_) return write(work);  // inside batch(): part of that transaction
    Pending me;
    me.work = std::move(work);
    std::unique_lock lock(group_mutex_);
    group_queue_.push_back(&me);
    while (!me.done) {
      if (group_leader_) {
        group_done_.wait(lock);
        continue;
      }
      group_leader_ = true;
      lock.unlock();
      std::vector<Pending*> batch;
      {
        std::lock_guard writer(writer_mutex_);
        {
          std::lock_guard queue(group_mutex_);
          batch.swap(group_queue_);
        }
        run_group(batch);
      }
      lock.lock();
      for (Pending* p : batch) p->done = true;
      group_leader_ = false;
      group_done_.notify_all();
    }
    if (me.error) std::rethrow_exception(me.error);
    return me.result;
  }

  // Runs under writer_mutex_.
  void run_group(const std::vector<Pending*>& batch) {
    try {
      writer_->exec("BEGIN IMMEDIATE");
    } catch (...) {
      for (Pending* p : batch) p->error = std::current_exception();
      return;
    }
    for (Pending* p : batch) {
      writer_->exec("SAVEPOINT grouped");
      try {
        p->result = p->work(*writer_);
        writer_->exec("RELEASE grouped");
      } catch (...) {
        p->error = std::current_exception();
        writer_->exec("ROLLBACK TO grouped");
        writer_->exec("RELEASE grouped");
      }
    }
    try {
      flush_changes();
      writer_->exec("COMMIT");
      ++stats_.transactions;
      stats_.grouped_writes += batch.size();
    } catch (...) {
      pending_changes_.clear();
      auto error = std::current_exception();
      try {
        writer_->exec("ROLLBACK");
      } catch (...) {
      }
      for (Pending* p : batch)
        if (!p->error) p->error = error;
    }
  }

  // Writer lookups go through the writer connection so that they see what an open
  // batch() has written so far.
  std::optional<Id> lookup_id(std::string_view query, std::string_view key) {
    std::lock_guard lock(writer_mutex_);
    auto s = writer_->prepare(query);
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.int64(0);
  }



  static inline std::atomic<std::uint64_t> next_uid_{1};
  std::string path_;
  std::uint64_t uid_;
  const content::Clock& clock_;
  std::recursive_mutex writer_mutex_;  // recursive: batch() nests writes
  std::unique_ptr<Connection> writer_;
  int depth_ = 0;
  WriteStats stats_;
  std::set<Change> pending_changes_;  // of the open write transaction
  std::uint64_t flushes_ = 0;
  // The store whose write transaction the calling thread is inside (0: none).
  static inline thread_local std::uint64_t writing_store_ = 0;
  std::mutex group_mutex_;
  std::condition_variable group_done_;
  std::vector<Pending*> group_queue_;
  bool group_leader_ = false;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::unique_ptr<AccountStore> accounts_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, SqliteOptions options) {
  return std::make_unique<SqliteStore>(path, options);
}

}  // namespace khabar::store
