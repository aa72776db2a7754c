// Streaming reader of WordPress exports (WXR 1.0, 1.1, 1.2) with expat: the file is read
// in chunks and each author, category, tag and item (post, page, attachment...) is
// handed to the Handler as soon as it is complete, so memory does not grow with the
// file. Elements are matched by their usual prefixes (wp:, content:, excerpt:, dc:), which
// every WordPress (and WordPress.com) export uses, whatever its namespace URIs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace khabar::importers {

struct WxrAuthor {
  std::int64_t id = 0;
  std::string login, email, display_name, first_name, last_name;
};

struct WxrTerm {  // a category or a tag
  std::int64_t id = 0;
  std::string slug;         // nicename, may be percent-encoded
  std::string parent_slug;  // categories: the parent's nicename, "" at the top
  std::string name;
  std::string description;
};

struct WxrComment {
  std::int64_t id = 0;
  std::int64_t parent = 0;
  std::string author, email, url, ip;
  std::string date, date_gmt;  // "YYYY-MM-DD HH:MM:SS"
  std::string content;
  std::string approved;  // "1", "0", "spam", "trash"
  std::string type;      // "", "comment", "pingback", "trackback"
};

struct WxrItem {
  std::string title, link, guid, creator;
  std::string content, excerpt;
  std::int64_t post_id = 0;
  std::string date, date_gmt;  // "YYYY-MM-DD HH:MM:SS"
  std::string post_name;       // the slug, may be percent-encoded
  std::string status;          // publish, draft, pending, future, private, trash, inherit
  std::int64_t post_parent = 0;
  int menu_order = 0;
  std::string post_type;  // post, page, attachment, nav_menu_item...
  std::string password;
  std::string comment_status;  // "open" or "closed"
  bool sticky = false;
  std::string attachment_url;
  std::vector<std::pair<std::string, std::string>> categories;  // (domain, nicename)
  std::vector<std::string> category_names;                      // same order
  std::vector<std::pair<std::string, std::string>> meta;        // (key, value)
  std::vector<WxrComment> comments;
  int line = 0;  // where the item starts in the file
};

struct WxrSite {
  std::string title, link, description, language, version, base_site_url, base_blog_url;
};

class WxrHandler {
 public:
  virtual ~WxrHandler() = default;
  virtual void site(const WxrSite&) {}
  virtual void author(const WxrAuthor&) {}
  virtual void category(const WxrTerm&) {}
  virtual void tag(const WxrTerm&) {}
  virtual void item(const WxrItem&) {}
  // False: items arrive without post bodies and comment texts (a faster first look).
  virtual bool wants_bodies() const { return true; }
  // Bytes read so far of the file, for progress.
  virtual void progress(std::uint64_t /*bytes*/, std::uint64_t /*total*/) {}
};

struct WxrError {
  std::string message;  // names the line and column when the XML itself is broken
  int line = 0;
  int column = 0;
};

// Reads `file` to the end, calling `handler`. Returns an error when the file cannot be
// read, is not well-formed XML (truncated, invalid UTF-8...), is not a WordPress export,
// or has a WXR version other than 1.0, 1.1, 1.2. Exceptions thrown by the handler
// propagate (the reader stops).
std::optional<WxrError> read_wxr(const std::filesystem::path& file, WxrHandler& handler);

}  // namespace khabar::importers
