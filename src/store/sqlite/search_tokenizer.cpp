#include "store/sqlite/search_tokenizer.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <new>
#include <string>
#include <vector>

#include "content/text.h"
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
      int begin = static_cast<int>(w.begin), end = static_cast<int>(w.end);
      auto emit = [&](const std::string& form, int how) {
        return token(ctx, how, form.data(), static_cast<int>(form.size()), begin, end);
      };
      // A prefix's last word, unstemmed (the stem of a prefix is no prefix); one that
      // looks Pashto asks both forms, for a letter the loose form changes only at a word's
      // end (ې in the middle of کتابېږي).
      if (prefix && i + 1 == found.size()) {
        std::string_view piece(text + w.begin, w.end - w.begin);
        w.strict = search::fold(piece, search::Fold::Strict, false);
        if (!w.pashto) return emit(w.strict, 0);
        w.loose = search::fold(piece, search::Fold::Loose, false);
        int rc = emit(w.loose, 0);
        if (rc != SQLITE_OK || w.loose == w.strict) return rc;
        return emit(w.strict, FTS5_TOKEN_COLOCATED);
      }
      int rc = emit(w.indexed(), 0);
      if (rc != SQLITE_OK) return rc;
      // A document's word that does not look Pashto but has a loose form of its own (ئ at
      // its end) keeps that too, for a query typed with the Pashto letter.
      if (!query && !w.pashto && w.loose != w.strict) {
        rc = emit(w.loose, FTS5_TOKEN_COLOCATED);
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

void standfirst(sqlite3_context* ctx, int, sqlite3_value** args) {
  if (search::repeats_opening(text_argument(args[0]), text_argument(args[1])))
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
  else
    sqlite3_result_value(ctx, args[0]);
}

// The sum of the varints of a docsize row (FTS5's format: SQLite's 1-9 byte varints).
void words(sqlite3_context* ctx, int, sqlite3_value** args) {
  const auto* p = static_cast<const unsigned char*>(sqlite3_value_blob(args[0]));
  int size = sqlite3_value_bytes(args[0]);
  sqlite3_int64 total = 0;
  for (int i = 0; p && i < size;) {
    std::uint64_t v = 0;
    int k = 0;
    for (; i < size && k < 8; ++k) {
      unsigned char c = p[i++];
      v = (v << 7) | (c & 0x7F);
      if (!(c & 0x80)) break;
    }
    if (k == 8 && i < size) v = (v << 8) | p[i++];
    total += static_cast<sqlite3_int64>(v);
  }
  sqlite3_result_int64(ctx, total);
}

// Whether the headline (column 0) holds the first `phrases` phrases of the query one right
// after the other, in the query's order (the whole query as a phrase), from the instances
// FTS5 found for the row (no second search).
bool headline_has_query(const Fts5ExtensionApi* api, Fts5Context* fts, int phrases, int count) {
  if (phrases == 1) {  // most queries: any instance in the headline; no memory taken
    for (int i = 0; i < count; ++i) {
      int phrase = 0, column = 0, offset = 0;
      if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) return false;
      if (column == 0 && phrase == 0) return true;
    }
    return false;
  }
  // Kept per thread and reused: this runs for every match of a query.
  thread_local std::vector<std::vector<int>> starts;
  starts.resize(static_cast<std::size_t>(phrases));
  for (auto& s : starts) s.clear();
  for (int i = 0; i < count; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) return false;
    if (column == 0 && phrase < phrases) starts[static_cast<std::size_t>(phrase)].push_back(offset);
  }
  for (int first : starts[0]) {
    int next = first + api->xPhraseSize(fts, 0);
    bool chained = true;
    for (int p = 1; p < phrases && chained; ++p) {
      const auto& at = starts[static_cast<std::size_t>(p)];
      chained = std::find(at.begin(), at.end(), next) != at.end();
      next += api->xPhraseSize(fts, p);
    }
    if (chained) return true;
  }
  return false;
}

// What BM25 needs of the whole index, read once per query (FTS5 keeps the row count and
// the total size in one record).
struct Collection {
  double rows = 1;
  double average_words = 1;
};

