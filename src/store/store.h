// The Store: everything Khabar keeps, behind one interface (SQLite now, PostgreSQL later).
//
// Contract for every implementation:
// - Reads return what readers may see unless the name says otherwise ("published" only).
// - Each write method is one transaction; `batch` groups several into one.
// - Thread-safety: all methods may be called from any thread concurrently. Reads never
//   block on writes (SQLite: WAL, a read connection per thread; one writer).
// - Errors: a failure of the database itself throws StoreError with its Code
//   (store/status.h): Unavailable when it cannot answer now (locked past the wait, disk
//   full, I/O error: the reader gets 503 with Retry-After), Corrupt for a damaged file,
//   Conflict for a constraint a caller's bug broke, Invalid otherwise. "Not found" is an
//   empty optional, never an exception.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"
#include "store/accounts.h"
#include "store/change.h"
#include "store/status.h"

namespace khabar::store {

using content::Id;

struct NewUser {
  std::string login;
  std::string email;
  std::string display_name;
  std::string slug;
  std::string bio;
  std::string role = "author";
};

struct NewCategory {
  std::string name;
  std::string slug;
  Id parent_id = 0;
  std::string description;
  int position = 0;
};

struct NewArticle {
  content::Kind kind = content::Kind::Article;
  std::string slug;
  std::string title;
  std::string excerpt;  // the caller makes one when the writer left it empty
  std::string body_markdown;
  std::string body_html;       // sanitised HTML (imports); shown instead of the Markdown
  std::string featured_image;  // URL
  Id featured_media_id = 0;    // from the media library (its URL is in featured_image)
  content::Status status = content::Status::Draft;
  std::string language = "en";
  std::string source_line;
  Id category_id = 0;                // the primary category
  std::vector<Id> extra_category_ids;  // listed there too
  std::vector<Id> author_ids;  // first is the primary byline
  std::vector<Id> tag_ids;
  int reading_minutes = 1;
  bool comments_open = true;
  bool is_lead = false;
  content::Timestamp published_at = 0;  // 0 = not yet
};

struct NewComment {
  Id article_id = 0;
  Id parent_id = 0;
  std::string author_name;
  std::string author_email;
  std::string author_url;
  std::string body;
  content::CommentStatus status = content::CommentStatus::Pending;
  content::Timestamp created_at = 0;
  // Nothing of the client's address is kept: flood control remembers it in memory only
  // (security::FloodGate), block lists match the live address.
  std::string user_agent;  // truncated by the caller
};

// A comment as the newsroom's moderators see it (with the private email).
struct ModerationItem {
  content::Comment comment;
  std::string author_email;
  std::string article_slug;
};

// An article as the newsroom's desk lists it (any status).
struct DeskArticle {
  Id id = 0;
  content::Kind kind = content::Kind::Article;
  std::string slug;
  std::string title;
  content::Status status = content::Status::Draft;
  std::vector<Id> author_ids;  // first is the primary byline
  content::Timestamp updated_at = 0;
  content::Timestamp published_at = 0;
};

// An article as the editor loads it: every field, any status.
struct EditableArticle {
  Id id = 0;
  int version = 1;
  NewArticle fields;
  std::vector<std::string> tag_names;
  content::Timestamp updated_at = 0;
};

struct Revision {
  Id id = 0;
  Id article_id = 0;
  int version = 0;
  Id user_id = 0;
  content::Timestamp created_at = 0;
  std::string title, excerpt, body_markdown;
};

// What a save did: the article's id and new version, or (conflict) nothing, because
// someone else saved since `expected_version`.
struct SaveOutcome {
  Id id = 0;
  int version = 0;
  bool conflict = false;
};

struct DeskFilter {
  std::optional<content::Status> status;
  Id author_id = 0;    // 0: anyone's
  Id category_id = 0;  // 0: any; else primary or extra category (not descendants)
  std::string language;  // "": any
  std::string search;    // words the title contains (case-insensitive for ASCII), "": any
  Id visible_to = 0;     // not 0: only this user's articles and published ones
  int limit = 50;
  int offset = 0;
};

// An image of the media library (already stripped of metadata and written to disk).
struct NewMedia {
  content::MediaFile original;  // file relative to the media folder: "2024/03/ab12cd34ef56ab78.jpg"
  std::vector<content::MediaFile> variants;
  std::string alt, caption, credit, original_name;
  Id uploaded_by = 0;
};

struct MediaFilter {
  Id uploaded_by = 0;   // 0: anyone's
  std::string search;   // in alt text, caption, credit or file name
  int limit = 60;
  int offset = 0;
};

// A tag as the desk manages it.
struct DeskTag {
  content::Tag tag;
  std::int64_t articles = 0;  // of any status
};

// An entry of the header navigation.
struct MenuItem {
  enum class Kind { Category, Page, Link };
  Id id = 0;
  Kind kind = Kind::Link;
  Id target_id = 0;   // category or page
  std::string label;  // '' for a category or page: its own name
  std::string url;    // links
};

struct WriteStats {
  std::uint64_t transactions = 0;    // commits of the writer connection
  std::uint64_t grouped_writes = 0;  // writes that went through group commit
};

class Store {
 public:
  virtual ~Store() = default;

