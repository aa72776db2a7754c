// Issue 13: no imported site has a read-only archive. Every story imported from WordPress
// (the theme unit test export, and an export generated here from WordPress's own kinds of
// markup) opens in the editor with its whole text; saving it unchanged changes nothing a
// reader sees, and changing one word changes that word only.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "content/urls.h"
#include "store/open.h"
#include "support/admin_client.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

const std::filesystem::path kFixture = theme_unit_test_export();

// What WordPress's editors write, block by block: each generated post is a mix of these.
const std::vector<std::string> kBlocks = {
    "<p>Farmers in <strong>Helmand</strong> say the <em>canal</em> has been dry since "
    "March.</p>",
    "<h2>What the council said</h2>\n<p>The council met on Sunday &amp; agreed nothing.</p>",
    "<ul>\n<li>Wheat prices rose</li>\n<li>Bread prices followed<ul><li>in Kabul</li></ul></li>"
    "\n</ul>",
    "<ol start=\"3\"><li>third</li><li>fourth</li></ol>",
    "<blockquote><p>“We have waited three winters,” said a farmer.</p><cite>Abdul</cite>"
    "</blockquote>",
    "<table><thead><tr><th>Province</th><th>Rain (mm)</th></tr></thead><tbody><tr><td>Herat"
    "</td><td>12</td></tr><tr><td>Balkh</td><td>7</td></tr></tbody></table>",
    "[caption id=\"attachment_12\" align=\"alignright\" width=\"300\"]<img "
    "src=\"https://example.org/wp-content/uploads/2019/03/canal.jpg\" alt=\"The dry canal\" "
    "width=\"300\" height=\"200\" /> The canal near Lashkar Gah[/caption]",
    "<p>Read the <a href=\"https://example.org/report/\" title=\"report\">full report</a> and "
    "<a href=\"/about/\">about us</a>.</p>",
    "<p>Line one<br />\nline two<br>line three</p>",
    "<pre><code>if (rain) { plant(); }</code></pre>",
    "<p dir=\"rtl\" lang=\"ps\">د هلمند بزګران وايي چې ویاله وچه ده.</p>",
    "Paragraphs without markup, as WordPress's editor stores them.\n\nA second one with an "
    "ampersand & and a less-than sign 3 < 4.",
    "<figure class=\"wp-block-image\"><img src=\"https://example.org/a.jpg\" alt=\"Market\" />"
    "<figcaption>The market at dawn</figcaption></figure>",
    "<p>Text with a <span style=\"color:red\">style</span>, a <script>alert(1)</script> and "
    "<iframe src=\"https://evil.example/\"></iframe> removed.</p>",
    "<hr />\n<p><sup>1</sup> A footnote, <sub>small</sub>, <del>struck</del> <ins>added"
    "</ins>.</p>",
    "<dl><dt>Term</dt><dd>Its meaning in several words here</dd></dl>",
};

std::string generated_export(const std::string& header, int posts) {
  std::string xml = header;
  for (int i = 0; i < posts; ++i) {
    std::string body;
    for (std::size_t b = 0; b < kBlocks.size(); ++b)
      if ((i + 1) * (b + 3) % 5 < 3) body += kBlocks[b] + "\n\n";
    std::string slug = "generated-" + std::to_string(i);
    xml += "<item><title>Generated story " + std::to_string(i) + "</title><wp:post_id>" +
           std::to_string(800000 + i) + "</wp:post_id><wp:post_name>" + slug +
           "</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
           "<wp:post_date_gmt>2021-02-0" +
           std::to_string(i % 9 + 1) + " 10:00:00</wp:post_date_gmt><content:encoded><![CDATA[" +
           body + "]]></content:encoded></item>\n";
  }
  return xml + "</channel></rss>";
}

// What a reader sees of an article on its page: the <article> element, without the time
// it was last updated (a save is an update).
std::string seen(int port, const std::string& slug) {
  auto page = http_get(port, khabar::content::article_url(slug));
  if (page.status != 200) return "status " + std::to_string(page.status);
  auto start = page.body.find("<article");
  auto end = page.body.find("</article>");
  if (start == std::string::npos || end == std::string::npos) return "no article";
  std::string article = page.body.substr(start, end - start);
  static const std::regex updated("<span>Updated <time[^>]*>[^<]*</time></span>");
  return std::regex_replace(article, updated, "");
}

