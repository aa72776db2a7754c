// Generated news text for benchmarks of search (bench/gen --news-text): English and
// Pashto words drawn by Zipf's law from a vocabulary of common words and tens of
// thousands of made-up names, so that word frequencies fall off as in a real archive
// (a few words in nearly every article, most in a handful). A Pashto text has some words
// typed the way Arabic and Persian keyboards type them (ي for ی, ك for ک, گ for ګ).
#pragma once

#include <random>
#include <string>
#include <vector>

namespace khabar::bench {

class NewsText {
 public:
  explicit NewsText(unsigned seed);

  // A sentence of `words` words in "en" or "ps", with its full stop.
  std::string sentence(const std::string& language, int words);
  // The word of `rank` (0: the most common) in a language's vocabulary.
  const std::string& word(const std::string& language, std::size_t rank) const;
  std::size_t vocabulary(const std::string& language) const;
  // `word` as an Arabic or Persian keyboard might type it (the same word to a reader).
  static std::string variant_spelling(const std::string& word);

  std::mt19937& rng() { return rng_; }

 private:
  struct Language {
    std::vector<std::string> words;
    std::discrete_distribution<std::size_t> pick;
  };
  Language& of(const std::string& language);
  const Language& of(const std::string& language) const;
  std::mt19937 rng_;
  Language en_, ps_;
};

}  // namespace khabar::bench
