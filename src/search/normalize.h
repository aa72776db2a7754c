// The spelling rules of reader search (docs/search.md): the index and the query fold words
// the same way, so a story is found however its words were typed — old PDFs' Arabic
// presentation forms, Arabic or Persian keyboards, harakat or none, Pashto letters typed
// with their look-alikes. Two levels:
//
// Strict (always): Unicode NFKC and case folding (ICU); Latin diacritics, harakat and
// every other combining mark, tatweel and zero-width joiners removed; alef forms
// (أ إ آ ٱ) to ا; Arabic kaf ك to keheh ک; Arabic yeh ي and alef maksura ى to Farsi yeh ی;
// teh marbuta ة, heh goal ہ, ۀ and ە to heh ه; the three digit sets (ASCII, ٠-٩, ۰-۹)
// to ASCII. A word written in Latin letters alone is then cut to its English stem
// (Snowball's English stemmer: elections, election -> election; reporting, reported ->
// report; Kabul's -> kabul).
//
// Loose (also, for words that look Pashto, and as a fallback): on top of strict, the
// letters commonly typed as look-alikes: Pashto gaf ګ to گ, ښ to ش, ې ۍ ئ at the end of
// a word to ی; and the two-character sequences some keyboards make: ح + hamza above (ٔ)
// for ځ, ح + three dots above (ۛ) for څ, ی + hamza above for ئ.
//
// Letters that are different letters stay apart at both levels: ړ ر, ډ د, ټ ت, ږ ژ, ڼ ن.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar::search {

enum class Fold { Strict, Loose };

// One word folded at `level` (UTF-8 in and out; invalid bytes read as U+FFFD). Without
// `stem`, a Latin word is not cut to its stem (the last word of a prefix query).
std::string fold(std::string_view word, Fold level = Fold::Strict, bool stem = true);

// Whether a word has a letter only Pashto writes (ټ ډ ړ ږ ښ ګ ڼ ځ څ ې ۍ): its loose form is
// what it is searched by.
bool looks_pashto(std::string_view word);

// A word of a text as the index keeps it.
struct Word {
  std::size_t begin = 0;  // [begin, end): where it is in the original text, in bytes
  std::size_t end = 0;
  std::string strict;   // fold(word, Fold::Strict)
  std::string loose;    // fold(word, Fold::Loose); most often the same as strict
  bool pashto = false;  // looks_pashto(word): searched by its loose form

  // The form the index keeps: a word that looks Pashto by its loose form (its strict form
  // could only ever be found with it), any other by its strict form.
  const std::string& indexed() const { return pashto ? loose : strict; }
};

// Where the words of `text` are, as [begin, end) byte ranges, by the boundaries words()
// uses, without folding them.
std::vector<std::pair<std::size_t, std::size_t>> word_spans(std::string_view text);

// The words of `text`, in order, by Unicode word boundaries (ICU; a word keeps its ZWNJ
// and its marks, numbers are words, spaces and punctuation are not), each folded. Linear
// in the text's size.
std::vector<Word> words(std::string_view text);

}  // namespace khabar::search
