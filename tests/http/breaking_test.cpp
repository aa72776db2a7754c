// Issue 14: the breaking-news banner. An editor puts up one line with a link from the
// desk; it shows on every reader page at once, cached ones included (its own cache tag:
// the feeds are not dropped), in its language's direction; it ends by itself at its time
// (a cached page is kept no longer) or when taken down. Authors and contributors may not;
// a hostile link or an over-long line is refused and nothing is stored.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"

using namespace khabar;
using namespace khabar::test;

namespace {

constexpr const char* kArticle = "/kabul-opens-three-new-public-libraries-before-winter/";
const std::vector<std::string> kPages = {"/", kArticle, "/category/afghanistan/", "/tag/kabul/",
                                         "/search/?q=kabul"};

class Breaking : public OwnDemoSite {
 protected:
  // The banner of a page: its element, or null.
  static const GumboNode* banner_of(const Html& html) {
    auto found = html.by_class("breaking");
    return found.empty() ? nullptr : found[0];
  }
  std::optional<content::Banner> stored() { return open_store()->snapshot()->banner(); }
};

TEST_F(Breaking, AnEditorPutsItUpOnEveryPageAtOnceAndTakesItDown) {
  // Cached first: the banner must reach pages already in the cache.
  for (const auto& path : kPages) {
    http_get(port(), path);
    EXPECT_EQ(banner_of(Html(http_get(port(), path).body)), nullptr) << path;
  }
  EXPECT_EQ(http_get(port(), "/").header("x-cache"), "HIT");
  http_get(port(), "/feed/");
  EXPECT_EQ(http_get(port(), "/feed/").header("x-cache"), "HIT");

  auto editor = signed_in_user(port(), data_, "nadia", "editor");
  auto form = editor.get("/admin/breaking");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("No banner is on the site now."), std::string::npos);
  auto fields = form_fields(form.body, "/admin/breaking");
  set_field(fields, "text", "Earthquake in Herat: what we know so far");
  set_field(fields, "link", kArticle);
  set_field(fields, "duration", "3h");
  auto put = editor.post("/admin/breaking", fields, false);
  ASSERT_EQ(put.status, 303) << put.body;
  EXPECT_EQ(put.header("location"), "/admin/breaking?done=up");

  for (const auto& path : kPages) {
    auto page = http_get(port(), path);
    Html html(page.body);
    const GumboNode* b = banner_of(html);
    ASSERT_NE(b, nullptr) << path;
    EXPECT_EQ(Html::attr(b, "lang"), "en");
    EXPECT_EQ(Html::attr(b, "dir"), "ltr");
    EXPECT_EQ(Html::attr(b, "role"), "region");
    auto links = Html::descendants(b, "a");
    ASSERT_EQ(links.size(), 1u) << path;
    EXPECT_EQ(Html::attr(links[0], "href"), kArticle);
    EXPECT_EQ(Html::text(links[0]), "Earthquake in Herat: what we know so far");
    EXPECT_EQ(Html::text(Html::descendants(b, "strong").at(0)), "Breaking");
  }
  EXPECT_EQ(http_get(port(), "/feed/").header("x-cache"), "HIT") << "the feeds are not dropped";
  auto feed = http_get(port(), "/feed/");
  EXPECT_EQ(feed.body.find("Earthquake"), std::string::npos);

  // The desk shows what is up, who put it up and when it ends.
  auto desk = editor.get("/admin/breaking");
  EXPECT_NE(desk.body.find("On the site now"), std::string::npos);
  EXPECT_NE(desk.body.find("put up by Name nadia at "), std::string::npos)
      << desk.body.substr(desk.body.find("On the site now"), 800);

  // Taken down: gone from every page at once.
  auto down = editor.post("/admin/breaking", {{"action", "take-down"}});
  ASSERT_EQ(down.status, 303);
  for (const auto& path : kPages)
    EXPECT_EQ(banner_of(Html(http_get(port(), path).body)), nullptr) << path;
  EXPECT_FALSE(stored());
}