// Where `a` and `b` first differ, with a little of each around it; "" when equal.
std::string difference(const std::string& a, const std::string& b) {
  if (a == b) return "";
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::size_t from = i < 80 ? 0 : i - 80;
  return "at byte " + std::to_string(i) + ":\n  " + a.substr(from, 200) + "\nvs\n  " +
         b.substr(from, 200);
}

class ImportedStories : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    auto init = run_khabar({"init", "--data", data_.string(), "--url", "http://127.0.0.1:1"});
    ASSERT_EQ(init.exit_code, 0) << init.output;
  }
  void import(const std::filesystem::path& file) {
    auto r = run_khabar({"import", "wordpress", "--data", data_.string(), file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }

  // Opens every imported story in the editor, saves it unchanged, then with one word
  // changed, and compares what readers see each time.
  void every_story_round_trips() {
    ServerProcess server(data_, {"--cache-mb", "0"});
    AdminClient admin = signed_in_user(server.port(), data_, "chief", "administrator");
    auto db = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
    khabar::store::DeskFilter all;
    all.limit = 100000;
    int stories = 0, changed_words = 0;
    for (const auto& listed : db->snapshot()->desk_articles(all)) {
      auto before = db->snapshot()->article_for_edit(listed.id);
      ASSERT_TRUE(before);
      const auto& body = before->fields.body_html;
      if (body.empty()) continue;  // an empty WordPress post
      SCOPED_TRACE(listed.slug);
      ++stories;
      bool published = listed.status == khabar::content::Status::Published;
      std::string edit = "/admin/articles/" + std::to_string(listed.id) + "/edit";
      std::string seen_before = published ? seen(server.port(), listed.slug) : "";

      // The editor holds the whole text, as HTML.
      auto form = admin.get(edit);
      ASSERT_EQ(form.status, 200);
      Fields fields = form_fields(form.body, edit);
      EXPECT_EQ(difference(field(fields, "body"), body), "");
      EXPECT_EQ(field(fields, "format"), "html");
      auto saved = admin.post(edit, fields, false);
      ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
      auto after = db->snapshot()->article_for_edit(listed.id);
      EXPECT_EQ(difference(after->fields.body_html, body), "");  // byte-identical
      EXPECT_EQ(after->fields.body_markdown, "");
      EXPECT_EQ(after->fields.excerpt, before->fields.excerpt);
      EXPECT_EQ(after->fields.title, before->fields.title);
      EXPECT_EQ(after->fields.status, before->fields.status);
      EXPECT_EQ(after->fields.category_id, before->fields.category_id);
      EXPECT_EQ(after->fields.extra_category_ids, before->fields.extra_category_ids);
      EXPECT_EQ(after->tag_names, before->tag_names);
      EXPECT_EQ(after->fields.featured_image, before->fields.featured_image);
      EXPECT_EQ(after->version, before->version + 1);
      if (published) {
        EXPECT_EQ(difference(seen(server.port(), listed.slug), seen_before), "");
      }

      // One word changed: that word only. A word of the text, after a space, outside tags.
      static const std::regex word("(>[^<]*?\\s)([A-Za-z]{5,})(?=[\\s,.;:])");
      std::smatch m;
      if (!std::regex_search(body, m, word)) continue;
      std::string old_word = m[2].str();
      auto at = static_cast<std::size_t>(m.position(2));
      std::string changed = body.substr(0, at) + "Zebrafish" + body.substr(at + old_word.size());
      form = admin.get(edit);
      fields = form_fields(form.body, edit);
      set_field(fields, "body", changed);
      saved = admin.post(edit, fields, false);
      ASSERT_EQ(saved.status, 303);
      EXPECT_EQ(difference(db->snapshot()->article_for_edit(listed.id)->fields.body_html, changed),
                "");
      if (published) {
        // The page shows the new word once, and with the old word back is the page before.
        std::string page = seen(server.port(), listed.slug);
        auto shown = page.find("Zebrafish");
        ASSERT_NE(shown, std::string::npos);
        EXPECT_EQ(page.find("Zebrafish", shown + 1), std::string::npos);
        page.replace(shown, 9, old_word);
        EXPECT_EQ(difference(page, seen_before), "");
      }
      ++changed_words;
    }
    EXPECT_GT(stories, 10);
    EXPECT_GT(changed_words, stories / 2);
  }

  TempDir dir_;
  std::filesystem::path data_;
};

TEST_F(ImportedStories, EveryStoryOfTheThemeUnitTestOpensWholeAndSavesAsItWas) {
  import(kFixture);
  every_story_round_trips();
}

TEST_F(ImportedStories, EveryStoryOfAGeneratedExportOpensWholeAndSavesAsItWas) {
  std::string header = read_file(kFixture);
  header = header.substr(0, header.find("<wp:author>"));
  auto path = dir_.path() / "generated.xml";
  std::ofstream(path, std::ios::binary) << generated_export(header, 24);
  import(path);
  every_story_round_trips();
}

// Summaries are text only, everywhere a reader or a crawler sees one: cards, the meta
// description, Open Graph, RSS and Atom, Check Also.
TEST_F(ImportedStories, SummariesAreTextOnlyEverywhere) {
  std::string header = read_file(kFixture);
  header = header.substr(0, header.find("<wp:author>"));
  auto item = [](int id, const std::string& slug, const std::string& excerpt,
                 const std::string& body) {
    return "<item><title>Story " + slug + "</title><wp:post_id>" + std::to_string(id) +
           "</wp:post_id><wp:post_name>" + slug +
           "</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
           "<category domain=\"category\" nicename=\"markets\"><![CDATA[Markets]]></category>"
           "<wp:post_date_gmt>2024-05-0" +
           std::to_string(id % 9 + 1) + " 10:00:00</wp:post_date_gmt><excerpt:encoded><![CDATA[" +
           excerpt + "]]></excerpt:encoded><content:encoded><![CDATA[" + body +
           "]]></content:encoded></item>\n";
  };
  std::string xml =
      header +
      item(700001, "wheat", "",
           "[poll id=\"3\"]<iframe src=\"https://evil.example/\"></iframe><p>Wheat "
           "<strong>prices</strong> rose [su_box style=\"x\"]again[/su_box] in Herat.</p>") +
      item(700002, "bread", "<p>Bread <em>costs</em> more <script>alert(1)</script>[gallery]</p>",
           "<p>Bakers in Kabul raised prices.</p>") +
      "</channel></rss>";
  auto path = dir_.path() / "summaries.xml";
  std::ofstream(path, std::ios::binary) << xml;
  import(path);
  ServerProcess server(data_, {"--cache-mb", "0"});
  auto clean = [](const std::string& where, const std::string& text) {
    for (std::string bad : {"[poll", "[su_box", "[/su_box", "[gallery", "<", ">", "&lt;", "&gt;",
                            "evil", "alert", "<strong>", "<em>"})
      EXPECT_EQ(text.find(bad), std::string::npos) << where << ": " << text;
  };
  for (std::string slug : {"wheat", "bread"}) {
    auto page = http_get(server.port(), "/" + slug + "/");
    ASSERT_EQ(page.status, 200);
    Html html(page.body);
    bool described = false;
    for (const auto* meta : html.all("meta")) {
      std::string name = Html::attr(meta, "name") + Html::attr(meta, "property");
      if (name == "description" || name == "og:description" || name == "twitter:description") {
        clean(slug + " " + name, Html::attr(meta, "content"));
        described = true;
      }
    }
    EXPECT_TRUE(described) << slug;
    for (const auto* aside : html.by_class("check-also"))
      clean(slug + " check also", Html::text(aside));
  }
  auto wheat = khabar::store::open_store({.location = (data_ / "khabar.db").string()})
                   ->snapshot()
                   ->published_by_slug("wheat");
  ASSERT_TRUE(wheat);
  EXPECT_EQ(wheat->excerpt, "Wheat prices rose again in Herat.");
  Html home(http_get(server.port(), "/").body);
  int cards = 0;
  for (const auto* card : home.all("article")) clean("home card", Html::text(card)), ++cards;
  EXPECT_GE(cards, 2);
  for (std::string feed : {"/feed/", "/feed/atom/"}) {
    std::string text = http_get(server.port(), feed).body;
    static const std::regex summary("<(description|summary)[^>]*>([^<]*)</(description|summary)>");
    int summaries = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), summary), end; it != end; ++it)
      clean(feed, (*it)[2].str()), ++summaries;
    EXPECT_GE(summaries, 2) << feed;
  }
}

}  // namespace
