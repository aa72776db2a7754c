#include <gtest/gtest.h>

#include <fstream>

#include "content/dates.h"
#include "render/escape.h"
#include "render/markdown.h"
#include "render/strings.h"
#include "render/theme.h"

using namespace khabar::render;
using namespace khabar::content;

namespace {
const std::filesystem::path kTheme = KHABAR_SOURCE_DIR "/themes/default";
}

TEST(Markdown, ParagraphsQuotesHeadings) {
  std::string html = markdown_to_html("Intro *text*.\n\n> A quote\n\n## Sub-heading\n\nEnd.");
  EXPECT_NE(html.find("<p>Intro <em>text</em>.</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("<blockquote>\n<p>A quote</p>\n</blockquote>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2>Sub-heading</h2>"), std::string::npos) << html;
}

TEST(Markdown, RawHtmlIsEscapedNotPassedThrough) {
  std::string html = markdown_to_html("Hello <script>alert(1)</script> <img src=x onerror=y>");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
}

TEST(Markdown, UnsafeUrlSchemesAreNeutralised) {
  for (const char* md :
       {"[click](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x]( java\tscript:alert(1))",
        "![i](data:text/html,<script>)", "<javascript:alert(1)>", "[x](vbscript:msgbox)"}) {
    std::string html = markdown_to_html(md);
    for (const char* bad :
         {"=\"javascript", "=\"JavaScript", "=\" java", "=\"data:", "=\"vbscript"})
      EXPECT_EQ(html.find(bad), std::string::npos) << md << " -> " << html;
  }
  std::string ok = markdown_to_html(
      "[a](https://example.org/x?y=1) [b](/local/) [c](#top) "
      "[d](mailto:desk@example.org)");
  EXPECT_NE(ok.find("href=\"https://example.org/x?y=1\""), std::string::npos) << ok;
  EXPECT_NE(ok.find("href=\"/local/\""), std::string::npos) << ok;
  EXPECT_NE(ok.find("href=\"#top\""), std::string::npos) << ok;
  EXPECT_NE(ok.find("href=\"mailto:desk@example.org\""), std::string::npos) << ok;
}

// Found by tests/fuzz/markdown.cpp: a title ending in " href=" made the URL filter take
// the title's closing quote for the start of a link and rewrite across attributes, leaving
// the tag open to injected ones (onerror=...). Text inside attribute values is not a link.
TEST(Markdown, LinkLikeTextInATitleStaysText) {
  std::string html =
      markdown_to_html("![i](/p \"t href=\") x\" ![i](/q \"u href=\") \" onerror=alert(1) a=\")");
  EXPECT_EQ(html,
            "<p><img src=\"/p\" alt=\"i\" title=\"t href=\"> x&quot; <img src=\"/q\" alt=\"i\" "
            "title=\"u href=\"> &quot; onerror=alert(1) a=&quot;)</p>\n");
  // A real link after such a title is still filtered.
  std::string mixed = markdown_to_html("![i](/p \"t href=\") [x](javascript:alert(1))");
  EXPECT_EQ(mixed.find("javascript"), std::string::npos) << mixed;
  EXPECT_NE(mixed.find("title=\"t href=\""), std::string::npos) << mixed;
}

TEST(Escape, HtmlAndScriptSafeJson) {
  EXPECT_EQ(escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  EXPECT_EQ(script_safe_json("{\"a\":\"</script>\"}"), "{\"a\":\"\\u003c/script\\u003e\"}");
}

TEST(Dates, CivilConversionAndFormats) {
  EXPECT_EQ(iso8601(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso8601(1795790640), "2026-11-27T14:44:00Z");
  EXPECT_EQ(rfc822(1795790640), "Fri, 27 Nov 2026 14:44:00 +0000");
  EXPECT_EQ(http_date(951782400), "Tue, 29 Feb 2000 00:00:00 GMT");
  EXPECT_EQ(iso8601(-1), "1969-12-31T23:59:59Z");
}

TEST(StringTables, EnglishAndPashtoHaveTheSameKeys) {
  std::string error;
  auto table = StringTable::load(kTheme / "strings", &error);
  ASSERT_TRUE(table) << error;
  ASSERT_TRUE(table->has_language("ps"));
  for (const auto& [key, value] : table->keys("en")) {
    EXPECT_TRUE(table->keys("ps").count(key)) << "ps.toml lacks " << key;
    EXPECT_FALSE(value.empty()) << key;
  }
  EXPECT_EQ(table->get("en", "check_also"), "Check Also");
  EXPECT_EQ(table->get("ps", "home"), "کور");
  EXPECT_EQ(table->get("ps-AF", "home"), "کور");  // primary subtag
  EXPECT_EQ(table->get("de", "home"), "Home");    // English fallback
}

TEST(StringTables, FormatNumbersAndDatesPerLanguage) {
  std::string error;
  auto table = StringTable::load(kTheme / "strings", &error);
  ASSERT_TRUE(table) << error;
  EXPECT_EQ(table->format("en", "about_author", {{"name", "Mariam"}}), "About Mariam");
  EXPECT_EQ(table->number("ps", 2026), "۲۰۲۶");
  EXPECT_EQ(table->date("en", 2026, 11, 27), "27 November 2026");
  EXPECT_EQ(table->date("ps", 2026, 11, 27), "۲۷ نومبر ۲۰۲۶");
}

TEST(StringTables, BrokenTableNamesFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "khabar-strings-test";
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "en.toml") << "home = \"Home\"\nbroken = \n"; }
  std::string error;
  EXPECT_FALSE(StringTable::load(dir, &error));
  EXPECT_NE(error.find("en.toml:2"), std::string::npos) << error;
  std::filesystem::remove_all(dir);
}

TEST(Theme, DefaultThemeLoadsAndEscapesValues) {
  std::string error;
  auto theme = Theme::load(kTheme, &error);
  ASSERT_TRUE(theme) << error;
  ctemplate::TemplateDictionary dict("t");
  dict.SetValue("TITLE", "<b>\"x\"</b>");
  dict.SetValue("URL", "javascript:alert(1)");
  dict.SetValue("EXCERPT", "e");
  std::string out = theme->expand("card.tpl", dict);
  EXPECT_NE(out.find("&lt;b&gt;&quot;x&quot;&lt;/b&gt;"), std::string::npos) << out;
  EXPECT_EQ(out.find("javascript:"), std::string::npos) << out;
}
