#include "content/urls.h"

namespace khabar::content {

std::string percent_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string percent_encode_path(std::string_view path) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = path.find('/', start);
    out += percent_encode(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return out;
    out += '/';
    start = slash + 1;
  }
}

std::string article_url(std::string_view slug) { return "/" + percent_encode(slug) + "/"; }

std::string category_url(std::string_view path) {
  std::string out = "/category/";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out += percent_encode(path.substr(start, slash - start)) + "/";
    start = slash + 1;
  }
  return out;
}

std::string tag_url(std::string_view slug) { return "/tag/" + percent_encode(slug) + "/"; }

std::string author_url(std::string_view slug) { return "/author/" + percent_encode(slug) + "/"; }

std::string feed_url(std::string_view listing_url) { return std::string(listing_url) + "feed/"; }

std::string paged_url(std::string_view listing_url, int page) {
  if (page <= 1) return std::string(listing_url);
  return std::string(listing_url) + "page/" + std::to_string(page) + "/";
}

}  // namespace khabar::content
