#include "importers/fetch_media.h"

#include <curl/curl.h>

#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "content/urls.h"

namespace khabar::importers {
namespace {

struct Download {
  std::string bytes;
  std::uint64_t limit = 0;
  bool too_big = false;
};

std::size_t keep(char* data, std::size_t size, std::size_t count, void* user) {
  auto* d = static_cast<Download*>(user);
  std::size_t n = size * count;
  if (d->bytes.size() + n > d->limit) {
    d->too_big = true;
    return 0;  // aborts the transfer
  }
  d->bytes.append(data, n);
  return n;
}

// One attempt; "" when the file was fetched into `d`, else what went wrong, and whether
// trying again may help.
std::string fetch_once(const std::string& url, const FetchOptions& o, Download& d,
                       bool* permanent) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return "libcurl could not start";
  CURL* c = curl.get();
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(o.timeout_s));
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Khabar-import/" KHABAR_VERSION);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &d);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  d.bytes.clear();
  d.limit = o.max_bytes;
  d.too_big = false;
  CURLcode result = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (d.too_big) {
    *permanent = true;
    return "larger than " + std::to_string(o.max_bytes >> 20) + " MB";
  }
  if (result != CURLE_OK) {
    *permanent = false;
    return error[0] ? error : curl_easy_strerror(result);
  }
  if (status != 200) {
    // Not there (404, 410, 403) stays so; a server error or a limit may pass.
    *permanent = status == 404 || status == 410 || status == 403 || status == 401;
    return "HTTP " + std::to_string(status);
  }
  return "";
}

}  // namespace

std::string upload_relative_path(std::string_view path) {
  std::string_view relative = path;
  if (auto at = path.find("/wp-content/uploads/"); at != std::string_view::npos)
    relative = path.substr(at + 20);
  else if (auto files = path.find("/files/"); files != std::string_view::npos)
    relative = path.substr(files + 7);
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  if (relative.empty() || relative.back() == '/' || relative.find("..") != std::string_view::npos ||
      relative.find('\0') != std::string_view::npos)
    return "";
  return std::string(relative);
}

std::string fetch_url(std::string_view base, std::string_view path) {
  std::string b(base);
  while (!b.empty() && b.back() == '/') b.pop_back();
  if (b.ends_with("/uploads"))
    return b + "/" + content::percent_encode_path(upload_relative_path(path));
  return b + content::percent_encode_path(path.starts_with('/') ? path : "/" + std::string(path));
}

FetchReport fetch_media(const std::vector<std::string>& paths, const FetchOptions& o) {
  FetchReport report;
  std::set<std::string> seen;
  std::vector<std::string> wanted;
  for (const auto& p : paths)
    if (!upload_relative_path(p).empty() && seen.insert(upload_relative_path(p)).second)
      wanted.push_back(p);
  std::size_t done = 0;
  Download d;
  for (const auto& path : wanted) {
    std::string relative = upload_relative_path(path);
    std::string url = fetch_url(o.base, path);
    std::string problem;
    auto wait = o.first_wait;
    int attempt = 0;
    for (attempt = 1; attempt <= o.attempts; ++attempt) {
      bool permanent = false;
      problem = fetch_once(url, o, d, &permanent);
      if (problem.empty() || permanent) break;
      if (attempt < o.attempts) {
        std::this_thread::sleep_for(wait);
        wait *= 2;
      }
    }
    if (problem.empty()) {
      auto file = o.dir / relative;
      std::error_code ec;
      std::filesystem::create_directories(file.parent_path(), ec);
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out.write(d.bytes.data(), static_cast<std::streamsize>(d.bytes.size()));
      if (out) {
        ++report.fetched;
      } else {
        ++report.failed;
        report.notes.push_back(path + ": could not be written to " + file.string());
      }
    } else {
      ++report.failed;
      report.notes.push_back(url + ": " + problem + " (" +
                             std::to_string(std::min(attempt, o.attempts)) +
                             (attempt == 1 ? " attempt)" : " attempts)"));
    }
    ++done;
    if (o.progress) o.progress(done, wanted.size(), report.failed);
  }
  return report;
}

}  // namespace khabar::importers
