// The records the store reads and writes: what a caller hands to a Transaction, and what
// the desk's reads return beside the content model (content/model.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/model.h"
#include "search/query.h"

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
  Id category_id = 0;                  // the primary category
  std::vector<Id> extra_category_ids;  // listed there too
  std::vector<Id> author_ids;          // first is the primary byline
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

// An approved comment as a comment feed shows it: with the article it is on (no email).
struct FeedComment {
  content::Comment comment;
  std::string article_slug, article_title, article_language;
};

// What the sitemaps list (docs/urls.md). Published articles are grouped by the month of
// their publication in UTC, written 202611.
struct SitemapMonth {
  int month = 0;
  std::int64_t articles = 0;
  content::Timestamp modified_at = 0;  // when its list last changed (a commit's time)
};
struct SitemapArticle {
  Id id = 0;
  std::string slug, title, language;
  content::Timestamp published_at = 0, updated_at = 0;
  // Library files of its pictures (originals, the largest), the featured one first.
  std::vector<std::string> images;
};
// A category, tag or author whose listing has published articles.
enum class ListingKind : char { Category = 'c', Tag = 't', Author = 'u' };
struct SitemapListing {
  Id id = 0;
  std::string slug;                    // tags and authors; a category's path is in the tree
  content::Timestamp modified_at = 0;  // when its listing last changed
};

// Where a page of the moderation list starts or ends: a comment's time and id.
struct CommentCursor {
  content::Timestamp created_at = 0;
  Id id = 0;
};

// Which comments the moderation list shows: those with `status`, newest first; only those
// whose author's name, email or text holds `search` (ignoring ASCII case) if it is set;
// `limit` of them older than `older_than`, or the `limit` just newer than `newer_than`
// (still listed newest first): pages that cost the same however deep they are.
struct ModerationQuery {
  content::CommentStatus status = content::CommentStatus::Pending;
  int limit = 50;
  std::string search;
  std::optional<CommentCursor> older_than = std::nullopt;
  std::optional<CommentCursor> newer_than = std::nullopt;
};

// An old address kept working: `path` (decoded, or "?p=ID") answers 301 to `target`.
struct Redirect {
  std::string path;
  std::string target;
  bool operator==(const Redirect&) const = default;
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
  Id category_id = 0;  // the main category, 0 for none
};

// An article as the editor loads it: every field, any status.
struct EditableArticle {
  Id id = 0;
  int version = 1;
  NewArticle fields;
  std::vector<std::string> tag_names;
  content::Timestamp updated_at = 0;
  std::vector<content::Correction> corrections;  // oldest first
};

struct Revision {
  Id id = 0;
  Id article_id = 0;
  int version = 0;
  Id user_id = 0;
  content::Timestamp created_at = 0;
  std::string title, excerpt, body_markdown;
  std::string body_html;   // an HTML body (content::is_html_body), else empty
  std::string correction;  // the correction note added with this save, if any
};

// The editor's autosave of an article (article_id 0: a new one not saved yet) by one
// writer: what they had typed, kept until they save.
struct Autosave {
  Id article_id = 0;
  Id user_id = 0;
  content::Timestamp saved_at = 0;
  std::string title, body;
  std::string format = "markdown";  // or "html"
};

// What a save did: the article's id and its new version.
struct SaveOutcome {
  Id id = 0;
  int version = 0;
};

// Categories whose path changed: (old path, new path).
using PathMoves = std::vector<std::pair<std::string, std::string>>;

struct DeskFilter {
  std::optional<content::Status> status;
  Id author_id = 0;      // 0: anyone's
  Id category_id = 0;    // 0: any; else primary or extra category (not descendants)
  std::string language;  // "": any
  std::string search;    // a search query (search/query.h) over the whole text; "": any
  Id visible_to = 0;     // not 0: only this user's articles and published ones
  int limit = 50;
  int offset = 0;
};

// A reader's search (docs/search.md): published articles and pages that match `query`.
// The matches a search ranks and counts at most: the newest ones. More than that (a word
// in most of a big archive) and the hits are the best of the newest kSearchRanked, and
// the total and the counts are estimates (SearchResults::estimated), so that no search
// costs more than this many matches do.
inline constexpr std::int64_t kSearchRanked = 20000;

struct SearchRequest {
  search::Query query;
  Id category_id = 0;    // 0: any; else listed there (sub-categories and extra ones count)
  Id author_id = 0;      // 0: anyone's
  std::string language;  // "": any
  content::Timestamp from = 0, to = 0;  // published in [from, to); 0: unbounded
  int limit = 20;
  int offset = 0;
  bool facets = true;                   // count the matches by category and by language
  std::int64_t ranked = kSearchRanked;  // the most matches ranked and counted (search_ranked)
};

struct SearchHit {
  content::ArticleSummary article;
  std::string text;  // the body as the index keeps it (search/plain_text.h), for a snippet
};

struct SearchResults {
  std::vector<SearchHit> hits;  // best first
  std::int64_t total = 0;       // matches in all
  bool estimated = false;       // more than `ranked` matched: total and counts are estimates
  // Matches by primary category (a parent counts its sub-categories' matches; at most 12)
  // and by language, most first, when asked for. An article listed in an extra category
  // is found by that category's filter but counted under its primary one only.
  std::vector<std::pair<Id, std::int64_t>> categories;
  std::vector<std::pair<std::string, std::int64_t>> languages;
};

// An image of the media library (already stripped of metadata and written to disk).
struct NewMedia {
  content::MediaFile original;  // file relative to the media folder: "2024/03/ab12cd34ef56ab78.jpg"
  std::vector<content::MediaFile> variants;
  std::vector<content::MediaFile> crops;  // media::kCropRatios' shapes, in that order
  std::string alt, caption, credit, original_name;
  Id uploaded_by = 0;
};

struct MediaFilter {
  Id uploaded_by = 0;  // 0: anyone's
  std::string search;  // in alt text, caption, credit or file name
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

}  // namespace khabar::store
