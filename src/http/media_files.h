// The media library's files (pictures, author photos, imported sound and video) served
// from a directory on disk under /media/. Names are made by Khabar and never reused (they
// carry a hash of the content), so responses may be cached for a year. Only plain names
// of image, audio and video files are served: no dot segments, no hidden files, nothing
// but [a-z0-9_-] and one extension. A Range request (a player seeking) gets that part of
// the file (206), at most 4 MB of it. Thread-safe (reads the file for each request).
#pragma once

#include <filesystem>
#include <optional>

#include "http/message.h"

namespace khabar::http {

class MediaFiles {
 public:
  explicit MediaFiles(std::filesystem::path root) : root_(std::move(root)) {}

  // The response for a /media/... request (404 when there is no such file), or nothing
  // if `request` is not for /media/.
  std::optional<Response> serve(const Request& request) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace khabar::http
