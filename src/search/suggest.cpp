#include "search/suggest.h"

#include <unicode/utf8.h>

#include <algorithm>

namespace khabar::search {
namespace {

std::u32string code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    out += static_cast<char32_t>(c < 0 ? 0xFFFD : c);
  }
  return out;
}

}  // namespace

std::size_t letters(std::string_view word) { return code_points(word).size(); }

int spelling_tolerance(std::size_t n) { return n <= 4 ? 1 : 2; }

int edit_distance(std::string_view a8, std::string_view b8, int limit) {
  std::u32string a = code_points(a8), b = code_points(b8);
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Three rows of the dynamic programme: two back for the swap.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_best = current[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d = std::min(d, before[j - 2] + 1);
      current[j] = d;
      row_best = std::min(row_best, d);
    }
    if (row_best > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

std::optional<std::string> closest(std::string_view word, const std::vector<Known>& known) {
  int limit = spelling_tolerance(letters(word));
  const Known* best = nullptr;
  int best_distance = limit + 1;
  for (const auto& k : known) {
    if (k.word == word || k.documents <= 0) continue;
    int d = edit_distance(word, k.word, limit);
    if (d > limit) continue;
    if (d < best_distance || (d == best_distance && k.documents > best->documents)) {
      best = &k;
      best_distance = d;
    }
  }
  if (!best) return std::nullopt;
  return best->word;
}

}  // namespace khabar::search
