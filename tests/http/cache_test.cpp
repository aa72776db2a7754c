// The page cache on a real server: hits equal fresh renders, and each kind of change
// shows at once on exactly the pages that show it (changes written to the same SQLite
// file by another process, as the command line and other nodes do).
#include <gtest/gtest.h>

#include <regex>

#include "http/compression.h"
#include "store/sqlite/sqlite_store.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"

using namespace khabar;
using namespace khabar::test;

namespace {

constexpr const char* kArticle = "/kabul-opens-three-new-public-libraries-before-winter/";
constexpr const char* kKhost = "/khost-students-build-a-solar-charging-kiosk-for-their-market/";
constexpr const char* kSport = "/national-cricket-team-names-three-uncapped-players/";

// The comment form's token carries the time the page was rendered; two renders of the
// same page differ there only.
std::string without_token(std::string body) {
  return std::regex_replace(body, std::regex("name=\"_token\" value=\"[^\"]*\""), "TOKEN");
}

class Cache : public OwnDemoSite {
 protected:
  std::string x_cache(const std::string& target) {
    return http_get(port(), target).header("x-cache");
  }
  void warm(std::initializer_list<const char*> targets) {
    for (auto t : targets) http_get(port(), t);
  }
};

}  // namespace

TEST_F(Cache, AHitEqualsAFreshRenderByteForByte) {
  auto miss = http_get(port(), kArticle);
  auto hit = http_get(port(), kArticle);
  EXPECT_EQ(miss.header("x-cache"), "MISS");
  EXPECT_EQ(hit.header("x-cache"), "HIT");
  // Byte for byte but the comment form's token, which every response makes anew.
  EXPECT_EQ(without_token(hit.body), without_token(miss.body));
  EXPECT_EQ(hit.header("etag"), miss.header("etag"));
  ServerProcess uncached(data_, {"--cache-mb", "0"});
  for (const char* target : {kArticle, "/", "/category/world/asia/", "/tag/kabul/", "/feed/"}) {
    auto cached = http_get(port(), target);
    auto fresh = http_get(uncached.port(), target);
    ASSERT_EQ(fresh.status, 200) << target;
    EXPECT_EQ(fresh.header("x-cache"), "");
    EXPECT_EQ(without_token(cached.body), without_token(fresh.body)) << target;
  }
  // Encodings from the cache decode to the same page; Vary and 304 work from it. Pages
  // with a comment form go out in gzip (its fresh token cannot be spliced into brotli).
  auto br = http_get(port(), "/", {"Accept-Encoding: br"});
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_EQ(br.header("vary"), "Accept-Encoding");
  auto gz = http_get(port(), kArticle, {"Accept-Encoding: br, gzip"});
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  auto inflated = khabar::http::gzip_decompress(gz.body, 1 << 24);
  ASSERT_TRUE(inflated);
  EXPECT_EQ(without_token(*inflated), without_token(hit.body));
  auto not_modified = http_get(port(), kArticle, {"If-None-Match: " + hit.header("etag")});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_EQ(not_modified.header("x-cache"), "HIT");
}

TEST_F(Cache, ANewApprovedCommentDropsItsArticlePageOnly) {
  warm({kArticle, kKhost, "/", "/category/afghanistan/"});
  auto db = open_store();
  auto article =
      db->snapshot()->published_by_slug("kabul-opens-three-new-public-libraries-before-winter");
  store::NewComment c;
  c.article_id = article->id;
  c.author_name = "Late Reader";
  c.body = "A comment that arrived after the page was cached.";
  c.status = content::CommentStatus::Approved;
  ASSERT_TRUE(db->add_reader_comment(c));
  auto page = http_get(port(), kArticle);
  EXPECT_EQ(page.header("x-cache"), "MISS");
  EXPECT_NE(page.body.find("arrived after the page was cached"), std::string::npos);
  EXPECT_NE(page.body.find("5 Comments"), std::string::npos);
  for (const char* other : {kKhost, "/", "/category/afghanistan/"})
    EXPECT_EQ(x_cache(other), "HIT") << other;
}

