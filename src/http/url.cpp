#include "http/url.h"

#include "content/urls.h"

namespace khabar::http {
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(start, amp - start);
    start = amp + 1;
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    auto key = content::percent_decode(pair.substr(0, eq), true);
    auto value =
        content::percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (key && value) out.emplace_back(std::move(*key), std::move(*value));
  }
  return out;
}

std::optional<Target> parse_target(std::string_view target) {
  if (target.empty() || target[0] != '/') return std::nullopt;
  std::size_t q = target.find('?');
  std::string_view raw_path = target.substr(0, q);
  Target t;
  if (q != std::string_view::npos) t.query = std::string(target.substr(q + 1));
  auto path = content::percent_decode(raw_path);
  if (!path) return std::nullopt;
  // No "." or ".." segments: nothing may climb out of a directory or alias another URL.
  std::size_t start = 1;
  while (start <= path->size()) {
    std::size_t slash = path->find('/', start);
    if (slash == std::string::npos) slash = path->size();
    std::string_view segment(path->data() + start, slash - start);
    if (segment == "." || segment == "..") return std::nullopt;
    start = slash + 1;
  }
  t.path = std::move(*path);
  return t;
}

}  // namespace khabar::http
