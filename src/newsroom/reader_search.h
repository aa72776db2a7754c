// A reader's search as the site and the command line run it (docs/search.md): the query
// at the strict spelling level, then, when that finds nothing, at the loose one; and when
// it finds little, "did you mean" from the site's own words.
#pragma once

#include <optional>
#include <string>

#include "search/query.h"
#include "store/reader_reads.h"
#include "store/records.h"

namespace khabar::newsroom {

struct ReaderSearch {
  store::SearchResults results;
  search::Query searched;  // the query that found them (the loose one after a fallback)
  bool loosened = false;   // the strict spelling found nothing; the loose one was used
  // A query that finds more, typed as a reader would type it, when this one found fewer
  // than kFewResults; only ever made of words that published work has.
  std::optional<std::string> suggestion;
};

inline constexpr std::int64_t kFewResults = 3;

// `request.query` is what the reader typed, parsed.
ReaderSearch find(store::ReaderReads& reads, const store::SearchRequest& request);

}  // namespace khabar::newsroom