TEST_F(Cache, AnEditedArticleDropsItsPageListingsAndCheckAlso) {
  // kKhost is the Check Also of kArticle; the sport article shows neither.
  ASSERT_NE(http_get(port(), kArticle).body.find(kKhost), std::string::npos);
  warm({kKhost, "/", "/category/afghanistan/", "/tag/solar/", kSport, "/category/sport/",
        "/tag/cricket/"});
  auto db = open_store();
  auto khost = db->snapshot()->published_by_slug(
      "khost-students-build-a-solar-charging-kiosk-for-their-market");
  store::NewArticle edited;
  edited.slug = khost->slug;
  edited.title = "Khost students' solar kiosk now charges 200 phones a day";
  edited.excerpt = khost->excerpt;
  edited.body_markdown = khost->body_markdown;
  edited.status = content::Status::Published;
  edited.language = khost->language;
  edited.category_id = khost->category_id;
  for (const auto& a : khost->authors) edited.author_ids.push_back(a.id);
  for (const auto& t : khost->tags) edited.tag_ids.push_back(t.id);
  edited.published_at = khost->published_at;
  auto tx = db->begin();
  ASSERT_TRUE(tx->update_article(khost->id, edited));
  ASSERT_TRUE(tx->commit());
  for (const char* shows : {kKhost, "/category/afghanistan/", "/tag/solar/", kArticle}) {
    auto r = http_get(port(), shows);
    EXPECT_EQ(r.header("x-cache"), "MISS") << shows;
    EXPECT_NE(r.body.find("now charges 200 phones a day"), std::string::npos) << shows;
  }
  for (const char* unrelated : {kSport, "/category/sport/", "/tag/cricket/"})
    EXPECT_EQ(x_cache(unrelated), "HIT") << unrelated;
}

TEST_F(Cache, RenamedCategoryAndChangedSettingsShowEverywhere) {
  warm({"/", kSport, "/tag/cricket/", "/about/"});
  auto db = open_store();
  auto tx = db->begin();
  ASSERT_TRUE(tx->rename_category(*tx->category_id_by_path("sport"), "Sports"));
  ASSERT_TRUE(tx->commit());
  for (const char* target : {"/", kSport, "/tag/cricket/", "/about/"}) {
    auto r = http_get(port(), target);
    EXPECT_EQ(r.header("x-cache"), "MISS") << target;
    EXPECT_NE(r.body.find(">Sports</a>"), std::string::npos) << target;
  }
  auto settings = run_khabar({"settings", "--data", data_.string(), "title", "Khabar Daily"});
  ASSERT_EQ(settings.exit_code, 0) << settings.output;
  for (const char* target : {"/", kSport, "/feed/"})
    EXPECT_NE(http_get(port(), target).body.find("Khabar Daily"), std::string::npos) << target;
}

TEST_F(Cache, LoggedInReadersNeverGetOrFillTheCache) {
  AdminClient staff = signed_in_user(port(), data_, "cache-editor", "editor");
  auto personal = http_get(port(), kSport, {"Cookie: khabar_session=" + staff.session()});
  EXPECT_EQ(personal.status, 200);
  EXPECT_EQ(personal.header("x-cache"), "BYPASS");
  EXPECT_EQ(x_cache(kSport), "MISS");  // the bypass did not fill it
  EXPECT_EQ(x_cache(kSport), "HIT");
  EXPECT_EQ(
      http_get(port(), kSport, {"Cookie: khabar_session=" + staff.session()}).header("x-cache"),
      "BYPASS");
  EXPECT_EQ(http_get(port(), std::string(kSport) + "?replytocom=1").header("x-cache"), "BYPASS");
  // Issue 18, finding 10: a junk session cookie no longer forces a render, and visitors
  // from social networks and newsletters share the cached page.
  EXPECT_EQ(http_get(port(), kSport, {"Cookie: khabar_session=abc"}).header("x-cache"), "HIT");
  EXPECT_EQ(http_get(port(), kSport, {"Cookie: khabar_session=" + std::string(64, 'a')})
                .header("x-cache"),
            "HIT");
  EXPECT_EQ(http_get(port(), kSport, {"Cookie: khabar_comments=forged"}).header("x-cache"), "HIT");
  for (const char* q : {"?utm_source=facebook&utm_medium=social", "?fbclid=IwAR0x", "?gclid=abc"}) {
    auto shared = http_get(port(), std::string(kSport) + q);
    EXPECT_EQ(shared.header("x-cache"), "HIT") << q;
    EXPECT_EQ(shared.body.find("utm_source"), std::string::npos) << q;  // nor in canonical links
  }
}

