#include "search/snippet.h"

#include <algorithm>
#include <unordered_map>

#include "search/normalize.h"

namespace khabar::search {
namespace {

// A word the reader asked for, folded as the index folds it.
struct Wanted {
  std::string strict, loose;
  bool prefix = false;  // unstemmed forms, matched as beginnings
};

std::vector<Wanted> wanted_words(const Query& query) {
  std::vector<Wanted> out;
  for (const auto& t : query.terms) {
    if (t.exclude) continue;
    auto found = words(t.text);
    for (std::size_t i = 0; i < found.size(); ++i) {
      Wanted w{std::move(found[i].strict), std::move(found[i].loose), false};
      if (t.prefix && i + 1 == found.size()) {
        std::string_view piece =
            std::string_view(t.text).substr(found[i].begin, found[i].end - found[i].begin);
        w = Wanted{fold(piece, Fold::Strict, false), fold(piece, Fold::Loose, false), true};
      }
      bool seen = std::any_of(out.begin(), out.end(), [&](const Wanted& o) {
        return o.strict == w.strict && o.prefix == w.prefix;
      });
      if (!seen) out.push_back(std::move(w));
    }
  }
  return out;
}

bool meets(const std::string& a, const std::string& b, const Wanted& w) {
  if (w.prefix)
    return a.starts_with(w.strict) || a.starts_with(w.loose) || b.starts_with(w.strict) ||
           b.starts_with(w.loose);
  return a == w.strict || a == w.loose || b == w.strict || b == w.loose;
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

// For each word of `text`, the index of the wanted word it is (-1: none). Folding is most
// of the cost, so a word is folded only when it could match: an ASCII word whose
// lower-case letters do not begin with a wanted word's stem (less its last letter, which
// a stemmer may change) is passed over, and each other word is folded once per text.
std::vector<int> matches(std::string_view text, const Spans& found,
                         const std::vector<Wanted>& wanted) {
  std::vector<int> out(found.size(), -1);
  if (wanted.empty()) return out;
  struct Folded {
    std::string strict, loose, strict_unstemmed, loose_unstemmed;
  };
  std::unordered_map<std::string_view, Folded> folded;
  bool any_prefix =
      std::any_of(wanted.begin(), wanted.end(), [](const Wanted& w) { return w.prefix; });
  for (std::size_t i = 0; i < found.size(); ++i) {
    std::string_view piece = text.substr(found[i].first, found[i].second - found[i].first);
    if (is_ascii(piece)) {
      std::string lower(piece);
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      bool could = false;
      for (const auto& w : wanted) {
        std::string_view head(w.strict);
        if (!w.prefix && head.size() > 1) head.remove_suffix(1);
        could |= lower.starts_with(head);
      }
      if (!could) continue;
    }
    auto [at, added] = folded.try_emplace(piece);
    Folded& f = at->second;
    if (added) {
      f.strict = fold(piece, Fold::Strict);
      f.loose = fold(piece, Fold::Loose);
      if (any_prefix) {
        f.strict_unstemmed = fold(piece, Fold::Strict, false);
        f.loose_unstemmed = fold(piece, Fold::Loose, false);
      }
    }
    for (std::size_t k = 0; k < wanted.size(); ++k) {
      const Wanted& w = wanted[k];
      bool hit =
          w.prefix ? meets(f.strict_unstemmed, f.loose_unstemmed, w) : meets(f.strict, f.loose, w);
      if (hit) {
        out[i] = static_cast<int>(k);
        break;
      }
    }
  }
  return out;
}

// The text of [begin, end) with its lines as spaces, appended to `pieces` (merged into
// the last piece when neither is a match).
void add(std::vector<Piece>& pieces, std::string_view text, bool match) {
  if (text.empty()) return;
  std::string s(text);
  std::replace(s.begin(), s.end(), '\n', ' ');
  if (!pieces.empty() && !pieces.back().match && !match)
    pieces.back().text += s;
  else
    pieces.push_back(Piece{std::move(s), match});
}

std::vector<Piece> pieces_of(std::string_view text, const Spans& found,
                             const std::vector<int>& match, std::size_t first, std::size_t last) {
  std::vector<Piece> out;
  if (first >= last) return out;
  std::size_t at = found[first].first;
  for (std::size_t i = first; i < last; ++i) {
    if (match[i] < 0) continue;
    add(out, text.substr(at, found[i].first - at), false);
    add(out, text.substr(found[i].first, found[i].second - found[i].first), true);
    at = found[i].second;
  }
  add(out, text.substr(at, found[last - 1].second - at), false);
  return out;
}

}  // namespace

Snippet snippet(std::string_view text, const Query& query, std::size_t max_words) {
  Snippet out;
  if (max_words == 0) return out;
  std::string_view scanned = text.substr(0, kSnippetScanBytes);
  // Cut at a whole letter: back off continuation bytes.
  std::size_t cut = scanned.size();
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  scanned = scanned.substr(0, cut);
  auto found = word_spans(scanned);
  if (found.empty()) return out;
  auto wanted = wanted_words(query);
  auto match = matches(scanned, found, wanted);

  // The window with the most different wanted words, then the most matches; the first
  // such window.
  std::size_t size = std::min(max_words, found.size());
  std::vector<int> count(wanted.size(), 0);
  int distinct = 0, total = 0;
  auto enter = [&](std::size_t i) {
    if (match[i] < 0) return;
    ++total;
    if (count[match[i]]++ == 0) ++distinct;
  };
  auto leave = [&](std::size_t i) {
    if (match[i] < 0) return;
    --total;
    if (--count[match[i]] == 0) --distinct;
  };
  for (std::size_t i = 0; i < size; ++i) enter(i);
  std::size_t best = 0;
  int best_distinct = distinct, best_total = total;
  for (std::size_t start = 1; start + size <= found.size(); ++start) {
    leave(start - 1);
    enter(start + size - 1);
    if (distinct > best_distinct || (distinct == best_distinct && total > best_total)) {
      best = start;
      best_distinct = distinct;
      best_total = total;
    }
  }
  // The first best window ends on a match: move it so that its matches sit a third of
  // the way in, with words before them to read them by.
  if (best_total > 0) {
    std::size_t first = best, last = best + size - 1;
    while (match[first] < 0) ++first;
    while (match[last] < 0) --last;
    std::size_t slack = size - (last - first + 1);
    std::size_t start = first - std::min(first, slack / 3);
    best = std::min(start, found.size() - size);
  }
  std::size_t end = best + size;
  // At either end of the text, what stands beside the words (quotes, a full stop) too.
  if (best == 0) add(out.pieces, scanned.substr(0, found.front().first), false);
  for (auto& p : pieces_of(scanned, found, match, best, end)) add(out.pieces, p.text, p.match);
  if (end == found.size() && scanned.size() == text.size())
    add(out.pieces, scanned.substr(found.back().second), false);
  out.cut_before = best > 0;
  out.cut_after = end < found.size() || scanned.size() < text.size();
  return out;
}

std::vector<Piece> highlight(std::string_view text, const Query& query) {
  auto found = word_spans(text);
  if (found.empty()) {
    std::vector<Piece> out;
    add(out, text, false);
    return out;
  }
  auto match = matches(text, found, wanted_words(query));
  std::vector<Piece> out;
  add(out, text.substr(0, found.front().first), false);
  auto middle = pieces_of(text, found, match, 0, found.size());
  for (auto& p : middle) add(out, p.text, p.match);
  add(out, text.substr(found.back().second), false);
  return out;
}

}  // namespace khabar::search
