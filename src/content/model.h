// The domain: what a news site is made of. Plain values, no I/O.
// Times are Unix seconds (UTC). Ids are the store's row ids (0 = none).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::content {

using Id = std::int64_t;
using Timestamp = std::int64_t;

enum class Status { Draft, Pending, Scheduled, Published, Trash };
enum class Kind { Article, Page };
enum class CommentStatus { Pending, Approved, Spam, Trash };

// The largest article or page body Khabar takes, as Markdown or HTML (the editor, an import):
// some hundred times a long feature story, and a bound on what every later step handles.
constexpr std::size_t kMaxBodyBytes = 2u << 20;
// The longest tag name, in bytes (WordPress's limit is 200 characters): the editor, the tags
// screen and the importer all hold to it.
constexpr std::size_t kMaxTagNameBytes = 200;

std::string_view to_string(Status s);
std::optional<Status> parse_status(std::string_view s);
std::string_view to_string(Kind k);
// "page" is a page; anything else an article (the stored and the form spelling alike).
Kind parse_kind(std::string_view s);
std::string_view to_string(CommentStatus s);
std::optional<CommentStatus> parse_comment_status(std::string_view s);

// A public author. The login name is deliberately not part of this type:
// nothing built from an Author can leak it.
struct Author {
  Id id = 0;
  std::string display_name;
  std::string slug;  // public, used in /author/<slug>/
  std::string bio;
  std::string avatar;  // a media file ("avatars/12-ab34.jpg") or "" for none
};

struct Category {
  Id id = 0;
  Id parent_id = 0;  // 0 = top level
  std::string slug;
  std::string path;  // "world/asia": slugs from the root, joined by '/'
  std::string name;
  std::string description;
  int position = 0;
};

struct Tag {
  Id id = 0;
  std::string slug;
  std::string name;
};

// A file of the media library: "2026/11/ab12cd34ef56ab78-640.webp" under media/.
struct MediaFile {
  std::string file;
  std::string mime;
  int width = 0, height = 0;
  std::int64_t bytes = 0;
};

// Whether a library file is a picture (imports also bring sound and video files).
inline bool is_picture(const MediaFile& f) { return f.mime.starts_with("image/"); }

// The breaking-news banner: one line with a link, on every reader page until `until`
// (0: until taken down), in its own language's direction.
struct Banner {
  std::string text;      // one line, plain text
  std::string url;       // a path on the site ("/slug/") or an http(s) address; may be ""
  std::string language;  // "en", "ps"...: the line's lang and dir
  Timestamp until = 0;   // shown while now < until; 0: until taken down
  Id set_by = 0;         // the account that put it up
  Timestamp set_at = 0;
  bool shown_at(Timestamp now) const { return !text.empty() && (until == 0 || now < until); }
};

// An image of the media library with its width variants (WebP and the original format)
// and its fixed-shape crops (16:9, 4:3, 1:1: cards and structured data, never a srcset).
struct Media {
  Id id = 0;
  MediaFile original;
  std::vector<MediaFile> variants;  // by width, then format
  std::vector<MediaFile> crops;     // widest shape first; none in a library older than crops
  std::string alt, caption, credit, original_name;
  Id uploaded_by = 0;
  Timestamp created_at = 0;
};

// What a listing (home, archive, feed, Check Also) shows of an article.
struct ArticleSummary {
  Id id = 0;
  Kind kind = Kind::Article;
  std::string slug;
  std::string title;
  std::string excerpt;
  std::string language;  // BCP 47 code, e.g. "en", "ps"
  Timestamp published_at = 0;
  Timestamp updated_at = 0;
  Id category_id = 0;
  std::vector<Author> authors;  // first is the primary byline
  int reading_minutes = 1;
  // Its featured picture from the library (cards show it; the article page with its
  // caption and credit), by id and, where the read loads it: with its variants on a card,
  // whole (crops too) on the article.
  Id featured_media_id = 0;
  std::optional<Media> featured_media;
};

// A correction note on a published article: dated, shown to readers under its text,
// never taken back (a newsroom's public record of what it got wrong).
struct Correction {
  Timestamp noted_at = 0;
  std::string text;  // plain text
  bool operator==(const Correction&) const = default;
};

struct Article : ArticleSummary {
  std::string body_markdown;
  std::string body_html;       // sanitised HTML (imports, the editor's HTML mode), shown instead
  std::string featured_image;  // URL of the lead picture (featured_media when from the library)
  std::string source_line;     // e.g. "Pajhwok News" (rendered as "— Pajhwok News")
  Status status = Status::Draft;
  bool comments_open = true;
  bool is_lead = false;
  std::vector<Tag> tags;
  std::vector<Correction> corrections;  // oldest first
};

// A body is HTML when it has no Markdown but has HTML: a WordPress import, or a text
// written in the editor's HTML mode. The editor opens it as HTML, revisions keep it.
inline bool is_html_body(std::string_view markdown, std::string_view html) {
  return markdown.empty() && !html.empty();
}

struct Comment {
  Id id = 0;
  Id article_id = 0;
  Id parent_id = 0;  // 0 = top level
  std::string author_name;
  std::string author_url;
  std::string body;  // plain text
  CommentStatus status = CommentStatus::Pending;
  Timestamp created_at = 0;
};

// What to list: all published articles, or those of one category subtree, tag or author.
struct ListingFilter {
  std::optional<Id> category_id = std::nullopt;  // includes descendants
  std::optional<Id> tag_id = std::nullopt;
  std::optional<Id> author_id = std::nullopt;
};

}  // namespace khabar::content
