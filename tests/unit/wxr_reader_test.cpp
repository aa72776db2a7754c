// The streaming WXR reader on the real WordPress theme-unit-test export and on broken files.
#include "importers/wxr_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.h"

using namespace khabar::importers;

namespace {

const std::filesystem::path kFixture =
    std::filesystem::path(KHABAR_FIXTURES_DIR) / "wxr/themeunittestdata.wordpress.xml";

struct Counter : WxrHandler {
  WxrSite s;
  int authors = 0, categories = 0, tags = 0, items = 0, comments = 0, threaded = 0, posts = 0;
  std::vector<WxrItem> sample;
  void site(const WxrSite& x) override { s = x; }
  void author(const WxrAuthor&) override { ++authors; }
  void category(const WxrTerm&) override { ++categories; }
  void tag(const WxrTerm&) override { ++tags; }
  void item(const WxrItem& i) override {
    ++items;
    posts += i.post_type == "post";
    comments += static_cast<int>(i.comments.size());
    for (const auto& c : i.comments) threaded += c.parent != 0;
    if (sample.size() < 200) sample.push_back(i);
  }
};

std::optional<WxrError> read_text(const std::string& xml, WxrHandler& h) {
  khabar::test::TempDir dir;
  auto path = dir.path() / "export.xml";
  std::ofstream(path, std::ios::binary) << xml;
  return read_wxr(path, h);
}

const std::string kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
    "xmlns:wp=\"http://wordpress.org/export/1.2/\" "
    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n";

}  // namespace

TEST(WxrReader, ReadsTheThemeUnitTestExport) {
  Counter c;
  auto error = read_wxr(kFixture, c);
  ASSERT_FALSE(error) << error->message;
  EXPECT_EQ(c.s.version, "1.2");
  EXPECT_EQ(c.s.title, "Theme Unit Test Data");
  EXPECT_EQ(c.authors, 2);
  EXPECT_EQ(c.categories, 68);
  EXPECT_EQ(c.tags, 110);
  EXPECT_EQ(c.items, 186);
  EXPECT_EQ(c.comments, 33);
  EXPECT_EQ(c.threaded, 10);
  int sticky = 0;
  for (const auto& i : c.sample) sticky += i.sticky;
  EXPECT_EQ(sticky, 1);
}

TEST(WxrReader, BrokenFilesNameTheLineAndColumn) {
  Counter c;
  std::ifstream in(kFixture, std::ios::binary);
  std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto truncated = read_text(whole.substr(0, whole.size() / 2), c);
  ASSERT_TRUE(truncated);
  EXPECT_NE(truncated->message.find("export.xml:"), std::string::npos) << truncated->message;
  EXPECT_GT(truncated->line, 1000);

  auto bad_utf8 = read_text(kHeader +
                                "<wp:wxr_version>1.2</wp:wxr_version>\n<item><title>caf\xC3\x28</"
                                "title></item></channel></rss>",
                            c);
  ASSERT_TRUE(bad_utf8);
  EXPECT_EQ(bad_utf8->line, 5);  // the <item> line
  EXPECT_NE(bad_utf8->message.find(":5:"), std::string::npos) << bad_utf8->message;

  auto version = read_text(kHeader + "<wp:wxr_version>2.0</wp:wxr_version></channel></rss>", c);
  ASSERT_TRUE(version);
  EXPECT_NE(version->message.find("WXR version '2.0'"), std::string::npos) << version->message;

  auto not_wxr = read_text("<?xml version=\"1.0\"?><html><body/></html>", c);
  ASSERT_TRUE(not_wxr);
  EXPECT_NE(not_wxr->message.find("not a WordPress export"), std::string::npos);

  // "]]>" split across two CDATA sections is how WordPress writes it: that is fine.
  Counter ok;
  auto split = read_text(kHeader +
                             "<wp:wxr_version>1.2</wp:wxr_version><item><title>t</title>"
                             "<content:encoded><![CDATA[a ]]]]><![CDATA[> b]]></content:encoded>"
                             "<wp:post_type>post</wp:post_type></item></channel></rss>",
                         ok);
  ASSERT_FALSE(split) << split->message;
  ASSERT_EQ(ok.sample.size(), 1u);
  EXPECT_EQ(ok.sample[0].content, "a ]]> b");
  // A "]]>" that ends a CDATA section too early leaves broken XML.
  auto early =
      read_text(kHeader +
                    "<wp:wxr_version>1.2</wp:wxr_version><item><content:encoded><![CDATA[a ]]> "
                    "b]]></content:encoded></item></channel></rss>",
                c);
  ASSERT_TRUE(early);
}
