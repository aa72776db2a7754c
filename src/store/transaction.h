// A write transaction: every write of the store, and every lookup a writer needs, as one
// unit that commits or rolls back as a whole (in the spirit of Chromium's sql::Transaction).
//
//   auto tx = store.begin();
//   auto id = tx->add_tag("Kabul", "kabul");
//   if (!id) return id.status();          // Conflict: the slug is taken
//   return tx->commit();                  // Unavailable when the disk is full, ...
//
// - It sees its own writes: every lookup here reads what this transaction wrote so far.
//   Readers (Store's reads) see none of it until commit() returns ok.
// - It ends with commit() or rollback(), each returning a Status. Dropped without either,
//   it rolls back (an exception thrown through it loses nothing that was stored before).
// - Writes are serialised: while one transaction is open, another begin() waits for it (a
//   backend may instead fail the later commit with Conflict; SQLite waits). Keep one short.
// - It belongs to the thread that began it, and cannot be nested.
// - A failure of the database inside a call throws StoreError; the transaction is then
//   rolled back when dropped. Expected outcomes are values: NotFound, Conflict.
// - Each commit that changed what readers see writes one row of the change log with its
//   data (store/change.h).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/model.h"
#include "store/accounts.h"
#include "store/records.h"
#include "store/status.h"

namespace khabar::store {

class Transaction {
 public:
  virtual ~Transaction() = default;

  // Makes every write of this transaction durable and visible, with its change-log row.
  // After it (ok or not) the transaction is over.
  virtual Status commit() = 0;
  // Forgets every write of this transaction (also what dropping it does).
  virtual Status rollback() = 0;

  // --- Lookups (any status; they see this transaction's writes) ---
  virtual std::optional<Id> user_id_by_login(std::string_view login) = 0;
  virtual std::optional<Id> user_id_by_slug(std::string_view slug) = 0;  // public slug
  virtual std::optional<Id> article_id_by_slug(std::string_view slug) = 0;
  virtual std::optional<Id> category_id_by_path(std::string_view path) = 0;
  virtual std::optional<Id> tag_id_by_slug(std::string_view slug) = 0;
  virtual std::optional<Id> tag_id_by_name(std::string_view name) = 0;    // exact; the oldest
  virtual std::optional<Id> media_id_by_file(std::string_view file) = 0;  // the original's
  virtual std::optional<std::string> media_file(Id id) = 0;
  // The version the editor's save compares against (NotFound: no such article).
  virtual Result<int> article_version(Id id) = 0;
  // Imports: what an item of another system became (kind "wp:post", key its id there).
  virtual std::optional<Id> import_target(std::string_view kind, std::string_view key) = 0;

  // --- Writes. Conflict: a unique name (login, slug, path, file) is taken. ---
  virtual Result<Id> add_user(const NewUser& u) = 0;
  virtual Result<Id> add_category(const NewCategory& c) = 0;  // path derived from the parent
  virtual Result<Id> add_tag(std::string_view name, std::string_view slug) = 0;
  virtual Result<Id> add_article(const NewArticle& a) = 0;
  // Replaces an article's fields, authors and tags.
  virtual Status update_article(Id id, const NewArticle& a) = 0;
  // The editor's save: creates (id 0) or updates an article if its version is still
  // `expected_version` (Conflict otherwise: someone else saved since, nothing changes),
  // bumps the version and keeps a revision by `user_id`.
  virtual Result<SaveOutcome> save_article(Id id, const NewArticle& a, int expected_version,
                                           Id user_id, content::Timestamp now) = 0;
  // Moves an article to `status` (updated at `now`); `published_at`, when not 0, becomes
  // its publication time (content::publication_time decides it). With `from`, only if
  // the article still has that status: Conflict otherwise (someone moved it meanwhile,
  // after the caller checked the move applies), and nothing changes.
  virtual Status set_article_status(Id id, content::Status status, content::Timestamp now,
                                    content::Timestamp published_at,
                                    std::optional<content::Status> from = std::nullopt) = 0;
  // Schedules an article to be published at `at` (status scheduled, published_at = at);
  // `from` as above.
  virtual Status schedule_article(Id id, content::Timestamp at, content::Timestamp now,
                                  std::optional<content::Status> from = std::nullopt) = 0;
  // Publishes every scheduled article whose time (published_at) is at or before `now`;
  // returns their ids.
  virtual std::vector<Id> publish_due(content::Timestamp now) = 0;
  // Adds a dated correction note to an article, shown to readers under its text
  // (content::Article::corrections) and kept with the article's current version: the
  // revision of the save it comes with shows it. The article counts as updated at `at`.
  // NotFound: no such article.
  virtual Status add_correction(Id article_id, std::string_view text, Id user_id,
                                content::Timestamp at) = 0;
  // Deletes an article or page for good, with its comments, revisions and corrections.
  virtual Status delete_article(Id id) = 0;

