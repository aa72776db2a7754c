#include "store/sqlite/transaction.h"

#include <mutex>

#include "store/sqlite/article_rows.h"
#include "store/sqlite/categories.h"
#include "store/sqlite/desk.h"
#include "store/sqlite/imports.h"
#include "store/sqlite/media.h"
#include "store/sqlite/related.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/search.h"
#include "store/sqlite/sitemaps.h"

namespace khabar::store::sqlite {
namespace {

using content::CommentStatus;
using content::Timestamp;

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(Writer& writer, AccountStore& accounts)
      : w_(writer), db_(writer.db()), accounts_(accounts), lock_(writer.mutex()) {
    if (w_.in_transaction())
      throw StoreError(Code::Invalid, "a transaction is already open on this thread");
    w_.begin();
    open_ = true;
  }

  ~SqliteTransaction() override {
    if (open_) w_.rollback();
  }

  Status commit() override {
    if (!open_) return Status::invalid("the transaction has ended");
    open_ = false;
    Status status;
    try {
      w_.commit();
    } catch (const StoreError& e) {
      w_.rollback();
      status = {e.code, e.what()};
    }
    lock_.unlock();  // over: the next writer may begin
    return status;
  }

  Status rollback() override {
    if (!open_) return Status::invalid("the transaction has ended");
    open_ = false;
    w_.rollback();
    lock_.unlock();
    return {};
  }

  // --- lookups (the writer's connection: they see this transaction's writes) ---

  std::optional<Id> user_id_by_login(std::string_view login) override {
    return lookup("SELECT id FROM users WHERE login = ?1", login);
  }
  std::optional<Id> user_id_by_slug(std::string_view slug) override {
    return lookup("SELECT id FROM users WHERE slug = ?1", slug);
  }
  std::optional<Id> article_id_by_slug(std::string_view slug) override {
    return lookup("SELECT id FROM articles WHERE slug = ?1", slug);
  }
  std::optional<Id> category_id_by_path(std::string_view path) override {
    return lookup("SELECT id FROM categories WHERE path = ?1", path);
  }
  std::optional<Id> tag_id_by_slug(std::string_view slug) override {
    return lookup("SELECT id FROM tags WHERE slug = ?1", slug);
  }
  std::optional<Id> tag_id_by_name(std::string_view name) override {
    return lookup("SELECT id FROM tags WHERE name = ?1 ORDER BY id LIMIT 1", name);
  }
  std::optional<Id> media_id_by_file(std::string_view file) override {
    return lookup("SELECT id FROM media WHERE file = ?1", file);
  }
  std::optional<std::string> media_file(Id id) override { return sqlite::media_file(db_, id); }
  Result<int> article_version(Id id) override {
    auto v = db_.prepare("SELECT version FROM articles WHERE id = ?1");
    v.bind(1, id);
    if (!v.step()) return no_article(id);
    return static_cast<int>(v.int64(0));
  }
  std::optional<Id> import_target(std::string_view kind, std::string_view key) override {
    return sqlite::import_target(db_, kind, key);
  }

  // --- writes ---

