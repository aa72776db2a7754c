#include "content/urls.h"

namespace khabar::content {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out += c;
  }
  return out;
}

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
    out +=
        percent_encode(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
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

std::string atom_feed_url(std::string_view listing_url) { return feed_url(listing_url) + "atom/"; }

std::string paged_url(std::string_view listing_url, int page) {
  if (page <= 1) return std::string(listing_url);
  return std::string(listing_url) + "page/" + std::to_string(page) + "/";
}

}  // namespace khabar::content
