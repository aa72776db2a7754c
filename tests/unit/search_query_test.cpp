// The reader's query language (src/search/query.h): words, phrases, exclusions, prefixes;
// nothing typed is an operator, nothing typed is an error.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "search/query.h"

using khabar::search::parse_query;
using khabar::search::Term;

namespace {

std::vector<Term> terms(std::string_view typed) { return parse_query(typed).terms; }

TEST(SearchQuery, WordsPhrasesExclusionsAndPrefixes) {
  EXPECT_EQ(terms("kabul  water"), (std::vector<Term>{{"kabul"}, {"water"}}));
  EXPECT_EQ(terms("\"water supply\" kabul"),
            (std::vector<Term>{{"water supply", true}, {"kabul"}}));
  EXPECT_EQ(terms("kabul -herat -\"old news\""),
            (std::vector<Term>{{"kabul"}, {"herat", false, true}, {"old news", true, true}}));
  EXPECT_EQ(terms("jalal* ننګر*"),
            (std::vector<Term>{{"jalal", false, false, true}, {"ننګر", false, false, true}}));
  EXPECT_EQ(terms("کابل \"د اوبو\""), (std::vector<Term>{{"کابل"}, {"د اوبو", true}}));
}

TEST(SearchQuery, AnUnbalancedQuoteRunsToTheEnd) {
  EXPECT_EQ(terms("kabul \"water supply"), (std::vector<Term>{{"kabul"}, {"water supply", true}}));
  EXPECT_EQ(terms("\""), (std::vector<Term>{}));
  EXPECT_EQ(terms("a\"b c\""), (std::vector<Term>{{"a"}, {"b c", true}}));
}

TEST(SearchQuery, PunctuationAloneIsNothing) {
  EXPECT_TRUE(terms("- * -- ** \"\" !!! ،؟").empty());
  EXPECT_TRUE(parse_query("").empty());
  EXPECT_TRUE(parse_query("-kabul -herat").empty()) << "only exclusions ask for nothing";
  EXPECT_FALSE(parse_query("kabul -herat").empty());
}

TEST(SearchQuery, IndexOperatorsArePlainWords) {
  EXPECT_EQ(terms("NEAR(a b) OR title:x ^start"),
            (std::vector<Term>{{"NEAR(a"}, {"b)"}, {"OR"}, {"title:x"}, {"^start"}}));
}

TEST(SearchQuery, LongOrBrokenInputIsBounded) {
  std::string many;
  for (int i = 0; i < 100; ++i) many += "w" + std::to_string(i) + " ";
  auto q = parse_query(many);
  EXPECT_EQ(q.terms.size(), khabar::search::kMaxQueryTerms);
  std::string huge(1 << 20, 'a');
  auto one = parse_query(huge);
  ASSERT_EQ(one.terms.size(), 1u);
  EXPECT_EQ(one.terms[0].text.size(), khabar::search::kMaxQueryBytes);
  EXPECT_TRUE(parse_query("kabul \xC3\x28").empty()) << "broken UTF-8 is no query";
  // A long Pashto query is cut at a whole letter.
  std::string pashto;
  while (pashto.size() < 400) pashto += "ښ";
  auto cut = parse_query(pashto);
  ASSERT_EQ(cut.terms.size(), 1u);
  EXPECT_LE(cut.terms[0].text.size(), khabar::search::kMaxQueryBytes);
  EXPECT_EQ(cut.terms[0].text.size() % 2, 0u);
}

}  // namespace
