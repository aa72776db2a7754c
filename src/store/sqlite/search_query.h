// A parsed reader query (search/query.h) in FTS5's query syntax, for a table made with
// the "khabar" tokenizer (search_tokenizer.h). Every term is a quoted string, so nothing
// a reader typed is read as an FTS5 operator.
#pragma once

#include <string>

#include "search/query.h"

namespace khabar::store::sqlite {

// (t1 AND t2 ...) NOT x1 NOT x2 ...; "" when the query asks for nothing (only exclusions,
// or no words at all): the caller finds nothing then, without asking FTS5.
std::string fts5_match(const search::Query& query);

// The terms not excluded as one FTS5 phrase, one right after the other ("a" + "b" *): the
// whole query as a phrase, for a column filter. "" when there are none.
std::string fts5_phrase(const search::Query& query);

}  // namespace khabar::store::sqlite
