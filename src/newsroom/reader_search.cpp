#include "newsroom/reader_search.h"

#include "search/normalize.h"
#include "search/suggest.h"

namespace khabar::newsroom {
namespace {

// Documents a word must be in to be taken as spelt as meant.
constexpr std::int64_t kKnownWord = 3;

// The word of `text` that folds to `folded` (the first), as written; "" if none.
std::string written_form(std::string_view text, const std::string& folded) {
  for (const auto& w : search::words(text))
    if (w.strict == folded || w.loose == folded)
      return search::fold(text.substr(w.begin, w.end - w.begin), search::Fold::Strict, false);
  return {};
}

// The query with each misspelt word (one the index does not have, or has in fewer
// documents than a close spelling) put right; nullopt when nothing is put right.
std::optional<search::Query> corrected(store::ReaderReads& reads, const search::Query& query,
                                       std::vector<std::string>& folded_replacements) {
  search::Query out = query;
  bool changed = false;
  for (auto& t : out.terms) {
    if (t.exclude) continue;
    auto found = search::words(t.text);
    std::string text;
    std::size_t at = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
      const auto& w = found[i];
      text.append(t.text, at, w.begin - at);
      at = w.end;
      std::string_view piece = std::string_view(t.text).substr(w.begin, w.end - w.begin);
      const std::string& form = w.indexed();  // the index's own spelling of it
      if ((t.prefix && i + 1 == found.size()) || search::letters(form) < 3) {
        text += piece;
        continue;
      }
      // A word in a few documents or more is a word of the site: kept, at the cost of
      // one lookup (the scan of its neighbours costs more).
      std::int64_t own = reads.indexed_word_documents(form);
      if (own >= kKnownWord) {
        text += piece;
        continue;
      }
      auto known = reads.indexed_words_like(form);
      auto better = search::closest(form, known);
      std::int64_t better_documents = 0;
      for (const auto& k : known)
        if (better && k.word == *better) better_documents = k.documents;
      // A word the index has is kept unless a close one is far more common.
      if (!better || (own > 0 && better_documents < 10 * own)) {
        text += piece;
        continue;
      }
      text += *better;
      folded_replacements.push_back(*better);
      changed = true;
    }
    text.append(t.text, at, std::string::npos);
    t.text = std::move(text);
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace

ReaderSearch find(store::ReaderReads& reads, const store::SearchRequest& request) {
  ReaderSearch out;
  out.searched = request.query;
  out.results = reads.search(request);
  if (out.results.total == 0)
    if (auto loose = search::loosened(request.query)) {
      store::SearchRequest again = request;
      again.query = *loose;
      auto results = reads.search(again);
      if (results.total > 0) {
        out.results = std::move(results);
        out.searched = std::move(*loose);
        out.loosened = true;
      }
    }
  if (out.results.total >= kFewResults || request.query.empty()) return out;

  std::vector<std::string> replacements;
  auto better = corrected(reads, request.query, replacements);
  if (!better) return out;
  store::SearchRequest check = request;
  check.query = *better;
  check.limit = 1;
  check.offset = 0;
  check.facets = false;
  auto found = reads.search(check);
  if (found.total <= out.results.total || found.hits.empty()) return out;
  // Shown as the found article writes each word (an English word's index form is its
  // stem: "elect" is shown as "election").
  const auto& hit = found.hits.front();
  std::string shown = search::to_string(*better);
  for (const auto& folded : replacements) {
    std::string written = written_form(hit.article.title, folded);
    if (written.empty()) written = written_form(hit.article.excerpt, folded);
    if (written.empty()) written = written_form(hit.text, folded);
    if (written.empty() || written == folded) continue;
    if (std::size_t at = shown.find(folded); at != std::string::npos)
      shown.replace(at, folded.size(), written);
  }
  out.suggestion = std::move(shown);
  return out;
}

}  // namespace khabar::newsroom
