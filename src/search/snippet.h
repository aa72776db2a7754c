// The snippet of a search result: the part of an article's text around the words a
// reader searched for, with those words marked (docs/search.md). Backend-neutral: it
// matches words by the same folding as the index, so it marks what the index found.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "search/query.h"

namespace khabar::search {

// A piece of a snippet: text as written in the article, and whether it is a match.
struct Piece {
  std::string text;
  bool match = false;
  bool operator==(const Piece&) const = default;
};

struct Snippet {
  std::vector<Piece> pieces;
  bool cut_before = false;  // the text goes on before the snippet
  bool cut_after = false;   // and after it
};

// The window of at most `max_words` words of `text` with the most different words of
// `query` in it (the first window when none is there). A word matches a query word when
// their folded forms meet at either level; the last word of a prefix term matches words
// that begin with it. Excluded terms are never marked. Only the first `kSnippetScanBytes`
// of a text are read. Lines of the text become spaces.
inline constexpr std::size_t kSnippetScanBytes = 64 * 1024;
Snippet snippet(std::string_view text, const Query& query, std::size_t max_words = 32);

// Every match of `query` in a short text (a headline) marked; the whole text.
std::vector<Piece> highlight(std::string_view text, const Query& query);

}  // namespace khabar::search
