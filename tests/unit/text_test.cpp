#include "content/text.h"

#include <gtest/gtest.h>

using namespace khabar::content;

TEST(Slug, LowercasesAsciiAndJoinsWordsWithDashes) {
  EXPECT_EQ(make_slug("Kabul Opens Three New Libraries"), "kabul-opens-three-new-libraries");
  EXPECT_EQ(make_slug("  Snow closes the Salang pass; traffic resumes!  "),
            "snow-closes-the-salang-pass-traffic-resumes");
  EXPECT_EQ(make_slug("Opinion: What a $5 loan buys"), "opinion-what-a-5-loan-buys");
}

TEST(Slug, KeepsPashtoLettersAndDropsArabicPunctuation) {
  EXPECT_EQ(make_slug("د کابل خبرونه، نن"), "د-کابل-خبرونه-نن");
  EXPECT_EQ(make_slug("ولې؟"), "ولې");
  EXPECT_EQ(make_slug("Ελληνικά γράμματα"), "Ελληνικά-γράμματα");
}

TEST(Slug, EmptyWhenNothingToKeepAndDropsInvalidBytes) {
  EXPECT_EQ(make_slug("!!! — ???"), "");
  EXPECT_EQ(make_slug(std::string("ab\xff\xfe"
                                  "cd")),
            "abcd");
  EXPECT_EQ(make_slug("a\u00a0b"), "a-b");  // no-break space separates
}

TEST(Excerpt, CutsAtWordBoundaryWithEllipsis) {
  EXPECT_EQ(make_excerpt("one two three four", 100), "one two three four");
  EXPECT_EQ(make_excerpt("one two three four", 9), "one two\u2026");
  EXPECT_EQ(make_excerpt("one two, three four", 9), "one two\u2026");  // comma trimmed
  EXPECT_EQ(make_excerpt("one   two\n\nthree", 100), "one two three");
}

TEST(Excerpt, CountsCodePointsNotBytes) {
  std::string pashto = "د کابل نانوایانو ویلي چې د ډوډۍ بیه";
  std::string cut = make_excerpt(pashto, 12);
  EXPECT_EQ(cut, "د کابل\u2026");
  EXPECT_TRUE(is_valid_utf8(cut));
}

TEST(Excerpt, SingleLongWordIsCutInsideIt) {
  EXPECT_EQ(make_excerpt("abcdefghij", 4), "abcd\u2026");
}

TEST(ReadingTime, TwoHundredWordsAMinuteAtLeastOne) {
  EXPECT_EQ(reading_minutes(""), 1);
  std::string words;
  for (int i = 0; i < 401; ++i) words += "word ";
  EXPECT_EQ(reading_minutes(words), 3);
  EXPECT_EQ(reading_minutes(std::string(200 * 5, 'x')), 1);
}

TEST(PlainText, DropsMarkdownSyntaxKeepsLinkText) {
  EXPECT_EQ(markdown_to_plain_text("## Heading\n\nSome *bold* and [a link](http://x.y) here."),
            "Heading Some bold and a link here.");
  EXPECT_EQ(markdown_to_plain_text("> quoted\n\n- item\n\n```\ncode\n```\nafter"),
            "quoted item after");
  EXPECT_EQ(markdown_to_plain_text("![alt](img.png) text"), " text");
}

TEST(Utf8, ValidatesAndCounts) {
  EXPECT_TRUE(is_valid_utf8("پښتو"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xe2\x82"));      // truncated
  EXPECT_EQ(utf8_length("پښتو"), 4u);
}

TEST(Text, SplitDropsEmptyPiecesAndIntegersAreWholeStrings) {
  EXPECT_EQ(split("/a//b/", '/'), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(split("", ',').empty());
  EXPECT_EQ(parse_integer("42"), 42);
  EXPECT_EQ(parse_integer("-7"), -7);
  EXPECT_FALSE(parse_integer(""));
  EXPECT_FALSE(parse_integer("4x"));
  EXPECT_FALSE(parse_integer(" 4"));
  EXPECT_FALSE(parse_integer("99999999999999999999"));
}
