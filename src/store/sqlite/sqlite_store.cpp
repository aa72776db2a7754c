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
#include "store/sqlite/article_rows.h"
#include "store/sqlite/categories.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/desk.h"
#include "store/sqlite/imports.h"
#include "store/sqlite/media.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/related.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/transaction.h"
#include "store/sqlite/writer.h"

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
        clock_(options.clock ? *options.clock : content::system_clock()),
        writer_(open_writer(options), clock_) {
    migrate(writer_.db(), path_);
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
      a.status = content::Status::Published;
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
    auto s =
        reader().prepare("SELECT id, display_name, slug, bio, avatar FROM users WHERE slug = ?1");
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

  std::optional<std::string> redirect(std::string_view path) override {
    return sqlite::redirect(reader(), path);
  }

  // --- the desk ---

  std::int64_t count_articles(content::Status status) override {
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

  std::optional<DeskArticle> desk_article(Id id) override {
    return sqlite::desk_article(reader(), id);
  }
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

  std::unique_ptr<Transaction> begin() override {
    return sqlite::begin_transaction(writer_, *accounts_);
  }

  Result<Id> add_reader_comment(const NewComment& c) override {
    Id id = group_commit([this, c](Connection& db) -> Id {
      // One lookup in comments_same_text. The unary + keeps SQLite from propagating
      // body = ?3 into substr(body, ...), which would no longer match the index (3.40).
      auto same = db.prepare(
          "SELECT 1 FROM comments WHERE article_id = ?1 AND author_email = ?2 "
          "AND substr(body, 1, 100) = substr(?3, 1, 100) AND +body = ?3 AND status <> 'trash' "
          "LIMIT 1");
      same.bind(1, c.article_id).bind(2, c.author_email).bind(3, c.body);
      return same.step() ? 0 : writer_.insert_comment(c);
    });
    if (id == 0) return Status::conflict("the same comment is already there");
    return id;
  }

  std::vector<Id> due_for_publication(Timestamp now) override {
    auto s = reader().prepare(
        "SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= ?1");
    s.bind(1, now);
    std::vector<Id> out;
    while (s.step()) out.push_back(s.int64(0));
    return out;
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

  bool may_have_changed() override {
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

  SqliteWriteStats write_stats() { return writer_.stats(); }

 private:
  // sqlite::Access, for the account store.
  sqlite::Connection& read_connection() override { return reader(); }
  void write_transaction(const std::function<void(Connection&)>& work) override {
    writer_.write([&](Connection& db) {
      work(db);
      return 0;
    });
  }
  void note_change(Change change) override { writer_.note(change); }

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
    if (writer_.held_by_this_thread())
      throw StoreError(Code::Invalid, "a reader's comment cannot join an open transaction");
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
        std::lock_guard writer(writer_.mutex());
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

  // Runs with the writer's mutex held.
  void run_group(const std::vector<Pending*>& batch) {
    Connection& db = writer_.db();
    try {
      writer_.begin();
    } catch (...) {
      for (Pending* p : batch) p->error = std::current_exception();
      return;
    }
    for (Pending* p : batch) {
      db.exec("SAVEPOINT grouped");
      try {
        p->result = p->work(db);
        db.exec("RELEASE grouped");
      } catch (...) {
        p->error = std::current_exception();
        db.exec("ROLLBACK TO grouped; RELEASE grouped");
      }
    }
    try {
      writer_.commit();
      writer_.count_grouped(batch.size());
    } catch (...) {
      auto error = std::current_exception();
      writer_.rollback();
      for (Pending* p : batch)
        if (!p->error) p->error = error;
    }
  }

  // The writer connection, created or opened and migrated.
  std::unique_ptr<Connection> open_writer(const SqliteOptions& options) {
    if (!options.create) {
      // Open read-only first: a missing file is an error, not a new empty site.
      Connection probe(path_, Connection::Mode::ReadOnly);
    }
    auto db = std::make_unique<Connection>(options.create ? create_file() : path_,
                                           Connection::Mode::ReadWrite);
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA cache_size = -65536");  // 64 MiB of pages for the writer
    return db;
  }

  static inline std::atomic<std::uint64_t> next_uid_{1};
  std::string path_;
  std::uint64_t uid_;
  const content::Clock& clock_;
  sqlite::Writer writer_;
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

SqliteWriteStats sqlite_write_stats(Store& store) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  return sqlite ? sqlite->write_stats() : SqliteWriteStats{};
}

}  // namespace khabar::store
