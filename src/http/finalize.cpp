#include "http/finalize.h"

#include <cstdint>
#include <cstring>

#include "http/compression.h"

namespace khabar::http {
namespace {

// Whether the If-None-Match list names `etag` (weak comparison, any coding suffix).
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.find('*') != std::string_view::npos) return true;
  std::string_view base = etag.substr(1, etag.size() - 2);  // without quotes
  std::size_t pos = 0;
  while ((pos = if_none_match.find('"', pos)) != std::string_view::npos) {
    std::size_t end = if_none_match.find('"', pos + 1);
    if (end == std::string_view::npos) break;
    std::string_view tag = if_none_match.substr(pos + 1, end - pos - 1);
    if (tag.ends_with("-gzip")) tag.remove_suffix(5);
    if (tag.ends_with("-br")) tag.remove_suffix(3);
    if (tag == base) return true;
    pos = end + 1;
  }
  return false;
}

bool has_header(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return true;
  return false;
}

}  // namespace

std::string content_hash(std::string_view data) {
  // FNV-1a over 8-byte words (then the tail bytes), with a final avalanche: stable across
  // runs and machines, and fast enough to hash every page.
  std::uint64_t h = 14695981039346656037ull ^ data.size();
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data.data() + i, 8);
    h = (h ^ word) * 1099511628211ull;
    h ^= h >> 29;
  }
  for (; i < data.size(); ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  static constexpr char hex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int k = 15; k >= 0; --k, h >>= 4) out[k] = hex[h & 15];
  return out;
}

std::string serialize_head(const Response& r) {
  std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " +
                     std::string(reason_phrase(r.status)) +
                     "\r\nServer: Khabar\r\nContent-Type: " + r.content_type + "\r\n";
  if (!r.cache_control.empty()) head += "Cache-Control: " + r.cache_control + "\r\n";
  for (const auto& [k, v] : r.headers) head += k + ": " + v + "\r\n";
  head += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  return head;
}

bool takes_wire_forms(const Request& request) {
  return request.method == "GET" && request.version == 11 &&
         request.header("if-none-match").empty();
}

const WireForm* pick_wire_form(const Request& request, const WireResponse& wire) {
  if (!takes_wire_forms(request)) return nullptr;
  std::string_view accept = request.header("accept-encoding");
  if (wire.brotli && accepts_brotli(accept)) return wire.brotli.get();
  if (wire.gzip && accepts_gzip(accept)) return wire.gzip.get();
  if (wire.identity && !accepts_gzip(accept) && !(wire.brotli && accepts_brotli(accept)))
    return wire.identity.get();
  return nullptr;
}

void finalize_response(const Request& request, Response& response) {
  response.set_header("X-Content-Type-Options", "nosniff");
  bool cacheable = response.status == 200 && request.is_get_or_head();
  bool compressible =
      is_compressible(response.content_type) && (response.gzip_body || response.body.size() > 512);
  std::string_view accept = request.header("accept-encoding");
  bool brotli = compressible && response.brotli_body && accepts_brotli(accept);
  bool gzip = compressible && !brotli && accepts_gzip(accept);
  if (compressible) response.set_header("Vary", "Accept-Encoding");
  if (response.cache_control.empty() && response.status == 200 &&
      response.content_type.starts_with("text/html"))
    response.cache_control = "no-cache";

  if (cacheable) {
    std::string etag;
    for (const auto& [k, v] : response.headers)
      if (k == "ETag") etag = v;
    if (etag.empty()) {
      etag = "\"" + content_hash(response.body) + "\"";
      response.headers.emplace_back("ETag", etag);
    }
    if (gzip || brotli) {
      std::string coded = etag.substr(0, etag.size() - 1) + (gzip ? "-gzip\"" : "-br\"");
      response.set_header("ETag", coded);
    }
    std::string_view inm = request.header("if-none-match");
    if (!inm.empty() && etag_matches(inm, etag)) {
      response.status = 304;
      response.body.clear();
      response.gzip_body.reset();
      response.brotli_body.reset();
      return;
    }
  }
  if (brotli) {
    response.body = *response.brotli_body;
    response.headers.emplace_back("Content-Encoding", "br");
  }
  if (gzip && !has_header(response, "Content-Encoding")) {
    // Made per request: favour speed (level 1); cached pages keep their best compression.
    response.body = response.gzip_body ? *response.gzip_body : gzip_compress(response.body, 1);
    response.headers.emplace_back("Content-Encoding", "gzip");
  }
  response.gzip_body.reset();
  response.brotli_body.reset();
}

}  // namespace khabar::http
