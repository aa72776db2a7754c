#include "http/media_files.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

namespace khabar::http {
namespace {

constexpr std::string_view kPrefix = "/media/";

// The media types served, by the extension Khabar gives its files (media/library.h).
std::string_view media_type(std::string_view extension) {
  if (extension == "jpg") return "image/jpeg";
  if (extension == "png") return "image/png";
  if (extension == "webp") return "image/webp";
  if (extension == "gif") return "image/gif";
  if (extension == "mp3") return "audio/mpeg";
  if (extension == "m4a") return "audio/mp4";
  if (extension == "ogg") return "audio/ogg";
  if (extension == "wav") return "audio/wav";
  if (extension == "mp4") return "video/mp4";
  if (extension == "webm") return "video/webm";
  if (extension == "ogv") return "video/ogg";
  return {};
}

// The most one response carries of a file asked for by range: a player asks for what
// it needs next, so that a video is never read whole into memory for one request.
constexpr std::uint64_t kMostOfARange = 4u << 20;

// "bytes=FIRST-LAST", "bytes=FIRST-" or "bytes=-SUFFIX" (one range; RFC 9110 14.1.2) of a
// file of `size` bytes, as [first, last]; nullopt when it is unsatisfiable or several.
std::optional<std::pair<std::uint64_t, std::uint64_t>> byte_range(std::string_view spec,
                                                                  std::uint64_t size) {
  if (!spec.starts_with("bytes=") || size == 0) return std::nullopt;
  spec.remove_prefix(6);
  std::size_t dash = spec.find('-');
  if (dash == std::string_view::npos || spec.find(',') != std::string_view::npos)
    return std::nullopt;
  auto number = [](std::string_view d) -> std::optional<std::uint64_t> {
    if (d.empty() || d.size() > 18 || d.find_first_not_of("0123456789") != std::string_view::npos)
      return std::nullopt;
    return std::stoull(std::string(d));
  };
  auto first = number(spec.substr(0, dash));
  auto last = number(spec.substr(dash + 1));
  if (!first) {  // the last SUFFIX bytes
    if (!last || *last == 0) return std::nullopt;
    return std::pair{size - std::min(*last, size), size - 1};
  }
  if (*first >= size || (last && *last < *first)) return std::nullopt;
  return std::pair{*first, std::min(last.value_or(size - 1), size - 1)};
}

bool plain_name(std::string_view segment, bool last) {
  if (segment.empty() || segment.size() > 128) return false;
  int dots = 0;
  for (char c : segment) {
    if (c == '.') {
      ++dots;
      continue;
    }
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return last ? dots == 1 && segment.front() != '.' : dots == 0;
}

}  // namespace

std::optional<Response> MediaFiles::serve(const Request& request) const {
  if (!request.path.starts_with(kPrefix)) return std::nullopt;
  std::string_view rest = std::string_view(request.path).substr(kPrefix.size());
  auto not_found = [] { return Response::plain(404, "No such file."); };
  if (!request.is_get_or_head()) {
    Response r = Response::plain(405, "Media files answer GET and HEAD only.");
    r.set_header("Allow", "GET, HEAD");
    return r;
  }
  // At most two directories deep: avatars/12-ab34.jpg
  std::filesystem::path relative;
  int depth = 0;
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    bool last = slash == std::string_view::npos;
    std::string_view segment = rest.substr(0, slash);
    if (!plain_name(segment, last) || ++depth > 3) return not_found();
    relative /= std::string(segment);
    rest = last ? std::string_view() : rest.substr(slash + 1);
  }
  std::string ext = relative.extension().string();
  std::string_view type = ext.empty() ? std::string_view() : media_type(ext.substr(1));
  if (type.empty()) return not_found();
  std::ifstream in(root_ / relative, std::ios::binary);
  if (!in) return not_found();
  Response r;
  r.content_type = std::string(type);
  r.cache_control = "public, max-age=31536000, immutable";
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Accept-Ranges", "bytes");
  std::string_view asked = request.header("range");
  if (asked.empty()) {
    std::ostringstream body;
    body << in.rdbuf();
    r.body = body.str();
    return r;
  }
  // A player's range request (audio, video): that part only, at most kMostOfARange.
  in.seekg(0, std::ios::end);
  auto size = static_cast<std::uint64_t>(in.tellg());
  auto range = byte_range(asked, size);
  if (!range) {
    Response refused = Response::plain(416, "That range is not in the file.");
    refused.set_header("Content-Range", "bytes */" + std::to_string(size));
    return refused;
  }
  auto [first, last] = *range;
  last = std::min(last, first + kMostOfARange - 1);
  r.status = 206;
  r.body.resize(last - first + 1);
  in.seekg(static_cast<std::streamoff>(first));
  in.read(r.body.data(), static_cast<std::streamsize>(r.body.size()));
  if (static_cast<std::uint64_t>(in.gcount()) != r.body.size()) return not_found();
  r.set_header("Content-Range", "bytes " + std::to_string(first) + "-" + std::to_string(last) +
                                    "/" + std::to_string(size));
  return r;
}

}  // namespace khabar::http
