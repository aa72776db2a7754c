// Reader search on any text: what a reader types (parse_query, its FTS5 form, typed back,
// loosened) and what an article holds (plain text of HTML, snippets and highlights). No
// input is an error or a crash; the FTS5 form quotes every term (an even number of
// double quotes); a query typed back parses to itself; pieces of a snippet are the text's
// own bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "search/plain_text.h"
#include "search/query.h"
#include "search/snippet.h"
#include "store/sqlite/search_query.h"

using namespace khabar;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first line is the query, the rest the article's text.
  std::size_t newline = input.find('\n');
  std::string_view typed = input.substr(0, newline);
  std::string_view text = newline == std::string_view::npos ? "" : input.substr(newline + 1);

  search::Query q = search::parse_query(typed);
  if (q.terms.size() > search::kMaxQueryTerms) std::abort();
  std::string fts = store::sqlite::fts5_match(q);
  std::size_t quotes = 0;
  for (char c : fts) quotes += c == '"';
  if (quotes % 2 != 0) {
    std::fprintf(stderr, "unbalanced FTS5 query: %s\n", fts.c_str());
    std::abort();
  }
  if (q.empty() != fts.empty()) std::abort();
  if (search::parse_query(search::to_string(q)).terms != q.terms) {
    std::fprintf(stderr, "typed back differently: '%s'\n", search::to_string(q).c_str());
    std::abort();
  }
  if (auto loose = search::loosened(q)) store::sqlite::fts5_match(*loose);

  std::string plain = search::html_text(text);
  auto s = search::snippet(plain, q, 16);
  for (const auto& p : s.pieces)
    if (p.text.empty()) std::abort();
  std::string joined;
  for (const auto& p : search::highlight(text.substr(0, 4096), q)) joined += p.text;
  std::string expected(text.substr(0, 4096));
  for (char& c : expected)
    if (c == '\n') c = ' ';
  if (joined != expected) {
    std::fprintf(stderr, "highlight lost text\n");
    std::abort();
  }
  return 0;
}
