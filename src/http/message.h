// HTTP requests and responses as plain values: what handlers take and return. The
// network layer (server.h) converts to and from the wire; handlers never see sockets.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "HEAD", "POST"...
  int version = 11;    // HTTP/1.1 = 11, HTTP/1.0 = 10
  std::string target;  // as sent: path and query, percent-encoded
  std::string path;    // percent-decoded path (may hold any UTF-8; never NUL)
  std::string query;   // raw query string, without '?'
  Headers headers;     // names in lower case
  std::string body;
  std::string remote_address;

  // The first header with this (lower-case) name, or "".
  std::string_view header(std::string_view name) const;
  // The first query parameter with this name, percent-decoded ('+' as space).
  std::optional<std::string> query_param(std::string_view name) const;
  bool is_get_or_head() const { return method == "GET" || method == "HEAD"; }
};

// A response already serialized for the wire (the page cache's hits): the status line
// and headers of each content coding, made once, without Date, Connection or the blank
// line that ends them; the server adds those and writes the bytes as they are.
// `location` as a path on this site: control characters removed, leading slashes and
// backslashes made one '/'. "//evil.example/x" becomes "/evil.example/x".
std::string same_site_location(std::string_view location);

struct WireForm {
  std::string head;
  std::shared_ptr<const std::string> body;
  // Pages with a part made anew for every response (see Splice): after `body` come the
  // bytes fill() makes for this response (`middle`, then `tail`, then `end`).
  std::shared_ptr<const std::string> tail;
  std::function<void(std::string& middle, std::string& end)> fill;
};

// A part of a cacheable body made anew for every response, even from the cache: `length`
// bytes at `at` (the comment form's token, which carries the time it was served). fresh()
// returns the new bytes; one of another length is not used (the rendered bytes stay).
struct Splice {
  std::size_t at = 0, length = 0;
  std::function<std::string()> fresh;
  std::string fresh_or(std::string_view rendered) const {
    std::string s = fresh();
    return s.size() == length ? s : std::string(rendered);
  }
};
struct WireResponse {
  std::shared_ptr<const WireForm> gzip, brotli;
  std::shared_ptr<const WireForm> identity;  // made when a client first asks for it
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string cache_control;  // empty: "no-cache" for 2xx HTML, nothing otherwise
  Headers headers;            // extra headers (Location, Content-Security-Policy...)
  std::string body;
  // gzip / brotli forms of `body` made ahead of time (static assets, cached pages); sent
  // when the client accepts them (brotli first).
  std::shared_ptr<const std::string> gzip_body;
  std::shared_ptr<const Splice> splice;  // set by pages with a per-response part
  std::shared_ptr<const std::string> brotli_body;

  // For the page cache: whether this response is the same for every reader who asks
  // (no personal content), and what it shows (tags that, when invalidated, drop it).
  bool cacheable = false;
  std::vector<std::string> cache_tags;
  // How long the cache may keep it when what it shows changes with time alone (the news
  // sitemap's 48 hours); zero: the cache's own limit.
  std::chrono::seconds cache_lifetime{0};

  // Set by the page cache on hits: the server may send one of these forms as they are
  // (when the client takes that coding and asks no If-None-Match) instead of the above.
  std::shared_ptr<const WireResponse> wire;

  // Location is always a path on this site: whatever `location` holds, it is sent with
  // one leading slash and no control characters (see same_site_location).
  static Response redirect(int status, std::string location);
  static Response plain(int status, std::string text);
  void set_header(std::string name, std::string value);
};

using Handler = std::function<Response(const Request&)>;

std::string_view reason_phrase(int status);

}  // namespace khabar::http
