#include "http/static_files.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

#include "http/compression.h"
#include "http/finalize.h"

namespace khabar::http {

std::string_view mime_type(std::string_view name) {
  std::size_t dot = name.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : name.substr(dot + 1);
  static const std::map<std::string_view, std::string_view> types = {
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"txt", "text/plain; charset=utf-8"},
      {"json", "application/json"},
      {"xml", "application/xml"},
      {"html", "text/html; charset=utf-8"}};
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

namespace {

// A stylesheet's url(/static/<name>) references to files here, by their fingerprinted
// names: a font a stylesheet names is then cached for a year like the stylesheet.
std::string with_fingerprinted_urls(
    std::string css, const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  constexpr std::string_view kOpen = "url(/static/";
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = css.find(kOpen); at != std::string::npos; at = css.find(kOpen, from)) {
    std::size_t name_at = at + kOpen.size();
    std::size_t close = css.find(')', name_at);
    if (close == std::string::npos) break;
    out.append(css, from, name_at - from);
    std::string_view name(css.data() + name_at, close - name_at);
    auto fingerprinted = lookup(name);
    out += fingerprinted ? *fingerprinted : std::string(name);
    from = close;
  }
  out.append(css, from);
  return out;
}

// The SHA-256 of `text` in standard Base64, as a CSP hash source wants it.
std::string sha256_base64(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char out[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(out, sizeof out, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
  return out;
}

}  // namespace

const StaticFiles::InlineStyle* StaticFiles::inline_style(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() || !it->second->inline_style ? nullptr : &*it->second->inline_style;
}

StaticFiles::StaticFiles(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::pair<std::string, std::shared_ptr<File>>> stylesheets;
  // The hash, ETag, compressed forms and fingerprinted name of a loaded file.
  auto finish = [&](const std::string& name, File& file) {
    std::string hash = content_hash(file.body);
    file.etag = "\"" + hash + "\"";
    if (is_compressible(file.content_type)) {
      file.gzip = std::make_shared<const std::string>(gzip_compress(file.body, 9));
      file.brotli = std::make_shared<const std::string>(brotli_compress(file.body, 11));
    }
    std::size_t dot = name.rfind('.');
    std::size_t slash = name.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) dot = name.size();
    file.fingerprinted = name.substr(0, dot) + "." + hash.substr(0, 10) + name.substr(dot);
  };
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    if (it->file_size() > 8u << 20) {
      spdlog::warn("static file {} is over 8 MiB; not served", it->path().string());
      continue;
    }
    std::string name = std::filesystem::relative(it->path(), dir).generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    auto file = std::make_shared<File>();
    file->body = content.str();
    file->content_type = std::string(mime_type(name));
    if (file->content_type.starts_with("text/css")) {  // once the files it names are known
      stylesheets.emplace_back(std::move(name), std::move(file));
      continue;
    }
    finish(name, *file);
    by_fingerprint_[file->fingerprinted] = file;
    by_name_[name] = std::move(file);
  }
  for (auto& [name, file] : stylesheets) {
    file->body = with_fingerprinted_urls(std::move(file->body),
                                         [&](std::string_view other) -> std::optional<std::string> {
                                           auto found = by_name_.find(other);
                                           if (found == by_name_.end()) return std::nullopt;
                                           return found->second->fingerprinted;
                                         });
    finish(name, *file);
    if (file->body.size() <= kInlineStyleLimit)
      file->inline_style = InlineStyle{file->body, "'sha256-" + sha256_base64(file->body) + "'"};
    by_fingerprint_[file->fingerprinted] = file;
    by_name_[name] = std::move(file);
  }
}

std::string StaticFiles::url_for(std::string_view name) const {
  auto it = by_name_.find(name);
  return "/static/" + (it == by_name_.end() ? std::string(name) : it->second->fingerprinted);
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  constexpr std::string_view prefix = "/static/";
  if (!request.path.starts_with(prefix)) return std::nullopt;
  std::string_view name = std::string_view(request.path).substr(prefix.size());
  bool immutable = true;
  auto it = by_fingerprint_.find(name);
  if (it == by_fingerprint_.end()) {
    it = by_name_.find(name);
    immutable = false;
    if (it == by_name_.end()) return std::nullopt;
  }
  if (!request.is_get_or_head()) {
    Response r = Response::plain(405, "Static files answer GET and HEAD only.");
    r.set_header("Allow", "GET, HEAD");
    return r;
  }
  const File& f = *it->second;
  Response r;
  r.content_type = f.content_type;
  r.body = f.body;
  r.gzip_body = f.gzip;
  r.brotli_body = f.brotli;
  r.headers.emplace_back("ETag", f.etag);
  r.cache_control = immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600";
  return r;
}

}  // namespace khabar::http