  // --- Reader reads ---
  virtual std::vector<content::Category> categories() = 0;  // all, by position then name
  // An article or page with status published, with authors and tags.
  virtual std::optional<content::Article> published_by_slug(std::string_view slug) = 0;
  // Published articles (not pages), newest first.
  virtual std::vector<content::ArticleSummary> published_articles(
      const content::ListingFilter& filter, int limit, int offset) = 0;
  virtual std::int64_t count_published_articles(const content::ListingFilter& filter) = 0;
  virtual std::vector<content::ArticleSummary> published_pages() = 0;  // by title
  // The newest published article marked as lead story, if any.
  virtual std::optional<content::ArticleSummary> lead_article() = 0;
  // "Check Also": same category first, then most shared tags, then newest.
  virtual std::optional<content::ArticleSummary> related_article(const content::Article& a) = 0;
  // Approved comments of an article, oldest first (threads are built by the caller),
  // plus the pending ones among `own_pending` (a reader's own held comments).
  virtual std::vector<content::Comment> approved_comments(
      Id article_id, const std::vector<Id>& own_pending = {}) = 0;
  // Any comment by id, any status (no email).
  virtual std::optional<content::Comment> comment(Id id) = 0;
  // Whether an approved comment with this email exists (first-time commenter rule).
  virtual bool has_approved_comment_by(std::string_view email) = 0;
  // Comments with `status`, newest first, for moderation.
  virtual std::vector<ModerationItem> comments_for_moderation(content::CommentStatus status,
                                                              int limit) = 0;
  virtual std::optional<content::Tag> tag_by_slug(std::string_view slug) = 0;
  virtual std::optional<content::Author> author_by_slug(std::string_view slug) = 0;
  virtual std::optional<std::string> setting(std::string_view key) = 0;

  // --- The newsroom's desk (any status) ---
  virtual std::int64_t count_articles(content::Status status) = 0;  // articles and pages
  virtual std::int64_t count_comments(content::CommentStatus status) = 0;
  virtual std::optional<DeskArticle> desk_article(Id id) = 0;
  virtual std::vector<DeskArticle> desk_articles(const DeskFilter& filter) = 0;  // newest change first
  virtual std::optional<EditableArticle> article_for_edit(Id id) = 0;
  virtual std::vector<Revision> revisions(Id article_id) = 0;  // newest first
  virtual std::optional<Revision> revision(Id id) = 0;
  virtual std::vector<DeskTag> desk_tags() = 0;  // by name
  virtual std::vector<content::Media> media_library(const MediaFilter& filter) = 0;  // newest first
  virtual std::optional<content::Media> media(Id id) = 0;
  // The articles and pages (any status) that show a library item: as featured image, or
  // its file in their text.
  virtual std::vector<DeskArticle> media_uses(Id id) = 0;

  // --- Reader reads, continued ---
  // Library items by the file of their original ("2026/11/ab12.jpg"), for the figures of
  // an article's text. Unknown files are left out.
  virtual std::vector<content::Media> media_by_files(const std::vector<std::string>& files) = 0;
  virtual std::vector<MenuItem> menu() = 0;  // in order

  // --- Lookups for writers (any status; they see the writes of an open batch) ---
  virtual std::optional<Id> user_id_by_login(std::string_view login) = 0;
  virtual std::optional<Id> article_id_by_slug(std::string_view slug) = 0;
  virtual std::optional<Id> category_id_by_path(std::string_view path) = 0;
  virtual std::optional<Id> tag_id_by_slug(std::string_view slug) = 0;
  virtual std::optional<Id> media_id_by_file(std::string_view file) = 0;  // the original's
  // Imports: what an item of another system became (kind "wp:post", key its id there).
  virtual std::optional<Id> import_target(std::string_view kind, std::string_view key) = 0;

  // Old addresses kept working: the new path for `path` (a decoded path, or "?p=ID").
  virtual std::optional<std::string> redirect(std::string_view path) = 0;

