// "Did you mean …": the closest spelling of a word among the words a site has written
// (docs/search.md). Words are compared folded, letter by letter (code points).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::search {

// The optimal string alignment distance (insertions, deletions, substitutions and swaps
// of two neighbouring letters, each 1) between two UTF-8 words, counted in code points;
// `limit` + 1 as soon as it is known to be above `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

// How far a word of `letters` code points may be from what the reader meant: 1 up to 4
// letters, 2 from 5.
int spelling_tolerance(std::size_t letters);

// A word the site has written (folded as the index keeps it) and in how many documents.
struct Known {
  std::string word;
  std::int64_t documents = 0;
};

// The known word closest to `word` within its tolerance, the more frequent among equally
// close ones; never `word` itself.
std::optional<std::string> closest(std::string_view word, const std::vector<Known>& known);

// The number of code points of a UTF-8 word.
std::size_t letters(std::string_view word);

}  // namespace khabar::search
