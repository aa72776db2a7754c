#include "http/media_files.h"

#include <fstream>
#include <sstream>

namespace khabar::http {
namespace {

constexpr std::string_view kPrefix = "/media/";

std::string_view image_type(std::string_view extension) {
  if (extension == "jpg") return "image/jpeg";
  if (extension == "png") return "image/png";
  if (extension == "webp") return "image/webp";
  if (extension == "gif") return "image/gif";
  return {};
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
  std::string_view type = ext.empty() ? std::string_view() : image_type(ext.substr(1));
  if (type.empty()) return not_found();
  std::ifstream in(root_ / relative, std::ios::binary);
  if (!in) return not_found();
  std::ostringstream body;
  body << in.rdbuf();
  Response r;
  r.content_type = std::string(type);
  r.body = body.str();
  r.cache_control = "public, max-age=31536000, immutable";
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace khabar::http