  Result<Id> add_user(const NewUser& u) override {
    return guarded([&]() -> Result<Id> {
      db_.prepare(
             "INSERT INTO users (login, email, display_name, slug, bio, role, created_at) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .bind(1, u.login)
          .bind(2, u.email)
          .bind(3, u.display_name)
          .bind(4, u.slug)
          .bind(5, u.bio)
          .bind(6, u.role)
          .bind(7, w_.clock().now())
          .run();
      return db_.last_insert_id();
    });
  }

  Result<Id> add_category(const NewCategory& c) override {
    return guarded([&]() -> Result<Id> {
      std::string path = c.slug;
      if (c.parent_id) {
        auto p = db_.prepare("SELECT path FROM categories WHERE id = ?1");
        p.bind(1, c.parent_id);
        if (!p.step())
          return Status::not_found("no parent category " + std::to_string(c.parent_id));
        path = p.text(0) + "/" + c.slug;
      }
      db_.prepare(
             "INSERT INTO categories (parent_id, slug, path, name, description, position) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .bind_optional_id(1, c.parent_id)
          .bind(2, c.slug)
          .bind(3, path)
          .bind(4, c.name)
          .bind(5, c.description)
          .bind(6, static_cast<std::int64_t>(c.position))
          .run();
      w_.note({ChangeKind::Categories});
      return db_.last_insert_id();
    });
  }

  Result<Id> add_tag(std::string_view name, std::string_view slug) override {
    return guarded([&]() -> Result<Id> {
      db_.prepare("INSERT INTO tags (slug, name) VALUES (?1, ?2)")
          .bind(1, slug)
          .bind(2, name)
          .run();
      return db_.last_insert_id();
    });
  }

  Result<Id> add_article(const NewArticle& a) override {
    return guarded([&]() -> Result<Id> { return insert_article(a); });
  }

  Status update_article(Id id, const NewArticle& a) override {
    return guarded([&] { return replace_article(id, a); });
  }

  Result<SaveOutcome> save_article(Id id, const NewArticle& a, int expected_version, Id user_id,
                                   Timestamp now) override {
    return guarded([&]() -> Result<SaveOutcome> {
      SaveOutcome out;
      if (id) {
        auto version = article_version(id);
        if (!version) return version.status();
        if (*version != expected_version)
          return Status::conflict("article " + std::to_string(id) + " was saved by someone else");
        if (Status s = replace_article(id, a); !s) return s;
        out = {id, expected_version + 1};
      } else {
        out = {insert_article(a), 1};
      }
      db_.prepare("UPDATE articles SET version = ?2 WHERE id = ?1")
          .bind(1, out.id)
          .bind(2, out.version)
          .run();
      sqlite::add_revision(db_, out.id, out.version, user_id, now, a);
      refresh_related(db_, out.id);
      return out;
    });
  }

  Status set_article_status(Id id, content::Status status, Timestamp now, Timestamp published_at,
                            std::optional<content::Status> from) override {
    return guarded([&]() -> Status {
      if (Status s = still(id, from); !s) return s;
      w_.note_article_as_stored(id);
      db_.prepare(
             "UPDATE articles SET status = ?2, updated_at = ?3, published_at = CASE "
             "WHEN ?4 > 0 THEN ?4 ELSE published_at END WHERE id = ?1")
          .bind(1, id)
          .bind(2, content::to_string(status))
          .bind(3, now)
          .bind(4, published_at)
          .run();
      if (!changed()) return no_article(id);
      refresh_derived_rows(db_, id);
      refresh_related(db_, id);
      return {};
    });
  }

  Status schedule_article(Id id, Timestamp at, Timestamp now,
                          std::optional<content::Status> from) override {
    return guarded([&]() -> Status {
      if (Status s = still(id, from); !s) return s;
      w_.note_article_as_stored(id);
      db_.prepare(
             "UPDATE articles SET status = 'scheduled', published_at = ?2, updated_at = ?3 "
             "WHERE id = ?1")
          .bind(1, id)
          .bind(2, at)
          .bind(3, now)
          .run();
      if (!changed()) return no_article(id);
      refresh_derived_rows(db_, id);
      return {};
    });
  }

  std::vector<Id> publish_due(Timestamp now) override {
    std::vector<Id> due;
    {
      auto s =
          db_.prepare("SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= ?1");
      s.bind(1, now);
      while (s.step()) due.push_back(s.int64(0));
    }
    for (Id id : due) {
      w_.note_article_as_stored(id);
      db_.prepare("UPDATE articles SET status = 'published' WHERE id = ?1").bind(1, id).run();
      refresh_derived_rows(db_, id);
      refresh_related(db_, id);
    }
    return due;
  }

  Status add_correction(Id article_id, std::string_view text, Id user_id, Timestamp at) override {
    return guarded([&]() -> Status {
      w_.note_article_as_stored(article_id);
      db_.prepare("UPDATE articles SET updated_at = max(updated_at, ?2) WHERE id = ?1")
          .bind(1, article_id)
          .bind(2, at)
          .run();
      if (!changed()) return no_article(article_id);
      db_.prepare(
             "INSERT INTO corrections (article_id, version, user_id, noted_at, text) "
             "SELECT id, version, ?2, ?3, ?4 FROM articles WHERE id = ?1")
          .bind(1, article_id)
          .bind_optional_id(2, user_id)
          .bind(3, at)
          .bind(4, text)
          .run();
      return {};
    });
  }

  Status delete_article(Id id) override {
    return guarded([&]() -> Status {
      w_.note_article_as_stored(id);
      if (!sqlite::delete_article(db_, id)) return no_article(id);
      return {};
    });
  }

  Status rename_category(Id id, std::string_view name) override {
    return guarded([&]() -> Status {
      db_.prepare("UPDATE categories SET name = ?2 WHERE id = ?1").bind(1, id).bind(2, name).run();
      if (!changed()) return no_category(id);
      w_.note({ChangeKind::Categories});
      return {};
    });
  }

  Result<PathMoves> update_category(Id id, const NewCategory& c) override {
    return guarded([&]() -> Result<PathMoves> {
      db_.prepare(
             "UPDATE categories SET parent_id = ?2, slug = ?3, name = ?4, description = ?5, "
             "position = ?6 WHERE id = ?1")
          .bind(1, id)
          .bind_optional_id(2, c.parent_id)
          .bind(3, c.slug)
          .bind(4, c.name)
          .bind(5, c.description)
          .bind(6, static_cast<std::int64_t>(c.position))
          .run();
      if (!changed()) return no_category(id);
      w_.note({ChangeKind::Categories});
      return w_.rewrite_paths();
    });
  }

  Result<PathMoves> delete_category(Id id, Id move_to) override {
    return guarded([&]() -> Result<PathMoves> {
      auto moved = articles_in(db_, id);
      for (Id article : moved) w_.note_article_as_stored(article);
      if (!remove_category(db_, id, move_to)) return no_category(id);
      w_.note({ChangeKind::Categories});
      w_.note({ChangeKind::CategoryListing, id});
      if (move_to) w_.note({ChangeKind::CategoryListing, move_to});
      auto paths = w_.rewrite_paths();
      for (Id article : moved) {
        refresh_listings(db_, article);
        refresh_search_docs(db_, article);
      }
      return paths;
    });
  }

  Status update_tag(Id id, std::string_view name, std::string_view slug) override {
    return guarded([&]() -> Status {
      if (!lookup("SELECT 1 FROM tags WHERE id = ?1", id)) return no_tag(id);
      if (!sqlite::update_tag(db_, id, name, slug))
        return Status::conflict("another tag has the slug " + std::string(slug));
      w_.note_tag_articles(id);
      refresh_search_of_tag(db_, id);
      return {};
    });
  }

  Status delete_tag(Id id) override {
    return guarded([&]() -> Status {
      w_.note_tag_articles(id);
      refresh_search_of_tag(db_, id, true);
      if (!sqlite::delete_tag(db_, id)) return no_tag(id);
      return {};
    });
  }

  Result<Id> add_comment(const NewComment& c) override {
    return guarded([&]() -> Result<Id> { return w_.insert_comment(c); });
  }

  std::vector<Id> set_comment_status(const std::vector<Id>& ids, CommentStatus status) override {
    std::vector<Id> done;
    for (Id id : ids) {
      w_.note_comment_article(id);
      db_.prepare("UPDATE comments SET status = ?2 WHERE id = ?1")
          .bind(1, id)
          .bind(2, content::to_string(status))
          .run();
      if (changed()) done.push_back(id);
    }
    return done;
  }

  std::vector<Id> delete_comments(const std::vector<Id>& ids) override {
    std::vector<Id> done;
    for (Id id : ids) {
      w_.note_comment_article(id);
      db_.prepare("DELETE FROM comments WHERE id = ?1").bind(1, id).run();
      if (changed()) done.push_back(id);
    }
    return done;
  }

  Result<Id> add_media(const NewMedia& m) override {
    return guarded([&]() -> Result<Id> { return sqlite::add_media(db_, m, w_.clock().now()); });
  }

  Status set_media_crops(Id id, const std::vector<content::MediaFile>& crops) override {
    return guarded([&]() -> Status {
      if (!sqlite::media_file(db_, id)) return no_media(id);
      sqlite::add_media_crops(db_, id, crops);
      for (Id article : articles_using_media(db_, id)) w_.note({ChangeKind::Article, article});
      return {};
    });
  }

  Status update_media_text(Id id, std::string_view alt, std::string_view caption,
                           std::string_view credit) override {
    return guarded([&]() -> Status {
      if (!sqlite::update_media_text(db_, id, alt, caption, credit)) return no_media(id);
      for (Id article : articles_using_media(db_, id)) w_.note({ChangeKind::Article, article});
      return {};
    });
  }

  Result<content::Media> delete_media(Id id) override {
    return guarded([&]() -> Result<content::Media> {
      for (Id article : articles_using_media(db_, id)) {
        w_.note({ChangeKind::Article, article});
        touch_sitemap_month(db_, article);  // its pictures there
      }
      auto media = sqlite::delete_media(db_, id);
      if (!media) return no_media(id);
      return std::move(*media);
    });
  }

  void set_setting(std::string_view key, std::string_view value) override {
    db_.prepare(
           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
    w_.note({ChangeKind::Settings});
  }

  void set_banner(const std::optional<content::Banner>& b) override {
    if (!b) {
      db_.prepare("DELETE FROM banner").run();
    } else {
      db_.prepare(
             "INSERT OR REPLACE INTO banner (id, text, url, language, until, set_by, set_at) "
             "VALUES (1, ?1, ?2, ?3, ?4, nullif(?5, 0), ?6)")
          .bind(1, b->text)
          .bind(2, b->url)
          .bind(3, b->language)
          .bind(4, b->until)
          .bind(5, b->set_by)
          .bind(6, b->set_at ? b->set_at : w_.clock().now())
          .run();
    }
    w_.note({ChangeKind::Banner});
  }

  void set_menu(const std::vector<MenuItem>& items) override {
    sqlite::set_menu(db_, items);
    w_.note({ChangeKind::Settings});
  }

  void set_import_target(std::string_view kind, std::string_view key, Id target) override {
    sqlite::set_import_target(db_, kind, key, target);
  }

  void set_autosave(const Autosave& a) override { sqlite::set_autosave(db_, a); }
  void clear_autosave(Id article_id, Id user_id) override {
    db_.prepare("DELETE FROM autosaves WHERE article_id = ?1 AND user_id = ?2")
        .bind(1, article_id)
        .bind(2, user_id)
        .run();
  }

  void add_redirect(std::string_view path, std::string_view target) override {
    sqlite::add_redirect(db_, path, target);
  }

  void rebuild_search_index(const Progress& progress) override {
    sqlite::rebuild_search(db_, progress);
  }

  AccountStore& accounts() override { return accounts_; }

 private:
  // A call that returns an error changes nothing: it runs in a savepoint, released when
  // it succeeds and rolled back when it fails; a broken constraint (a unique name taken,
  // a row referred to that is gone) comes back as Conflict.
  template <class Work>
  auto guarded(Work&& work) -> decltype(work()) {
    db_.exec("SAVEPOINT call");
    try {
      auto result = work();
      db_.exec(result ? "RELEASE call" : "ROLLBACK TO call; RELEASE call");
      return result;
    } catch (const StoreError& e) {
      db_.exec("ROLLBACK TO call; RELEASE call");
      if (e.code == Code::Conflict) return Status::conflict(e.what());
      throw;
    }
  }

  Id insert_article(const NewArticle& a) {
    std::int64_t now = w_.clock().now();
    auto s = db_.prepare(
        "INSERT INTO articles (kind, slug, title, excerpt, body_markdown, status, language, "
        "source_line, category_id, reading_minutes, comments_open, is_lead, created_at, "
        "published_at, updated_at, body_html, featured_image, featured_media_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?17, ?18, ?19)");
    bind_article(s, a);
    s.bind(13, now).bind(15, a.published_at ? a.published_at : now);
    s.run();
    Id id = db_.last_insert_id();
    write_bylines_and_tags(db_, id, a);
    refresh_derived_rows(db_, id);
    w_.note_article(id, a);
    return id;
  }

  Status replace_article(Id id, const NewArticle& a) {
    w_.note_article_as_stored(id);  // the listings it leaves
    auto s = db_.prepare(
        "UPDATE articles SET kind = ?1, slug = ?2, title = ?3, excerpt = ?4, "
        "body_markdown = ?5, status = ?6, language = ?7, source_line = ?8, category_id = ?9, "
        "reading_minutes = ?10, comments_open = ?11, is_lead = ?12, published_at = ?14, "
        "updated_at = ?13, body_html = ?17, featured_image = ?18, featured_media_id = ?19 "
        "WHERE id = ?16");
    bind_article(s, a);
    s.bind(13, w_.clock().now()).bind(16, id);
    s.run();
    if (!changed()) return no_article(id);
    db_.prepare("DELETE FROM article_authors WHERE article_id = ?1").bind(1, id).run();
    db_.prepare("DELETE FROM article_tags WHERE article_id = ?1").bind(1, id).run();
    db_.prepare("DELETE FROM article_categories WHERE article_id = ?1").bind(1, id).run();
    write_bylines_and_tags(db_, id, a);
    refresh_derived_rows(db_, id);
    w_.note_article(id, a);  // the listings it joins
    return {};
  }

  // Ok if there is no expectation or the article still has status `from`.
  Status still(Id id, std::optional<content::Status> from) {
    if (!from) return {};
    auto s = db_.prepare("SELECT status FROM articles WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return no_article(id);
    if (s.text(0) != content::to_string(*from))
      return Status::conflict("article " + std::to_string(id) + " is " + s.text(0) + " now");
    return {};
  }

  // The first column of the first row of `query` with ?1 bound to `key` (text or id).
  template <typename Key>
  std::optional<Id> lookup(std::string_view query, const Key& key) {
    auto s = db_.prepare(query);
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.int64(0);
  }

  bool changed() const { return sqlite3_changes(db_.handle()) > 0; }
  static Status no_article(Id id) { return Status::not_found("no article " + std::to_string(id)); }
  static Status no_category(Id id) {
    return Status::not_found("no category " + std::to_string(id));
  }
  static Status no_tag(Id id) { return Status::not_found("no tag " + std::to_string(id)); }
  static Status no_media(Id id) {
    return Status::not_found("no library item " + std::to_string(id));
  }

  Writer& w_;
  Connection& db_;
  AccountStore& accounts_;
  std::unique_lock<std::recursive_mutex> lock_;
  bool open_ = false;
};

}  // namespace

std::unique_ptr<Transaction> begin_transaction(Writer& writer, AccountStore& accounts) {
  return std::make_unique<SqliteTransaction>(writer, accounts);
}

}  // namespace khabar::store::sqlite
