// The FTS5 tokenizer of reader search, "khabar": every word of a text by Unicode word
// boundaries, folded by src/search/normalize.h, with its byte offsets in the original text
// (so snippet() and highlight() show the article as written).
//
// Documents and queries alike give each word's indexed form (search::Word::indexed): the
// loose form of a word that looks Pashto, the strict form of any other, so ښار and شار
// find each other while ړ and ر stay apart. A document's other word whose loose form
// differs (ئ at its end) keeps that as a colocated synonym as well. A prefix query's last
// word is folded without stemming (the stem of a prefix is no prefix).
#pragma once

#include <sqlite3.h>

#include <vector>

namespace khabar::store::sqlite {

// What khabar_rank weighs a row's matches by: bound to it as a pointer of type
// kRankWeights (sqlite3_bind_pointer), kept alive by the caller while the query runs.
struct RankWeights {
  std::vector<double> columns;  // per column of the index, in its order
  std::vector<double> idf;      // per phrase of the query; 1 for any not given
};
inline constexpr const char* kRankWeights = "khabar_rank_weights";
// What khabar_rank takes off a row whose headline holds the whole query as a phrase: more
// than any BM25 score, so such rows come first.
inline constexpr double kHeadlineFirst = 1e6;

// Registers on `db` (each connection needs them before it reads or writes a table made
// with tokenize='khabar'):
// - the tokenizer "khabar";
// - khabar_search_text(markdown, html): an article body's text as the index keeps it
//   (search::body_text);
// - khabar_standfirst(standfirst, text): the standfirst, or '' when it only repeats the
//   opening of the text (search::repeats_opening);
// - khabar_summary_text(excerpt): an excerpt without WordPress shortcodes
//   (content::strip_shortcodes), for summaries stored by older imports;
// - khabar_media_paths(markdown, html): the library files the text points at, as a JSON
//   array (sqlite/sitemaps.cpp);
// - khabar_words(sz): the number of tokens in a row of an FTS5 table's docsize table (the
//   sum of the varints of its `sz` blob);
// - the FTS5 auxiliary function khabar_rank(search, P, words, weights): BM25 over the
//   query's first P phrases, lower is better, minus kHeadlineFirst when the headline
//   holds them as one phrase.
// Returns an SQLite result code.
int register_search_functions(sqlite3* db);

}  // namespace khabar::store::sqlite