// Issue 17: /robots.txt keeps crawlers out of the admin, search results and an article's
// copies (a reply form, a shown embed), names the sitemaps, and adds the newsroom's own
// lines (a setting): a change shows at once, though robots.txt is cached like a page.
TEST_F(Cache, RobotsTxtKeepsCrawlersOutOfTheAdminAndSearchAndTakesItsSetting) {
  auto robots = http_get(port(), "/robots.txt");
  ASSERT_EQ(robots.status, 200);
  EXPECT_EQ(robots.header("content-type"), "text/plain; charset=utf-8");
  for (const char* line : {"User-agent: *\n", "Disallow: /admin/\n", "Disallow: /search/\n",
                           "Disallow: /*?replytocom=\n", "Disallow: /*?embed=\n", "Allow: /\n"})
    EXPECT_NE(robots.body.find(line), std::string::npos) << line << robots.body;
  // The sitemaps by absolute URL, as the protocol asks.
  auto store = open_store();
  std::string site = store->snapshot()->setting("url").value_or("");
  store.reset();
  ASSERT_FALSE(site.empty());
  for (std::string line :
       {"Sitemap: " + site + "/sitemap.xml\n", "Sitemap: " + site + "/news-sitemap.xml\n"})
    EXPECT_NE(robots.body.find(line), std::string::npos) << line << robots.body;
  EXPECT_EQ(x_cache("/robots.txt"), "HIT");
  auto set = run_khabar(
      {"settings", "--data", data_.string(), "robots_extra", "User-agent: GPTBot\nDisallow: /"});
  ASSERT_EQ(set.exit_code, 0) << set.output;
  robots = http_get(port(), "/robots.txt");
  EXPECT_NE(robots.body.find("\nUser-agent: GPTBot\nDisallow: /\n"), std::string::npos)
      << robots.body;
  EXPECT_EQ(http_get(port(), "/robots.txt/").status, 404);
}

// Issue 17: every page names its card for shared links (twitter:card: large with a
// picture, else the summary card), and the newsroom's X account when it is set; a
// featured picture's og:image comes with its size and alt text.
TEST_F(Cache, EveryPageHasASocialCardAndAPictureItsSize) {
  auto meta = [&](const std::string& target, const std::string& key) {
    Html html(http_get(port(), target).body);
    auto* m = html.first("meta", "name", key);
    if (!m) m = html.first("meta", "property", key);
    return m ? Html::attr(m, "content") : std::string("(none)");
  };
  for (const char* target : {"/", kArticle, kSport, "/tag/cricket/", "/about/"}) {
    EXPECT_EQ(meta(target, "twitter:card"), "summary") << target;
    EXPECT_EQ(meta(target, "twitter:site"), "(none)") << target;
  }
  {
    auto db = open_store();
    auto tx = db->begin();
    store::NewMedia m;
    m.original = {"2026/11/0123456789abcdef.jpg", "image/jpeg", 1600, 900, 200000};
    m.alt = "Readers in the new library in Karte Char";
    auto media = tx->add_media(m).or_throw();
    auto id = *tx->article_id_by_slug("kabul-opens-three-new-public-libraries-before-winter");
    auto edit = db->snapshot()->article_for_edit(id);
    edit->fields.featured_media_id = media;
    edit->fields.featured_image = "/media/" + m.original.file;
    ASSERT_TRUE(tx->update_article(id, edit->fields));
    ASSERT_TRUE(tx->commit());
  }
  EXPECT_EQ(meta(kArticle, "twitter:card"), "summary_large_image");
  EXPECT_TRUE(meta(kArticle, "og:image").ends_with("/media/2026/11/0123456789abcdef.jpg"));
  EXPECT_EQ(meta(kArticle, "og:image:width"), "1600");
  EXPECT_EQ(meta(kArticle, "og:image:height"), "900");
  EXPECT_EQ(meta(kArticle, "og:image:alt"), "Readers in the new library in Karte Char");
  auto set = run_khabar({"settings", "--data", data_.string(), "x_handle", "@khabar_news"});
  ASSERT_EQ(set.exit_code, 0) << set.output;
  for (const char* target : {"/", kArticle})
    EXPECT_EQ(meta(target, "twitter:site"), "@khabar_news") << target;
  // The article's X share link names the account too (issue 14).
  EXPECT_NE(http_get(port(), kArticle).body.find("&amp;via=khabar_news\" rel=\"nofollow"),
            std::string::npos);
}