  virtual Status rename_category(Id id, std::string_view name) = 0;
  // Changes a category's name, slug, parent, description and position. The paths of the
  // category and everything below it are rewritten and the listings of their articles
  // refreshed. The caller checks that the parent is not the category or below it.
  // Returns the old path of every category whose path changed (old -> new).
  virtual Result<PathMoves> update_category(Id id, const NewCategory& c) = 0;
  // Deletes a category: its articles move to `move_to` (0: no category), its children to
  // its parent. Returns the moved paths (old -> new) as above.
  virtual Result<PathMoves> delete_category(Id id, Id move_to) = 0;

  // A tag's name and slug (Conflict: another tag has the slug).
  virtual Status update_tag(Id id, std::string_view name, std::string_view slug) = 0;
  virtual Status delete_tag(Id id) = 0;  // articles lose it

  // A comment as it is, at once (imports, the demo, the newsroom). Readers' comments go
  // through Store::add_reader_comment.
  virtual Result<Id> add_comment(const NewComment& c) = 0;
  // Returns the ids that existed (and were changed/deleted).
  virtual std::vector<Id> set_comment_status(const std::vector<Id>& ids,
                                             content::CommentStatus status) = 0;
  virtual std::vector<Id> delete_comments(const std::vector<Id>& ids) = 0;

  virtual Result<Id> add_media(const NewMedia& m) = 0;
  // The crops of an item stored before crops were made (media::save_crops), in
  // media::kCropRatios' order; the articles showing it change (their cards and data).
  virtual Status set_media_crops(Id id, const std::vector<content::MediaFile>& crops) = 0;
  // Alt text, caption and credit.
  virtual Status update_media_text(Id id, std::string_view alt, std::string_view caption,
                                   std::string_view credit) = 0;
  // Removes a library item (articles showing it as featured image lose it); returns it,
  // so that the caller removes its files once this transaction has committed.
  virtual Result<content::Media> delete_media(Id id) = 0;

  virtual void set_setting(std::string_view key, std::string_view value) = 0;
  virtual void set_menu(const std::vector<MenuItem>& items) = 0;  // replaces, in order
  // Puts up the breaking-news banner (replacing any), or takes it down (nullopt). Its own
  // change (ChangeKind::Banner): every reader page drops, nothing else does.
  virtual void set_banner(const std::optional<content::Banner>& banner) = 0;
  // The editor's autosave (replaces that writer's earlier one of the article); cleared
  // when they save it, and with the article when it is deleted.
  virtual void set_autosave(const Autosave& a) = 0;
  virtual void clear_autosave(Id article_id, Id user_id) = 0;
  virtual void set_import_target(std::string_view kind, std::string_view key, Id target) = 0;
  // Old addresses kept working: `path` (decoded, or "?p=ID") answers 301 to `target`.
  virtual void add_redirect(std::string_view path, std::string_view target) = 0;  // replaces

  // Rebuilds the search index from the articles as stored (`khabar search reindex`),
  // calling `progress` now and then with (articles done, articles in all).
  using Progress = std::function<void(std::int64_t done, std::int64_t total)>;
  virtual void rebuild_search_index(const Progress& progress) = 0;

  // Accounts, written as part of this transaction (same contract as Store::accounts()).
  virtual AccountStore& accounts() = 0;
};

}  // namespace khabar::store
