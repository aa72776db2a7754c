// `khabar import wordpress`: a WordPress export into a Khabar site, in one transaction
// (a broken file leaves the site as it was), idempotent (items are keyed by their
// WordPress ids: importing again updates them), with old links kept as 301 redirects.
// docs/wxr.md describes the mapping.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "importers/wxr_reader.h"
#include "store/store.h"

namespace khabar::importers {

struct ImportOptions {
  std::filesystem::path file;
  bool dry_run = false;  // do everything, then roll back
  // A copy of wp-content/uploads: attachments found there are copied into the media
  // library (`media_dir`), metadata stripped, and articles point to the copies.
  std::filesystem::path uploads;
  // The old site's address (or a copy of its uploads folder, a URL ending in "/uploads"):
  // attachments not in `uploads` are fetched from it over HTTP(S), each retried, into a
  // temporary folder next to `media_dir` (removed afterwards: the originals there still
  // carry their metadata), then copied as from `uploads`.
  std::string fetch_media;
  std::function<void(std::size_t done, std::size_t total, std::size_t failed)> fetch_progress;
  std::filesystem::path media_dir;
  // Keyed hash of a commenter's IP address (the site secret's); addresses are not stored.
  // Called now and then: bytes read, file size, items done (both passes).
  std::function<void(std::uint64_t bytes, std::uint64_t total, std::uint64_t items)> progress;
};

struct Tally {
  std::int64_t imported = 0;
  std::int64_t updated = 0;
  std::int64_t skipped = 0;
  std::map<std::string, std::int64_t> skip_reasons;  // reason -> count
  void skip(const std::string& reason) { ++skipped, ++skip_reasons[reason]; }
  std::int64_t total() const { return imported + updated + skipped; }
};

struct ImportSummary {
  Tally posts, pages, categories, tags, authors, comments, attachments, other_items;
  std::vector<std::string> password_protected;  // "title (WordPress id N)": now drafts
  std::vector<std::string> notes;               // anything else worth reading
  std::map<std::string, int> unknown_shortcodes;
  std::int64_t redirects = 0;
  std::int64_t media_copied = 0;   // --uploads: files copied into the media library
  std::int64_t media_fetched = 0;  // --fetch-media: files fetched (then copied)
  std::int64_t media_not_fetched = 0;
  std::vector<std::string> invited;  // logins of the authors created (disabled until invited)
};

// Imports `options.file` into `store`. Returns the summary, or the reader's error (line
// and column for broken XML); nothing is written when it fails. Throws StoreError only
// for failures of the database itself (then too nothing is written).
std::variant<ImportSummary, WxrError> import_wordpress(store::Store& store,
                                                       const ImportOptions& options);

}  // namespace khabar::importers
