// Reader search on SQLite (migration 0014, docs/search.md): keeping an article's row of
// the index as it is stored, rebuilding the index, and the reads.
#pragma once

#include <string_view>
#include <vector>

#include "search/suggest.h"
#include "store/records.h"
#include "store/sqlite/connection.h"
#include "store/transaction.h"

namespace khabar::store::sqlite {

// Rewrites the search row of article `id` from what is stored (removes it when the
// article is gone). The index itself changes only when the text does.
void refresh_search(Connection& db, Id id);
// Only the row a search filters by (status, language, date, categories, authors), when the
// text is unchanged (a category moved or deleted); false when the article is gone.
bool refresh_search_docs(Connection& db, Id id);
// The same for every article that carries a tag (its name is part of their text); call
// before the tag is deleted (with `deleting`) or after it is renamed.
void refresh_search_of_tag(Connection& db, Id tag_id, bool deleting = false);
void rebuild_search(Connection& db, const Transaction::Progress& progress);
// Writes the text changes of the open transaction (search_queue, migration 0015) into the
// index; the writer calls it before COMMIT, and a read of the index inside the transaction
// before it reads. Outside every savepoint, so FTS5 keeps its pending words together.
void flush_search_queue(Connection& db);

SearchResults search(Connection& db, const SearchRequest& request);
std::vector<search::Known> indexed_words_like(Connection& db, std::string_view folded);
std::int64_t indexed_word_documents(Connection& db, std::string_view folded);
// An FTS5 expression for the desk's search box: "" when it asks for nothing.
std::string desk_match(std::string_view typed);

}  // namespace khabar::store::sqlite
