#include "store/sqlite/snapshot.h"

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

using namespace khabar::content;

class SqliteSnapshot final : public Snapshot {
 public:
  explicit SqliteSnapshot(Readers::Lease lease) : lease_(std::move(lease)), db_(*lease_) {
    db_.exec("BEGIN");
  }
  // A read transaction ends without a word: nothing was written, and a failure leaves
  // the transaction open, which the pool then ends (readers.cpp).
  ~SqliteSnapshot() override { sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr); }

  std::vector<Category> categories() override {
    auto s = db_.prepare(
        "SELECT id, ifnull(parent_id, 0), slug, path, name, description, position "
        "FROM categories ORDER BY position, name");
    std::vector<Category> out;
    while (s.step())
      out.push_back(Category{s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.text(5),
                             static_cast<int>(s.int64(6))});
    return out;
  }

  std::optional<Article> published_by_slug(std::string_view slug) override {
    Article a;
    {
      auto s = db_.prepare(sql("SELECT ", kSummaryColumns,
                               ", a.body_markdown, a.source_line, a.comments_open, a.is_lead, "
                               "a.body_html, a.featured_image "
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
      if (a.featured_media_id) a.featured_media = sqlite::media(db_, a.featured_media_id);
      a.status = content::Status::Published;
    }
    a.authors = sqlite::authors_of(db_, a.id);
    auto t = db_.prepare(
        "SELECT t.id, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        "WHERE at.article_id = ?1 ORDER BY t.name");
    t.bind(1, a.id);
    while (t.step()) a.tags.push_back(Tag{t.int64(0), t.text(1), t.text(2)});
    a.corrections = sqlite::corrections_of(db_, a.id);
    return a;
  }

  std::vector<ArticleSummary> published_articles(const ListingFilter& f, int limit,
                                                 int offset) override {
    // The offset is taken in the listings index alone; only the page's rows are joined.
    auto s = db_.prepare(sql("SELECT ", kSummaryColumns,
                             " FROM (SELECT article_id, published_at FROM listings "
                             "WHERE listing = ?3 ORDER BY published_at DESC, article_id DESC "
                             "LIMIT ?1 OFFSET ?2) l CROSS JOIN articles a ON a.id = l.article_id "
                             "ORDER BY l.published_at DESC, l.article_id DESC"));
    s.bind(1, static_cast<std::int64_t>(limit))
        .bind(2, static_cast<std::int64_t>(offset))
        .bind(3, listing_key(f));
    std::vector<ArticleSummary> out;
    while (s.step()) read_summary(s, out.emplace_back());
    sqlite::complete_cards(db_, out);
    return out;
  }

  std::int64_t count_published_articles(const ListingFilter& f) override {
    auto s = db_.prepare("SELECT count(*) FROM listings WHERE listing = ?1");
    s.bind(1, listing_key(f));
    s.step();
    return s.int64(0);
  }

  std::vector<ArticleSummary> published_pages() override {
    auto s = db_.prepare(sql("SELECT ", kSummaryColumns,
                             " FROM articles a WHERE a.kind = 'page' AND a.status = 'published' "
                             "ORDER BY a.title"));
    std::vector<ArticleSummary> out;
    while (s.step()) read_summary(s, out.emplace_back());
    return out;
  }

  std::optional<ArticleSummary> lead_article() override {
    auto s = db_.prepare(sql("SELECT ", kSummaryColumns,
                             " FROM articles a WHERE a.is_lead = 1 AND a.status = 'published' "
                             "AND a.kind = 'article' ORDER BY a.published_at DESC LIMIT 1"));
    std::vector<ArticleSummary> out;
    if (s.step()) read_summary(s, out.emplace_back());
    if (out.empty()) return std::nullopt;
    sqlite::complete_cards(db_, out);
    return out.front();
  }

  std::optional<ArticleSummary> related_article(const Article& a) override {
    auto id = sqlite::related_article_id(db_, a);
    if (!id) return std::nullopt;
    std::vector<ArticleSummary> out;
    {
      auto s = db_.prepare(sql("SELECT ", kSummaryColumns, " FROM articles a WHERE a.id = ?1"));
      s.bind(1, *id);
      if (s.step()) read_summary(s, out.emplace_back());
    }
    if (out.empty()) return std::nullopt;
    sqlite::complete_cards(db_, out);
    return out.front();
  }

  std::vector<Comment> approved_comments(Id article_id,
                                         const std::vector<Id>& own_pending) override {
    auto s = db_.prepare(sql(
        "SELECT ", kCommentColumns,
        " FROM comments c WHERE article_id = ?1 AND (status = 'approved' OR (status = 'pending' "
        "AND id IN (SELECT value FROM json_each(?2)))) ORDER BY created_at, id"));
    s.bind(1, article_id).bind(2, json_ids(own_pending));
    std::vector<Comment> out;
    while (s.step()) out.push_back(read_comment(s, 0));
    return out;
  }

  std::vector<FeedComment> latest_comments(Id article_id, int limit) override {
    // One article's along comments_article; the site's along comments_status: either way
    // only the rows shown are read.
    std::string where = article_id ? "c.article_id = ?1 AND c.status = 'approved'"
                                   : "c.status = 'approved' AND ?1 = 0";
    auto s = db_.prepare(sql("SELECT ", kCommentColumns,
                             ", a.slug, a.title, a.language FROM comments c JOIN articles a ON "
                             "a.id = c.article_id WHERE " +
                                 where +
                                 " AND a.status = 'published' ORDER BY c.created_at DESC, c.id "
                                 "DESC LIMIT ?2"));
    s.bind(1, article_id).bind(2, static_cast<std::int64_t>(limit));
    std::vector<FeedComment> out;
    while (s.step())
      out.push_back({read_comment(s, 0), s.text(kCommentColumnCount),
                     s.text(kCommentColumnCount + 1), s.text(kCommentColumnCount + 2)});
    return out;
  }

  std::optional<Comment> comment(Id id) override {
    auto s = db_.prepare(sql("SELECT ", kCommentColumns, " FROM comments c WHERE id = ?1"));
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_comment(s, 0);
  }

  bool has_approved_comment_by(std::string_view email) override {
    auto s = db_.prepare(
        "SELECT 1 FROM comments WHERE author_email = ?1 AND status = 'approved' LIMIT 1");
    s.bind(1, email);
    return s.step();
  }

  std::vector<ModerationItem> comments_for_moderation(const ModerationQuery& q) override {
    // Keyset pages along comments_status (status, created_at DESC, id DESC); a page of
    // newer ones is read upwards and turned round.
    bool upwards = q.newer_than && !q.older_than;
    std::string where = "c.status = ?1";
    if (q.older_than) where += " AND (c.created_at, c.id) < (?3, ?4)";
    if (upwards) where += " AND (c.created_at, c.id) > (?3, ?4)";
    if (!q.search.empty())  // as the media library searches: no pattern characters
      where +=
          " AND instr(lower(c.author_name || ' ' || c.author_email || ' ' || c.body), "
          "lower(?5)) > 0";
    auto s = db_.prepare(sql(
        "SELECT ", kCommentColumns,
        ", c.author_email, a.slug FROM comments c JOIN articles a ON a.id = "
        "c.article_id WHERE " +
            where +
            (upwards ? " ORDER BY c.created_at, c.id" : " ORDER BY c.created_at DESC, c.id DESC") +
            " LIMIT ?2"));
    s.bind(1, to_string(q.status)).bind(2, static_cast<std::int64_t>(q.limit));
    if (const auto& cursor = q.older_than ? q.older_than : q.newer_than)
      s.bind(3, cursor->created_at).bind(4, cursor->id);
    if (!q.search.empty()) s.bind(5, q.search);
    std::vector<ModerationItem> out;
    while (s.step())
      out.push_back(
          {read_comment(s, 0), s.text(kCommentColumnCount), s.text(kCommentColumnCount + 1)});
    if (upwards) std::reverse(out.begin(), out.end());
    return out;
  }

  std::optional<Tag> tag_by_slug(std::string_view slug) override {
    auto s = db_.prepare("SELECT id, slug, name FROM tags WHERE slug = ?1");
    s.bind(1, slug);
    if (!s.step()) return std::nullopt;
    return Tag{s.int64(0), s.text(1), s.text(2)};
  }

  std::optional<Author> author_by_slug(std::string_view slug) override {
    auto s = db_.prepare("SELECT id, display_name, slug, bio, avatar FROM users WHERE slug = ?1");
    s.bind(1, slug);
    if (!s.step()) return std::nullopt;
    return read_author(s, 0);
  }

  std::optional<std::string> setting(std::string_view key) override {
    auto s = db_.prepare("SELECT value FROM settings WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  std::optional<content::Banner> banner() override {
    auto s = db_.prepare(
        "SELECT text, url, language, until, ifnull(set_by, 0), set_at FROM banner WHERE id = 1");
    if (!s.step()) return std::nullopt;
    return content::Banner{s.text(0), s.text(1), s.text(2), s.int64(3), s.int64(4), s.int64(5)};
  }

  SearchResults search(const SearchRequest& request) override {
    return sqlite::search(db_, request);
  }

  std::vector<search::Known> indexed_words_like(std::string_view folded) override {
    return sqlite::indexed_words_like(db_, folded);
  }

  std::int64_t indexed_word_documents(std::string_view folded) override {
    return sqlite::indexed_word_documents(db_, folded);
  }

  std::vector<SitemapMonth> sitemap_months() override { return sqlite::sitemap_months(db_); }
  std::vector<SitemapArticle> sitemap_articles(int month, int limit, int offset) override {
    return sqlite::sitemap_articles(db_, month, limit, offset);
  }
  std::vector<SitemapArticle> sitemap_news(Timestamp since, int limit) override {
    return sqlite::sitemap_news(db_, since, limit);
  }
  std::vector<SitemapListing> sitemap_listings(ListingKind kind) override {
    return sqlite::sitemap_listings(db_, kind);
  }

  std::optional<std::string> redirect(std::string_view path) override {
    return sqlite::redirect(db_, path);
  }

  // --- the desk ---

  std::int64_t count_articles(content::Status status) override {
    auto s = db_.prepare("SELECT count(*) FROM articles WHERE status = ?1");
    s.bind(1, to_string(status));
    s.step();
    return s.int64(0);
  }

  std::int64_t count_comments(CommentStatus status) override {
    auto s = db_.prepare("SELECT count(*) FROM comments WHERE status = ?1");
    s.bind(1, to_string(status));
    s.step();
    return s.int64(0);
  }

  std::optional<DeskArticle> desk_article(Id id) override { return sqlite::desk_article(db_, id); }
  std::vector<DeskArticle> desk_articles(const DeskFilter& f) override {
    return sqlite::desk_articles(db_, f);
  }
  std::optional<EditableArticle> article_for_edit(Id id) override {
    return sqlite::article_for_edit(db_, id);
  }
  std::vector<Revision> revisions(Id article_id) override {
    return sqlite::revisions(db_, article_id);
  }
  std::optional<Revision> revision(Id id) override { return sqlite::revision(db_, id); }
  std::optional<Autosave> autosave(Id article_id, Id user_id) override {
    return sqlite::autosave(db_, article_id, user_id);
  }
  std::vector<DeskTag> desk_tags() override { return sqlite::desk_tags(db_); }
  std::vector<content::Media> media_library(const MediaFilter& f) override {
    return sqlite::media_library(db_, f);
  }
  std::optional<content::Media> media(Id id) override { return sqlite::media(db_, id); }
  std::vector<DeskArticle> media_uses(Id id) override {
    std::vector<DeskArticle> out;
    for (Id article : sqlite::articles_using_media(db_, id))
      if (auto a = sqlite::desk_article(db_, article)) out.push_back(std::move(*a));
    return out;
  }
  std::vector<content::Media> media_by_files(const std::vector<std::string>& files) override {
    return sqlite::media_by_files(db_, files);
  }
  std::vector<MenuItem> menu() override { return sqlite::menu(db_); }

  std::vector<Redirect> redirects() override { return sqlite::redirects(db_); }

  bool publication_due(Timestamp now) override {
    auto s = db_.prepare(
        "SELECT 1 FROM articles WHERE kind IN ('article', 'page') AND status = 'scheduled' "
        "AND published_at <= ?1 LIMIT 1");
    s.bind(1, now);
    return s.step();
  }

 private:
  // The listings key of a filter (migration 0004).
  static std::string listing_key(const ListingFilter& f) {
    if (f.category_id) return "c:" + std::to_string(*f.category_id);
    if (f.tag_id) return "t:" + std::to_string(*f.tag_id);
    if (f.author_id) return "u:" + std::to_string(*f.author_id);
    return "all";
  }

  Readers::Lease lease_;
  Connection& db_;
};

}  // namespace

std::unique_ptr<Snapshot> open_snapshot(Readers::Lease db) {
  return std::make_unique<SqliteSnapshot>(std::move(db));
}

}  // namespace khabar::store::sqlite
