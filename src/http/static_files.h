// Static assets (a theme's CSS, fonts, icons) held in memory with their gzip forms
// made once at start. Each file is reachable as /static/<name> (short cache) and as a
// fingerprinted /static/<stem>.<hash><ext> (immutable, cached for a year).
// Immutable after construction: thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "http/message.h"

namespace khabar::http {

class StaticFiles {
 public:
  // Loads every regular file under `dir` (files over 8 MiB are skipped with a warning).
  explicit StaticFiles(const std::filesystem::path& dir);

  // The fingerprinted URL of `name` ("style.css"), or "/static/<name>" if unknown.
  std::string url_for(std::string_view name) const;

  // A stylesheet small enough (kInlineStyleLimit) to be put in the page itself: the
  // reader's first paint then waits for no second request (one round trip less on a slow
  // mobile network, where it is most of the wait). `text` is what /static/<name> serves
  // (its url()s fingerprinted); `csp_source` ('sha256-...') lets exactly that text
  // through a Content-Security-Policy's style-src. Null when `name` is unknown, not CSS
  // or larger.
  struct InlineStyle {
    std::string_view text;
    std::string csp_source;
  };
  static constexpr std::size_t kInlineStyleLimit = 24 << 10;
  const InlineStyle* inline_style(std::string_view name) const;

  // The response for a /static/... request, or nothing if `request` is not for a file here.
  std::optional<Response> serve(const Request& request) const;

  std::size_t size() const { return by_name_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::shared_ptr<const std::string> gzip;
    std::shared_ptr<const std::string> brotli;
    std::string etag;
    std::string fingerprinted;                // "style.1a2b3c4d.css"
    std::optional<InlineStyle> inline_style;  // a small stylesheet's
  };
  std::map<std::string, std::shared_ptr<File>, std::less<>> by_name_;
  std::map<std::string, std::shared_ptr<File>, std::less<>> by_fingerprint_;
};

// The MIME type for a file name's extension (application/octet-stream if unknown).
std::string_view mime_type(std::string_view filename);

}  // namespace khabar::http
