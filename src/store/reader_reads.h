// What the reader site reads: published work, its comments, the site's settings and
// navigation, and old addresses. Read through a Snapshot
// (store/snapshot.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"
#include "search/suggest.h"
#include "store/records.h"

namespace khabar::store {

class ReaderReads {
 public:
  virtual ~ReaderReads() = default;

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
  // "Check Also": the article picked by content when this one was saved in the editor or
  // published (Transaction::save_article, set_article_status, publish_due) while that is
  // still published; else same category first, then most shared tags, then newest.
  virtual std::optional<content::ArticleSummary> related_article(const content::Article& a) = 0;
  // Approved comments of an article, oldest first (threads are built by the caller),
  // plus the pending ones among `own_pending` (a reader's own held comments).
  virtual std::vector<content::Comment> approved_comments(
      Id article_id, const std::vector<Id>& own_pending = {}) = 0;
  // The newest `limit` approved comments of published articles, newest first: the site's
  // (article_id 0) or one article's. For the comment feeds.
  virtual std::vector<FeedComment> latest_comments(Id article_id, int limit) = 0;
  // Any comment by id, any status (no email).
  virtual std::optional<content::Comment> comment(Id id) = 0;
  // Whether an approved comment with this email exists (first-time commenter rule).
  virtual bool has_approved_comment_by(std::string_view email) = 0;
  virtual std::optional<content::Tag> tag_by_slug(std::string_view slug) = 0;
  virtual std::optional<content::Author> author_by_slug(std::string_view slug) = 0;
  virtual std::optional<std::string> setting(std::string_view key) = 0;
  // Library items by the file of their original ("2026/11/ab12.jpg"), for the figures of
  // an article's text. Unknown files are left out.
  virtual std::vector<content::Media> media_by_files(const std::vector<std::string>& files) = 0;
  virtual std::vector<MenuItem> menu() = 0;  // in order
  // The banner as last put up, expired or not (Banner::shown_at decides); none if taken down.
  virtual std::optional<content::Banner> banner() = 0;
  // Reader search (docs/search.md): published articles and pages only, best first
  // (headline phrase first, then BM25 with the headline above the standfirst and tags,
  // above the body; newer first among equals).
  virtual SearchResults search(const SearchRequest& request) = 0;
  // The index's words that begin with the first two letters of `folded` (a word folded as
  // the index folds it; people mistype the start of a word least) and are within its
  // spelling tolerance in length, with the number of documents of any status that have
  // each: candidates for "did you mean". A caller shows a candidate only through a search
  // that finds it in published work.
  virtual std::vector<search::Known> indexed_words_like(std::string_view folded) = 0;
  // How many documents (any status) have the folded word: one cheap lookup.
  virtual std::int64_t indexed_word_documents(std::string_view folded) = 0;
  // The sitemaps (docs/urls.md): the months with published articles, oldest first; a
  // month's articles, oldest first, a slice of at most `limit` from `offset`, with their
  // pictures; the articles published since `since`, newest first, at most `limit` (no
  // pictures); the categories, tags or authors with published articles, by id.
  virtual std::vector<SitemapMonth> sitemap_months() = 0;
  virtual std::vector<SitemapArticle> sitemap_articles(int month, int limit, int offset) = 0;
  virtual std::vector<SitemapArticle> sitemap_news(content::Timestamp since, int limit) = 0;
  virtual std::vector<SitemapListing> sitemap_listings(ListingKind kind) = 0;
  // Old addresses kept working: the new path for `path` (a decoded path, or "?p=ID").
  virtual std::optional<std::string> redirect(std::string_view path) = 0;
};

}  // namespace khabar::store
