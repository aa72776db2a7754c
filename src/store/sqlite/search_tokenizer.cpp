#include "store/sqlite/search_tokenizer.h"

#include <algorithm>
#include <new>
#include <string>
#include <vector>

#include "search/normalize.h"
#include "search/plain_text.h"

namespace khabar::store::sqlite {
namespace {

// The tokenizer keeps no state: one instance serves every table that names it.
struct Tokenizer {};

int create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new (std::nothrow) Tokenizer);
  return *out ? SQLITE_OK : SQLITE_NOMEM;
}

void destroy(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int size,
             TokenCallback token) {
  if (size <= 0) return SQLITE_OK;
  try {
    auto found = search::words(std::string_view(text, static_cast<std::size_t>(size)));
    bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
      auto& w = found[i];
      if (prefix && i + 1 == found.size()) {
        std::string_view piece(text + w.begin, w.end - w.begin);
        w.strict = search::fold(piece, search::Fold::Strict, false);
        w.loose = search::fold(piece, search::Fold::Loose, false);
      }
      int begin = static_cast<int>(w.begin), end = static_cast<int>(w.end);
      int rc = token(ctx, 0, w.strict.data(), static_cast<int>(w.strict.size()), begin, end);
      if (rc != SQLITE_OK) return rc;
      bool synonym =
          w.loose != w.strict &&
          (!query || search::looks_pashto(std::string_view(text + w.begin, w.end - w.begin)));
      if (synonym) {
        rc = token(ctx, FTS5_TOKEN_COLOCATED, w.loose.data(), static_cast<int>(w.loose.size()),
                   begin, end);
        if (rc != SQLITE_OK) return rc;
      }
    }
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

std::string_view text_argument(sqlite3_value* v) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(v)))
              : std::string_view();
}

void search_text(sqlite3_context* ctx, int, sqlite3_value** args) {
  try {
    std::string text = search::body_text(text_argument(args[0]), text_argument(args[1]));
    sqlite3_result_text64(ctx, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  } catch (...) {
    sqlite3_result_error(ctx, "khabar_search_text failed", -1);
  }
}

// khabar_headline(search, P): whether the headline (column 0) holds the first P phrases
// of the query one right after the other, in the query's order: the whole query as a
// phrase, read from the instances FTS5 found for the row (no second search).
void headline(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n,
              sqlite3_value** args) {
  int phrases = api->xPhraseCount(fts);
  if (n > 0) phrases = std::min(phrases, sqlite3_value_int(args[0]));
  int count = 0;
  if (phrases <= 0 || api->xInstCount(fts, &count) != SQLITE_OK) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  // One phrase (most queries): any instance in the headline; no memory taken.
  if (phrases == 1) {
    bool in_headline = false;
    for (int i = 0; i < count && !in_headline; ++i) {
      int phrase = 0, column = 0, offset = 0;
      if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) break;
      in_headline = column == 0 && phrase == 0;
    }
    sqlite3_result_int(ctx, in_headline ? 1 : 0);
    return;
  }
  // Kept per thread and reused: this runs for every match of a query.
  thread_local std::vector<std::vector<int>> starts;
  starts.resize(static_cast<std::size_t>(phrases));
  for (auto& s : starts) s.clear();
  for (int i = 0; i < count; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) break;
    if (column == 0 && phrase < phrases) starts[static_cast<std::size_t>(phrase)].push_back(offset);
  }
  bool found = false;
  for (int first : starts[0]) {
    int next = first + api->xPhraseSize(fts, 0);
    bool chained = true;
    for (int p = 1; p < phrases && chained; ++p) {
      const auto& at = starts[static_cast<std::size_t>(p)];
      chained = std::find(at.begin(), at.end(), next) != at.end();
      next += api->xPhraseSize(fts, p);
    }
    if (chained) {
      found = true;
      break;
    }
  }
  sqlite3_result_int(ctx, found ? 1 : 0);
}

}  // namespace

int register_search_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  if (!api) return SQLITE_ERROR;
  fts5_tokenizer methods{create, destroy, tokenize};
  int rc = api->xCreateTokenizer(api, "khabar", nullptr, &methods, nullptr);
  if (rc != SQLITE_OK) return rc;
  rc = api->xCreateFunction(api, "khabar_headline", nullptr, headline, nullptr);
  if (rc != SQLITE_OK) return rc;
  return sqlite3_create_function_v2(db, "khabar_search_text", 2,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                    search_text, nullptr, nullptr, nullptr);
}

}  // namespace khabar::store::sqlite
