// The spelling rules of search (src/search/normalize.h), rule by rule: each with words that
// must fold together and words that must stay apart.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "search/normalize.h"

using khabar::search::Fold;
using khabar::search::fold;
using khabar::search::looks_pashto;
using khabar::search::words;

namespace {

std::string strict(std::string_view w) { return fold(w, Fold::Strict); }
std::string loose(std::string_view w) { return fold(w, Fold::Loose); }

TEST(SearchFold, CaseAndLatinDiacritics) {
  EXPECT_EQ(strict("KABUL"), "kabul");
  EXPECT_EQ(strict("Bâmiyân"), "bamiyan");
  EXPECT_EQ(strict("Herāt"), "herat");
  EXPECT_EQ(strict("Straße"), strict("strasse"));
  EXPECT_EQ(strict("Bamiyan"), strict("BÂMIYÂN"));
  EXPECT_NE(strict("bamiyan"), strict("bamyan"));
}

TEST(SearchFold, EnglishWordsByTheirStem) {
  EXPECT_EQ(strict("elections"), strict("election"));
  EXPECT_EQ(strict("Reporting"), strict("reported"));
  EXPECT_EQ(strict("reporters"), strict("reporter"));
  EXPECT_EQ(strict("Kabul's"), "kabul");
  EXPECT_EQ(strict("libraries"), strict("library"));
  EXPECT_NE(strict("police"), strict("policy"));
  EXPECT_NE(strict("news"), strict("new"));
  EXPECT_EQ(strict("2026"), "2026") << "numbers are not stemmed";
  EXPECT_EQ(strict("covid19"), "covid19") << "nor words with digits";
}

TEST(SearchFold, PresentationFormsFromOldPdfsAreLetters) {
  // ﻛﺎﺑﻞ: kaf, alef, beh, lam in their contextual forms.
  EXPECT_EQ(strict("\uFEDB\uFE8E\uFE91\uFEDE"), "کابل");
  EXPECT_EQ(strict("ﻻ"), "لا");  // the lam-alef ligature
}

TEST(SearchFold, HarakatTatweelAndZeroWidthCharactersGo) {
  EXPECT_EQ(strict("كِتَابٌ"), "کتاب");
  EXPECT_EQ(strict("مُحَمَّد"), "محمد");
  EXPECT_EQ(strict("کـــابل"), "کابل");
  EXPECT_EQ(strict("می\u200Cخواهم"), "میخواهم");
  EXPECT_EQ(strict("ن\u200Dه"), "نه");
  EXPECT_EQ(strict("خاورمیانه"), strict("خاور\u200Cمیانه"));
}

TEST(SearchFold, AlefForms) {
  EXPECT_EQ(strict("أفغانستان"), "افغانستان");
  EXPECT_EQ(strict("إسلام"), "اسلام");
  EXPECT_EQ(strict("آب"), "اب");
  EXPECT_EQ(strict("ٱلله"), "الله");
  EXPECT_EQ(strict("ا\u0653ب"), "اب") << "alef + madda typed as two characters";
}

TEST(SearchFold, KafYehAndHeh) {
  EXPECT_EQ(strict("كابل"), strict("کابل"));
  EXPECT_EQ(strict("علي"), "علی");
  EXPECT_EQ(strict("موسى"), "موسی");
  EXPECT_EQ(strict("مدرسة"), "مدرسه");
  EXPECT_EQ(strict("ہمارا"), "همارا");
  EXPECT_EQ(strict("خانۀ"), "خانه");
  EXPECT_EQ(strict("خانە"), "خانه");
  EXPECT_NE(strict("گل"), strict("کل")) << "gaf is not kaf";
}

TEST(SearchFold, TheThreeDigitSetsAreOne) {
  EXPECT_EQ(strict("2026"), "2026");
  EXPECT_EQ(strict("٢٠٢٦"), "2026");
  EXPECT_EQ(strict("۲۰۲۶"), "2026");
  EXPECT_NE(strict("۲۰۲۶"), strict("۲۰۲۵"));
}

TEST(SearchFold, DifferentLettersStayApartAtBothLevels) {
  for (auto level : {Fold::Strict, Fold::Loose}) {
    EXPECT_NE(fold("ړ", level), fold("ر", level));
    EXPECT_NE(fold("ډ", level), fold("د", level));
    EXPECT_NE(fold("ټ", level), fold("ت", level));
    EXPECT_NE(fold("ږ", level), fold("ژ", level));
    EXPECT_NE(fold("ڼ", level), fold("ن", level));
    EXPECT_NE(fold("ځ", level), fold("ح", level));
    EXPECT_NE(fold("څ", level), fold("ح", level));
  }
}

TEST(SearchFold, PashtoLookAlikesFoldOnlyWhenLoose) {
  EXPECT_NE(strict("ګډون"), strict("گډون"));
  EXPECT_EQ(loose("ګډون"), loose("گډون"));
  EXPECT_NE(strict("ښار"), strict("شار"));
  EXPECT_EQ(loose("ښار"), loose("شار"));
  // ې ۍ ئ as the last letter of a word are typed as ی.
  EXPECT_EQ(loose("کورنۍ"), "کورنی");
  EXPECT_EQ(loose("دې"), "دی");
  EXPECT_EQ(loose("ښځئ"), "شځی");
  EXPECT_NE(strict("کورنۍ"), strict("کورنی"));
  // Inside a word they stay what they are.
  EXPECT_EQ(loose("بېرته"), "بېرته");
  EXPECT_EQ(loose("پوښتنئو"), "پوشتنئو");
}

TEST(SearchFold, TwoCharacterSequencesOfSomeKeyboards) {
  EXPECT_EQ(loose("ح\u0654ای"), loose("ځای"));
  EXPECT_EQ(loose("ح\u06DBنګه"), loose("څنګه"));
  EXPECT_EQ(loose("ی\u0654و"), loose("ئو"));
  EXPECT_NE(strict("ح\u0654ای"), strict("ځای")) << "strict drops the mark, and ح stays ح";
}

// A query's words are folded again by the index's tokenizer: folding twice changes nothing.
TEST(SearchFold, FoldingTwiceIsFoldingOnce) {
  for (std::string w : {"KABUL", "Bâmiyân", "\uFEDB\uFE8E\uFE91\uFEDE", "كِتَابٌ", "کـــابل",
                        "می\u200Cخواهم", "أفغانستان", "ٱلله", "موسى", "مدرسة", "خانۀ", "٢٠٢٦",
                        "ګډون", "کورنۍ", "ح\u0654ای", "ح\u06DBنګه", "ی\u0654و", "ښځئ"})
    for (auto level : {Fold::Strict, Fold::Loose}) {
      std::string once = fold(w, level);
      EXPECT_EQ(fold(once, level), once) << w;
    }
}

TEST(SearchFold, PashtoWordsAreKnownByTheirLetters) {
  EXPECT_TRUE(looks_pashto("ښار"));
  EXPECT_TRUE(looks_pashto("ګډون"));
  EXPECT_TRUE(looks_pashto("کورنۍ"));
  EXPECT_FALSE(looks_pashto("کابل"));
  EXPECT_FALSE(looks_pashto("Kabul"));
  EXPECT_FALSE(looks_pashto("خاورمیانه"));
}

TEST(SearchWords, OffsetsPointIntoTheOriginalText) {
  std::string text = "Kabul's «کتابخانه» — ښار، ۲۰۲۶! Bâmiyân می\u200Cخواهم";
  auto found = words(text);
  std::vector<std::string> as_written, folded;
  for (const auto& w : found) {
    as_written.push_back(text.substr(w.begin, w.end - w.begin));
    folded.push_back(w.strict);
  }
  EXPECT_EQ(as_written, (std::vector<std::string>{"Kabul's", "کتابخانه", "ښار", "۲۰۲۶", "Bâmiyân",
                                                  "می\u200Cخواهم"}));
  EXPECT_EQ(folded,
            (std::vector<std::string>{"kabul", "کتابخانه", "ښار", "2026", "bamiyan", "میخواهم"}));
  EXPECT_EQ(found[2].loose, "شار");
}

TEST(SearchWords, HarakatAndTatweelDoNotSplitAWord) {
  auto found = words("كِتَابٌ کـــابل");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].strict, "کتاب");
  EXPECT_EQ(found[1].strict, "کابل");
}

TEST(SearchWords, NothingButPunctuationIsNoWord) {
  EXPECT_TRUE(words("").empty());
  EXPECT_TRUE(words(" ،؛؟ — !!! ... ").empty());
}

TEST(SearchWords, InvalidUtf8IsReadAsFarAsItGoesInBoundedTime) {
  std::string text = "good \xC3\x28 text \xFF\xFE";
  for (int i = 0; i < 16; ++i) text += text;  // ~1 MB of mostly broken text
  auto found = words(text);
  EXPECT_GT(found.size(), 100000u);
  for (const auto& w : found) ASSERT_LE(w.end, text.size());
  EXPECT_EQ(found.front().strict, "good");
}

}  // namespace