TEST_F(Breaking, APashtoLineRunsRightToLeftWithItsLabel) {
  auto editor = signed_in_user(port(), data_, "nadia", "editor");
  auto put = editor.post("/admin/breaking", {{"action", "put-up"},
                                             {"text", "په هرات کې زلزله"},
                                             {"link", ""},
                                             {"language", "ps"},
                                             {"duration", "none"}});
  ASSERT_EQ(put.status, 303) << put.body;
  Html html(http_get(port(), "/").body);
  const GumboNode* b = banner_of(html);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(Html::attr(b, "lang"), "ps");
  EXPECT_EQ(Html::attr(b, "dir"), "rtl");
  EXPECT_TRUE(Html::descendants(b, "a").empty()) << "no link given";
  EXPECT_EQ(Html::text(Html::descendants(b, "strong").at(0)), "بېړنی خبر");
  EXPECT_EQ(stored()->until, 0) << "until taken down";
}

TEST_F(Breaking, ItEndsByItselfEvenOnACachedPage) {
  {
    auto db = open_store();
    auto tx = db->begin();
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    tx->set_banner(content::Banner{"Polls close at six", "/", "en", now + 2, 0, now});
    ASSERT_TRUE(tx->commit());
  }
  ASSERT_NE(banner_of(Html(http_get(port(), "/").body)), nullptr);
  EXPECT_EQ(http_get(port(), "/").header("x-cache"), "HIT");
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  EXPECT_EQ(banner_of(Html(http_get(port(), "/").body)), nullptr) << "past its end";
}

TEST_F(Breaking, OnlyEditorsAndAboveAndNothingHostileIsStored) {
  for (const char* role : {"author", "contributor"}) {
    auto c = signed_in_user(port(), data_, std::string("w-") + role, role);
    EXPECT_EQ(c.get("/admin/breaking").status, 403) << role;
    EXPECT_EQ(c.get("/admin/").body.find("/admin/breaking"), std::string::npos) << role;
    auto r = c.post("/admin/breaking", {{"action", "put-up"},
                                        {"text", "Not mine to say"},
                                        {"language", "en"},
                                        {"duration", "1h"}});
    EXPECT_EQ(r.status, 403) << role;
  }
  EXPECT_FALSE(stored());

  auto editor = signed_in_user(port(), data_, "nadia", "editor");
  EXPECT_NE(editor.get("/admin/").body.find("/admin/breaking"), std::string::npos);
  auto attempt = [&](const std::string& text, const std::string& link) {
    return editor.post("/admin/breaking", {{"action", "put-up"},
                                           {"text", text},
                                           {"link", link},
                                           {"language", "en"},
                                           {"duration", "1h"}});
  };
  for (const char* link :
       {"javascript:alert(1)", "//evil.example/", "data:text/html,x", "/ok\" onmouseover=\"x"}) {
    auto r = attempt("A fine line", link);
    EXPECT_EQ(r.status, 422) << link;
    EXPECT_NE(r.body.find("The link must be a page of this site"), std::string::npos) << link;
    EXPECT_NE(r.body.find("value=\"A fine line\""), std::string::npos) << "what was typed stays";
  }
  auto long_line = attempt(std::string(201, 'x'), "");
  EXPECT_EQ(long_line.status, 422);
  EXPECT_NE(long_line.body.find("200 characters at most"), std::string::npos);
  EXPECT_EQ(attempt("   ", "").status, 422);
  EXPECT_FALSE(stored()) << "nothing refused was stored";

  // Markup typed into the line is text on the page.
  ASSERT_EQ(attempt("<b>Herat</b> & <script>x</script>", "https://example.org/live").status, 303);
  auto page = http_get(port(), "/").body;
  EXPECT_NE(page.find("&lt;b&gt;Herat&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"),
            std::string::npos);
  EXPECT_EQ(page.find("<script>x"), std::string::npos);
}

}  // namespace
