// The FTS5 tokenizer of reader search, "khabar": every word of a text by Unicode word
// boundaries, folded by src/search/normalize.h, with its byte offsets in the original text
// (so snippet() and highlight() show the article as written).
//
// Documents: each word's strict form, and its loose form as a colocated synonym when it
// differs, so a query in either form finds it. Queries: the strict form, plus the loose
// one as a synonym for a word that looks Pashto (FTS5 then matches either); a prefix
// query's last word is folded without stemming (the stem of a prefix is no prefix).
#pragma once

#include <sqlite3.h>

namespace khabar::store::sqlite {

// Registers the tokenizer on `db` (each connection needs it before it reads or writes a
// table made with tokenize='khabar'); the SQL function khabar_search_text(markdown,
// html): an article body's text as the index keeps it (search::body_text); and the FTS5
// auxiliary function khabar_headline(search, P): 1 when the row's headline holds the
// query's first P phrases one right after the other (the whole query as a phrase).
// Returns an SQLite result code.
int register_search_tokenizer(sqlite3* db);

}  // namespace khabar::store::sqlite
