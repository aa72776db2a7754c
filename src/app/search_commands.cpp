// khabar search reindex --data DIR, and khabar search QUERY --data DIR: the newsroom's
// own checks of reader search (docs/search.md).
#include <unistd.h>

#include <iostream>

#include "app/cli_support.h"
#include "app/commands.h"
#include "content/dates.h"
#include "newsroom/reader_search.h"
#include "search/query.h"
#include "search/snippet.h"

namespace khabar::app {
namespace {

// A progress line redrawn in place on a terminal, a line per 10 % otherwise.
class ProgressBar {
 public:
  void operator()(std::int64_t done, std::int64_t total) {
    int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
    if (tty_) {
      int filled = percent / 5;
      std::cerr << "\r[" << std::string(filled, '#') << std::string(20 - filled, ' ') << "] "
                << done << "/" << total << " articles" << std::flush;
      if (done == total) std::cerr << "\n";
    } else if (percent >= next_) {
      std::cerr << done << "/" << total << " articles (" << percent << " %)\n";
      next_ = percent + 10;
    }
  }

 private:
  bool tty_ = isatty(STDERR_FILENO) != 0;
  int next_ = 0;
};

std::string plain(const std::vector<search::Piece>& pieces) {
  std::string out;
  for (const auto& p : pieces) out += p.match ? "[" + p.text + "]" : p.text;
  return out;
}

}  // namespace

int run_search_reindex(const std::filesystem::path& data_dir) {
  std::string error;
  auto store = open_site(data_dir, &error);
  if (!store) return fail(error);
  try {
    ProgressBar bar;
    auto tx = store->begin();
    tx->rebuild_search_index([&](std::int64_t done, std::int64_t total) { bar(done, total); });
    if (auto s = tx->commit(); !s) return fail("reindex failed: " + s.message());
  } catch (const std::exception& e) {
    return fail(std::string("reindex failed: ") + e.what());
  }
  std::cout << "Search index rebuilt.\n";
  return 0;
}

int run_search(const std::filesystem::path& data_dir, const std::string& query, int limit) {
  std::string error;
  auto store = open_site(data_dir, &error);
  if (!store) return fail(error);
  store::SearchRequest request;
  request.query = search::parse_query(query);
  request.limit = limit;
  request.facets = false;
  if (request.query.empty()) return fail("the query has no word to look for");
  try {
    auto reads = store->snapshot();
    auto found = newsroom::find(*reads, request);
    std::cout << found.results.total << (found.results.total == 1 ? " result" : " results")
              << (found.loosened ? " (similar spellings)" : "") << "\n";
    if (found.suggestion) std::cout << "Did you mean: " << *found.suggestion << "\n";
    for (const auto& hit : found.results.hits) {
      const auto& a = hit.article;
      std::cout << "\n"
                << plain(search::highlight(a.title, found.searched)) << "\n  /" << a.slug << "/  "
                << content::iso8601(a.published_at) << "  " << a.language << "\n  "
                << plain(search::snippet(hit.text, found.searched, 24).pieces) << "\n";
    }
  } catch (const std::exception& e) {
    return fail(std::string("search failed: ") + e.what());
  }
  return 0;
}

}  // namespace khabar::app
