// The text search reads and shows: an article's plain text (search/plain_text.h), the
// snippet and highlights of a result (search/snippet.h), "did you mean" distances
// (search/suggest.h), and a query typed back (search/query.h).
#include <gtest/gtest.h>

#include "content/text.h"
#include "search/plain_text.h"
#include "search/query.h"
#include "search/snippet.h"
#include "search/suggest.h"

namespace khabar::search {
namespace {

// A snippet as text, its matches in [brackets].
std::string shown(const std::vector<Piece>& pieces) {
  std::string out;
  for (const auto& p : pieces) out += p.match ? "[" + p.text + "]" : p.text;
  return out;
}

TEST(SearchPlainText, HtmlIsTheTextABrowserShows) {
  EXPECT_EQ(html_text("<p>One <b>two</b>\n  three</p><p>Four &amp; five&nbsp;six</p>"),
            "One two three\nFour & five\u00a0six");
  EXPECT_EQ(html_text("<h2>Head</h2>Text<br>after<ul><li>a</li><li>b</li></ul>"),
            "Head\nText\nafter\na\nb");
  EXPECT_EQ(html_text("<figure><img src=x alt='not text'><figcaption>Caption</figcaption>"
                      "</figure><table><tr><td>c1</td><td>c2</td></tr></table>"),
            "Caption\nc1\nc2");
  EXPECT_EQ(html_text("a<script>evil()</script><style>p{}</style><!-- note -->b"), "ab");
  EXPECT_EQ(html_text("<p>د <em>کابل</em> ښار</p>"), "د کابل ښار");
  EXPECT_EQ(html_text(""), "");
  EXPECT_EQ(html_text("a < b &copy; &#x41;&#66; &#0; &bogus"), "a < b &copy; AB \ufffd &bogus")
      << "a '<' that opens no tag, unknown references and a stray '&' stay text";
  EXPECT_EQ(html_text("<a href=\"x>y\" title='>'>link</a>"), "link") << "'>' in quotes";
  EXPECT_EQ(html_text("<SCRIPT>x</Script>after<p>unclosed"), "after\nunclosed");
}

TEST(SearchPlainText, DeepNestingCostsNoStack) {
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<span>";
  deep += "word";
  EXPECT_EQ(html_text(deep), "word");
}

TEST(SearchPlainText, MarkdownIsReadAsRendered) {
  EXPECT_EQ(
      body_text("# Title\n\nSome *emphasis* and a [link](https://example.org).\n\n- one\n", ""),
      "Title\nSome emphasis and a link.\none");
  EXPECT_EQ(body_text("ignored markdown", "<p>HTML wins</p>"), "HTML wins") << "imports";
  EXPECT_EQ(body_text("<b>x</b> raw", ""), "<b>x</b> raw")
      << "Markdown's HTML is shown as text, so it is text";
  EXPECT_EQ(body_text("<script>x</script> raw", ""), "raw")
      << "but a pasted script is dropped (render/embeds.h)";
}

TEST(SearchPlainText, AStandfirstMadeFromTheBodyIsKnown) {
  std::string body = "Floods in Kunar cut the road to Asadabad.\nThe province asked for help.";
  std::string made = khabar::content::make_excerpt(body, 30);
  EXPECT_TRUE(repeats_opening(made, body)) << made;
  EXPECT_TRUE(repeats_opening("Floods in Kunar cut the road\u2026", body));
  EXPECT_TRUE(repeats_opening("Floods  in\nKunar...", body)) << "spaces do not count";
  EXPECT_TRUE(repeats_opening("په کونړ کې سېلاب…", "په کونړ کې سېلابونه"));
  EXPECT_FALSE(repeats_opening("Roads cut in Kunar", body)) << "written for the story";
  EXPECT_FALSE(repeats_opening("Floods in Kunar cut the road to Jalalabad", body));
  EXPECT_FALSE(repeats_opening("", body));
  EXPECT_FALSE(repeats_opening("…", body));
  EXPECT_FALSE(repeats_opening("Floods in Kunar", "")) << "no body: the standfirst stays";
}

TEST(SearchSnippet, TheWindowHoldsTheMatchesWithWordsBefore) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "filler" + std::to_string(i) + " ";
  text += "the election in Herat was delayed";
  for (int i = 0; i < 100; ++i) text += " tail" + std::to_string(i);
  auto s = snippet(text, parse_query("elections herat"), 12);
  EXPECT_TRUE(s.cut_before);
  EXPECT_TRUE(s.cut_after);
  std::string got = shown(s.pieces);
  EXPECT_NE(got.find("the [election] in [Herat] was delayed"), std::string::npos) << got;
  EXPECT_NE(got.find("filler"), std::string::npos) << "words to read the match by: " << got;
}

TEST(SearchSnippet, NoMatchGivesTheOpeningAndExclusionsAreNotMarked) {
  auto s = snippet("Flood waters rose overnight in the east.", parse_query("storm -flood"), 4);
  EXPECT_EQ(shown(s.pieces), "Flood waters rose overnight");
  EXPECT_FALSE(s.cut_before);
  EXPECT_TRUE(s.cut_after);
}

TEST(SearchSnippet, PrefixesSpellingsAndPhrasesAreMarkedAsWritten) {
  EXPECT_EQ(shown(highlight("Jalalabad and Jalal", parse_query("jalal*"))),
            "[Jalalabad] and [Jalal]");
  // ښار typed with a Persian keyboard (شار) finds and marks the Pashto spelling.
  EXPECT_EQ(shown(highlight("د ښار خلک", parse_query("شار"))), "د [ښار] خلک");
  EXPECT_EQ(shown(highlight("كابل ته", parse_query("کابل"))), "[كابل] ته") << "Arabic kaf";
  EXPECT_EQ(shown(highlight("Water talks resume", parse_query("\"water talks\""))),
            "[Water] [talks] resume");
  EXPECT_EQ(shown(highlight("رړ", parse_query("رر"))), "رړ") << "ړ is not ر";
}

TEST(SearchSnippet, LinesBecomeSpacesAndLongTextsAreReadOnlyInPart) {
  EXPECT_EQ(shown(snippet("one\ntwo", parse_query("two")).pieces), "one [two]");
  std::string long_text(kSnippetScanBytes + 100, 'a');
  long_text += " needle";
  auto s = snippet(long_text, parse_query("needle"));
  EXPECT_TRUE(s.cut_after);
  EXPECT_EQ(shown(s.pieces).find('['), std::string::npos);
}

TEST(SearchSuggest, EditDistanceCountsLettersNotBytes) {
  EXPECT_EQ(edit_distance("kabul", "kabul", 2), 0);
  EXPECT_EQ(edit_distance("kabul", "kabol", 2), 1);
  EXPECT_EQ(edit_distance("kabul", "kbaul", 2), 1) << "a swap of neighbours is one";
  EXPECT_EQ(edit_distance("herat", "hrt", 2), 2);
  EXPECT_EQ(edit_distance("herat", "x", 2), 3) << "past the limit: limit + 1";
  EXPECT_EQ(edit_distance("ننګرهار", "ننگرهار", 2), 1) << "one Pashto letter, two bytes";
  EXPECT_EQ(edit_distance("", "ab", 2), 2);
}

TEST(SearchSuggest, TheClosestFrequentWordWins) {
  std::vector<Known> known{{"irrigation", 3}, {"irritation", 40}, {"irrigate", 5}};
  EXPECT_EQ(closest("irigation", known), "irrigation") << "nearer beats more frequent";
  std::vector<Known> tie{{"kabal", 2}, {"kabul", 90}};
  EXPECT_EQ(closest("kabel", tie), "kabul") << "equally near: the more frequent";
  EXPECT_EQ(closest("kabul", {{"kabul", 9}}), std::nullopt) << "never the word itself";
  EXPECT_EQ(closest("cat", {{"cart", 5}, {"dog", 9}}), "cart");
  EXPECT_EQ(closest("cat", {{"coast", 5}}), std::nullopt) << "short words: one edit at most";
  EXPECT_EQ(spelling_tolerance(4), 1);
  EXPECT_EQ(spelling_tolerance(5), 2);
}

TEST(SearchQueryText, AQueryTypedBackParsesTheSame) {
  for (const char* typed : {"kabul", "\"water talks\" -flood jalal*", "ننګر* -\"د کابل\""}) {
    Query q = parse_query(typed);
    EXPECT_EQ(parse_query(to_string(q)).terms, q.terms) << typed;
  }
  EXPECT_EQ(to_string(parse_query("  a   b ")), "a b");
}

TEST(SearchQueryText, LoosenedChangesOnlyArabicScriptWords) {
  EXPECT_EQ(loosened(parse_query("kabul herat")), std::nullopt);
  auto q = loosened(parse_query("ښار kabul"));
  ASSERT_TRUE(q);
  EXPECT_EQ(to_string(*q), "شار kabul");
}

}  // namespace
}  // namespace khabar::search
