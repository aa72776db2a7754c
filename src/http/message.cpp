#include "http/message.h"

#include "http/url.h"

namespace khabar::http {

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  for (const auto& [k, v] : parse_query(query))
    if (k == name) return v;
  return std::nullopt;
}

std::string same_site_location(std::string_view location) {
  // Browsers drop tabs and line breaks from URLs and read '\\' as '/': "/\\evil" and
  // "//evil" name another host. Keep one leading slash and no control characters.
  std::string out;
  for (char c : location)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  std::size_t slashes = 0;
  while (slashes < out.size() && (out[slashes] == '/' || out[slashes] == '\\')) ++slashes;
  return "/" + out.substr(slashes);
}

Response Response::redirect(int status, std::string location) {
  location = same_site_location(location);
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "Moved to " + location + "\n";
  r.headers.emplace_back("Location", std::move(location));
  r.cache_control = status == 301 ? "public, max-age=86400" : "no-store";
  return r;
}

Response Response::plain(int status, std::string text) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(text);
  if (!r.body.empty() && r.body.back() != '\n') r.body += '\n';
  r.cache_control = "no-store";
  return r;
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [k, v] : headers)
    if (k == name) {
      v = std::move(value);
      return;
    }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 429:
      return "Too Many Requests";
    case 416:
      return "Range Not Satisfiable";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

}  // namespace khabar::http
