// What a reader typed into the search box, parsed (docs/search.md): words, all of which
// must match; "an exact phrase"; -excluded words or -"phrases"; a trailing * for a
// prefix (jalal*, ننګر*). Nothing a reader types is an operator of the index's own query
// language: NEAR, OR, title:, ^, ( and the like are plain words (or nothing), so no query
// is ever an error. Backend-neutral: each store turns a Query into its own syntax.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::search {

struct Term {
  std::string text;      // as typed, without its quotes, minus sign or star
  bool phrase = false;   // typed in quotes: its words in this order, next to each other
  bool exclude = false;  // -word or -"phrase"
  bool prefix = false;   // word*: the last word is a prefix
  bool operator==(const Term&) const = default;
};

struct Query {
  std::vector<Term> terms;  // only terms that have a word in them
  // Whether anything is asked for: at least one term that is not excluded.
  bool empty() const;
};

// The longest query read, in bytes (the rest is ignored), and the most terms kept.
inline constexpr std::size_t kMaxQueryBytes = 256;
inline constexpr std::size_t kMaxQueryTerms = 16;

Query parse_query(std::string_view typed);

// The query as a reader would type it again (parse_query of it gives it back).
std::string to_string(const Query& query);

// The query with every Arabic-script word at the loose level (normalize.h), for the
// fallback when the strict level finds nothing; nullopt when no word changes.
std::optional<Query> loosened(const Query& query);

}  // namespace khabar::search