  // --- Writes ---
  virtual Id add_user(const NewUser& u) = 0;
  virtual Id add_category(const NewCategory& c) = 0;  // path derived from the parent
  virtual Id add_tag(std::string_view name, std::string_view slug) = 0;
  virtual Id add_article(const NewArticle& a) = 0;
  // Replaces an article's fields, authors and tags. False if there is no such article.
  virtual bool update_article(Id id, const NewArticle& a) = 0;
  virtual bool rename_category(Id id, std::string_view name) = 0;
  // Changes a category's name, slug, parent, description and position. The paths of the
  // category and everything below it are rewritten and the listings of their articles
  // refreshed. The caller checks that the parent is not the category or below it.
  // Returns the old path of every category whose path changed (old -> new).
  virtual std::vector<std::pair<std::string, std::string>> update_category(Id id,
                                                                           const NewCategory& c) = 0;
  // Deletes a category: its articles move to `move_to` (0: no category), its children to
  // its parent. Returns the moved paths (old -> new) as above; empty if no such category.
  virtual std::vector<std::pair<std::string, std::string>> delete_category(Id id, Id move_to) = 0;
  // Moves an article along the workflow; publishing sets published_at to `now` unless it
  // already has one. False if there is no such article.
  // Moves an article to `status` (updated at `now`); `published_at`, when not 0, becomes
  // its publication time (content::publication_time decides it).
  virtual bool set_article_status(Id id, content::Status status, content::Timestamp now,
                                  content::Timestamp published_at) = 0;
  // Schedules an article to be published at `at` (status scheduled, published_at = at).
  virtual bool schedule_article(Id id, content::Timestamp at, content::Timestamp now) = 0;
  // Publishes every scheduled article whose time (published_at) is at or before `now`;
  // returns their ids. Cheap when none is due (one read, no write).
  virtual std::vector<Id> publish_due(content::Timestamp now) = 0;
  // The editor's save: creates (id 0) or updates an article if its version is still
  // `expected_version` (else nothing changes and `conflict` is set), bumps the version
  // and keeps a revision by `user_id`, in one transaction.
  virtual SaveOutcome save_article(Id id, const NewArticle& a, int expected_version, Id user_id,
                                   content::Timestamp now) = 0;
  // Group commit: comments arriving together share one transaction (one fsync); each
  // call returns only after the transaction holding its comment has committed.
  virtual Id add_comment(const NewComment& c) = 0;
  // A reader's comment, the same way, unless that email already left exactly this text on
  // the article (checked in the transaction that would add it, so two copies sent at once
  // store one): nullopt then, and nothing is written.
  virtual std::optional<Id> add_reader_comment(const NewComment& c) = 0;
  // Returns the ids that existed (and were changed/deleted).
  virtual std::vector<Id> set_comment_status(const std::vector<Id>& ids,
                                             content::CommentStatus status) = 0;
  virtual std::vector<Id> delete_comments(const std::vector<Id>& ids) = 0;
  virtual void set_setting(std::string_view key, std::string_view value) = 0;
  virtual void set_import_target(std::string_view kind, std::string_view key, Id target) = 0;
  virtual void add_redirect(std::string_view path, std::string_view target) = 0;  // replaces
  virtual Id add_media(const NewMedia& m) = 0;
  // Alt text, caption and credit; false if there is no such item.
  virtual bool update_media_text(Id id, std::string_view alt, std::string_view caption,
                                 std::string_view credit) = 0;
  // Removes a library item (articles showing it as featured image lose it); returns it,
  // so that the caller removes its files.
  virtual std::optional<content::Media> delete_media(Id id) = 0;
  // Deletes an article or page for good, with its comments and revisions.
  virtual bool delete_article(Id id) = 0;
  // A tag's name and slug; false if there is no such tag (or the slug is taken: see
  // tag_id_by_slug first).
  virtual bool update_tag(Id id, std::string_view name, std::string_view slug) = 0;
  virtual bool delete_tag(Id id) = 0;  // articles lose it
  virtual void set_menu(const std::vector<MenuItem>& items) = 0;  // replaces, in order
  // The file of a media item (writer's view: sees an open batch).
  virtual std::optional<std::string> media_file(Id id) = 0;
  // Runs `work` (which calls the write methods above) as one transaction: all or nothing.
  // If `work` throws, everything it wrote is rolled back and the exception propagates.
  virtual void batch(const std::function<void()>& work) = 0;
  virtual WriteStats write_stats() = 0;

  // Accounts, sessions and the login throttle (accounts.h), in the same database.
  virtual AccountStore& accounts() = 0;

  // --- Change log: what changed, for the page cache (also across processes) ---
  // Each write transaction that changes what readers see commits, with its data, one row
  // of the changes it made (store/change.h).
  // Whether anything was committed by any connection since this thread last looked
  // (cheap: no query when nothing changed).
  virtual bool changed_since_last_look() = 0;
  // The changes committed after `cursor` (a change id), deduplicated; advances it.
  virtual std::vector<Change> changes_since(std::int64_t& cursor) = 0;
  virtual std::int64_t latest_change() = 0;

  // Runs `work` with every read this thread makes through this store seeing one
  // consistent snapshot (one read transaction: a page never mixes two states, and SQLite
  // takes its locks once instead of per query). Writes are unaffected. Nests.
  virtual void read_snapshot(const std::function<void()>& work) = 0;
};

}  // namespace khabar::store