// khabar_rank(search, P, words, weights): BM25 (FTS5's formula: k1 1.2, b 0.75, lower is
// better) of the query's first P phrases, each column's instances weighed by the column's
// weight, minus kHeadlineFirst when the headline holds those P phrases as one phrase.
// `words` is the row's size in tokens (search_docs.words, copied from FTS5's own count when
// the row was indexed: FTS5's xColumnSize reads it from another table, row by row, which
// cost half of a search); `weights`, a pointer bound as "khabar_rank_weights", carries
// the columns' weights and each phrase's inverse document frequency.
void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n,
          sqlite3_value** args) {
  constexpr double k1 = 1.2, b = 0.75;
  const auto* weights =
      n >= 3 ? static_cast<const RankWeights*>(sqlite3_value_pointer(args[2], kRankWeights))
             : nullptr;
  int phrases = std::min(api->xPhraseCount(fts), n >= 1 ? sqlite3_value_int(args[0]) : 0);
  int count = 0;
  if (!weights || phrases <= 0 || api->xInstCount(fts, &count) != SQLITE_OK) {
    sqlite3_result_double(ctx, 0);
    return;
  }
  auto* collection = static_cast<Collection*>(api->xGetAuxdata(fts, 0));
  if (!collection) {
    collection = new (std::nothrow) Collection;
    if (!collection) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    sqlite3_int64 rows = 0, total = 0;
    if (api->xRowCount(fts, &rows) == SQLITE_OK && rows > 0) {
      collection->rows = static_cast<double>(rows);
      if (api->xColumnTotalSize(fts, -1, &total) == SQLITE_OK && total > 0)
        collection->average_words = static_cast<double>(total) / static_cast<double>(rows);
    }
    if (api->xSetAuxdata(fts, collection, [](void* p) { delete static_cast<Collection*>(p); }) !=
        SQLITE_OK)
      return;  // FTS5 has freed it; the query fails
  }
  thread_local std::vector<double> frequency;
  frequency.assign(static_cast<std::size_t>(phrases), 0.0);
  for (int i = 0; i < count; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) break;
    if (phrase < phrases && column >= 0 &&
        static_cast<std::size_t>(column) < weights->columns.size())
      frequency[static_cast<std::size_t>(phrase)] +=
          weights->columns[static_cast<std::size_t>(column)];
  }
  double words = std::max<double>(1, static_cast<double>(sqlite3_value_int64(args[1])));
  double norm = k1 * (1 - b + b * words / collection->average_words);
  double score = 0;
  for (int p = 0; p < phrases; ++p) {
    double f = frequency[static_cast<std::size_t>(p)];
    double idf = static_cast<std::size_t>(p) < weights->idf.size()
                     ? weights->idf[static_cast<std::size_t>(p)]
                     : 1.0;
    score += idf * f * (k1 + 1) / (f + norm);
  }
  if (headline_has_query(api, fts, phrases, count)) score += kHeadlineFirst;
  sqlite3_result_double(ctx, -score);
}

}  // namespace

// khabar_summary_text(excerpt): a stored excerpt as a summary shows it now (migration 19).
void summary_text(sqlite3_context* ctx, int, sqlite3_value** args) {
  std::string_view excerpt = text_argument(args[0]);
  // As the importer makes one (whitespace collapsed), never cut shorter than it was.
  std::string out = content::make_excerpt(content::strip_shortcodes(excerpt), excerpt.size());
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

// khabar_media_paths(markdown, html): the library files an article's text points at
// ("/media/2026/11/ab12.jpg" gives "2026/11/ab12.jpg"), each once, in order, as a JSON
// array (migration 20: its pictures for the sitemaps).
void media_paths(sqlite3_context* ctx, int, sqlite3_value** args) {
  constexpr std::string_view kPrefix = "/media/";
  constexpr std::size_t kMost = 100;
  std::vector<std::string_view> found;
  for (int i = 0; i < 2; ++i) {
    std::string_view text = text_argument(args[i]);
    for (std::size_t at = text.find(kPrefix); at != std::string_view::npos && found.size() < kMost;
         at = text.find(kPrefix, at + 1)) {
      std::size_t from = at + kPrefix.size(), to = from;
      while (to < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[to])) || text[to] == '/' ||
              text[to] == '.' || text[to] == '-' || text[to] == '_'))
        ++to;
      std::string_view file = text.substr(from, to - from);
      if (!file.empty() && file.find("..") == std::string_view::npos &&
          std::find(found.begin(), found.end(), file) == found.end())
        found.push_back(file);
    }
  }
  std::string out = "[";
  for (std::string_view file : found) {  // only [A-Za-z0-9/._-]: nothing to escape
    if (out.size() > 1) out += ',';
    out.append("\"").append(file).append("\"");
  }
  out += ']';
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

int register_search_functions(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  if (!api) return SQLITE_ERROR;
  fts5_tokenizer methods{create, destroy, tokenize};
  int rc = api->xCreateTokenizer(api, "khabar", nullptr, &methods, nullptr);
  if (rc != SQLITE_OK) return rc;
  rc = api->xCreateFunction(api, "khabar_rank", nullptr, rank, nullptr);
  if (rc != SQLITE_OK) return rc;
  constexpr int kPure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  struct Function {
    const char* name;
    int arguments;
    void (*call)(sqlite3_context*, int, sqlite3_value**);
  };
  for (auto f : {Function{"khabar_search_text", 2, search_text},
                 Function{"khabar_standfirst", 2, standfirst}, Function{"khabar_words", 1, words},
                 Function{"khabar_summary_text", 1, summary_text},
                 Function{"khabar_media_paths", 2, media_paths}}) {
    rc = sqlite3_create_function_v2(db, f.name, f.arguments, kPure, nullptr, f.call, nullptr,
                                    nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

}  // namespace khabar::store::sqlite
