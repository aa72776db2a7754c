// Regression tests for the findings of the outside security test (issue 18): each one
// reproduces what the attacker did, on a real server, and fails without its fix.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include "http/compression.h"
#include "http/message.h"
#include "security/addresses.h"
#include "store/open.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/http_client.h"
#include "support/images.h"

using namespace khabar::test;

namespace {

constexpr const char* kSlug = "kabul-opens-three-new-public-libraries-before-winter";

class Security : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
  }
  void serve(const std::vector<std::string>& extra = {}) {
    server_ = std::make_unique<ServerProcess>(data_, extra);
  }
  int port() const { return server_->port(); }
  // A site's store (the server's file, or another site's), opened beside the server.
  static std::unique_ptr<khabar::store::Store> store_of(const std::filesystem::path& data) {
    return khabar::store::open_store({.location = (data / "khabar.db").string()});
  }
  khabar::store::Store& db() {
    if (!db_) db_ = store_of(data_);
    return *db_;
  }
  // Gives the article at `slug` another slug, as a hostile or careless edit could.
  void reslug(const std::string& slug, const std::string& to) {
    auto tx = db().begin();
    auto id = *tx->article_id_by_slug(slug);
    auto a = db().snapshot()->article_for_edit(id)->fields;
    a.slug = to;
    tx->update_article(id, a).or_throw();
    tx->commit().or_throw();
  }
  std::unique_ptr<khabar::store::Store> db_;
  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
};

// Finding 2: "//evil.com" answered "301 Location: //evil.com/" when a slug "evil.com" existed.
TEST_F(Security, TrailingSlashRedirectsStayOnThisSite) {
  reslug(kSlug, "evil.com");
  reslug("khost-students-build-a-solar-charging-kiosk-for-their-market", "3627734734");
  serve();
  struct Case {
    std::string target, location;
  };
  for (const Case& c : std::vector<Case>{{"//evil.com", "/evil.com/"},
                                         {"///evil.com", "/evil.com/"},
                                         {"/evil.com", "/evil.com/"},
                                         {"//3627734734", "/3627734734/"},
                                         {"//3627734734?utm_source=x", "/3627734734/?utm_source=x"},
                                         {"/%2F3627734734", "/3627734734/"}}) {
    auto r = http_get(port(), c.target);
    SCOPED_TRACE(c.target);
    if (r.status == 404) continue;  // refusing is as good as staying
    EXPECT_EQ(r.status, 301);
    EXPECT_EQ(r.header("location"), c.location);
  }
  EXPECT_EQ(http_get(port(), "//evil.com").header("location"), "/evil.com/");
}

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  if (stat(p.c_str(), &st) != 0) return 0xFFFF;
  return st.st_mode & 0777;
}

// Finding 8: khabar init made khabar.toml (the site secret), the database and backups 0644.
TEST_F(Security, SecretsDatabaseAndBackupsArePrivate) {
  EXPECT_EQ(mode_of(data_ / "khabar.toml"), 0600u);
  EXPECT_EQ(mode_of(data_ / "khabar.db"), 0600u);
  EXPECT_EQ(mode_of(data_) & 0077, 0u) << std::oct << mode_of(data_);
  serve();
  ASSERT_EQ(http_get(port(), "/" + std::string(kSlug) + "/").status, 200);
  if (std::filesystem::exists(data_ / "khabar.db-wal")) {
    EXPECT_EQ(mode_of(data_ / "khabar.db-wal"), 0600u);
  }
  auto backup = dir_.path() / "backup.db";
  auto r = run_khabar({"backup", "--data", data_.string(), "--to", backup.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(mode_of(backup), 0600u);
}

// Finding 5: contributors and authors saw others' uploads (file name, credit, "Used in" drafts);
// an identical upload redirected to the other person's item; the editor offered everyone's
// pictures and took another reporter's as featured image.
TEST_F(Security, OthersMediaIsInvisibleToContributors) {
  serve();
  AdminClient alice = signed_in_user(port(), data_, "alice-stringer", "contributor");
  AdminClient bob = signed_in_user(port(), data_, "bob-stringer", "contributor");
  std::string image = make_image(640, 480, ".jpg");
  auto up = alice.post_multipart("/admin/media", {{"alt", "Secret source"}},
                                 {{"file", "IMG_1234_source_face.jpg", image}});
  ASSERT_EQ(up.status, 303) << up.body.substr(0, 500);
  khabar::store::MediaFilter named;
  named.search = "IMG_1234_source_face.jpg";
  ASSERT_EQ(db().snapshot()->media_library(named).size(), 1u);
  auto alices = db().snapshot()->media_library(named).front();
  std::string id = std::to_string(alices.id);
  std::string draft = create_article(
      alice, {{"title", "Unpublished investigation"},
              {"body", "Text.\n\n![Secret source](/media/" + alices.original.file + ")"},
              {"language", "en"},
              {"version", "0"},
              {"featured_media", id}});
  auto seen = bob.get("/admin/media/" + id);
  EXPECT_EQ(seen.status, 404);
  EXPECT_EQ(seen.body.find("IMG_1234"), std::string::npos);
  EXPECT_EQ(seen.body.find("Unpublished investigation"), std::string::npos);
  auto library = bob.get("/admin/media");
  EXPECT_EQ(library.body.find("Secret source"), std::string::npos);
  auto editor = bob.get("/admin/articles/new");
  EXPECT_EQ(editor.body.find("Secret source"), std::string::npos);
  // Bob cannot make Alice's picture his featured image.
  auto taken = bob.post("/admin/articles/new", {{"title", "Bob's story"},
                                                {"body", "Text."},
                                                {"language", "en"},
                                                {"version", "0"},
                                                {"featured_media", id}});
  EXPECT_EQ(taken.status, 422);
  // The same file uploaded by Bob is a new item of his, not a way to find Alice's.
  auto again = bob.post_multipart("/admin/media", {{"alt", "Mine"}}, {{"file", "x.jpg", image}});
  ASSERT_EQ(again.status, 303);
  EXPECT_EQ(again.header("location").find("/admin/media/" + id + "?"), std::string::npos)
      << again.header("location");
  EXPECT_EQ(db().snapshot()->media_library({}).size(), 2u);
  // An editor sees both, and the draft that uses Alice's.
  AdminClient editor_user = signed_in_user(port(), data_, "desk-editor", "editor");
  auto item = editor_user.get("/admin/media/" + id);
  EXPECT_EQ(item.status, 200);
  EXPECT_NE(item.body.find("Unpublished investigation"), std::string::npos);
  (void)draft;
}

// Finding 13: contributors saw every draft's title; a tag typed into a draft made a public
// page at once, of any length.
TEST_F(Security, ContributorsReachStaysTheirOwn) {
  serve();
  AdminClient alice = signed_in_user(port(), data_, "alice-writer", "contributor");
  AdminClient bob = signed_in_user(port(), data_, "bob-writer", "contributor");
  create_article(alice, {{"title", "Alice draft about the dam"},
                         {"body", "Text."},
                         {"language", "en"},
                         {"version", "0"},
                         {"tags", "Dam Leak Exclusive"}});
  auto list = bob.get("/admin/articles");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("Alice draft about the dam"), std::string::npos);
  EXPECT_NE(list.body.find("Kabul opens three new public libraries"),
            std::string::npos);  // published ones
  EXPECT_NE(alice.get("/admin/articles").body.find("Alice draft about the dam"), std::string::npos);
  EXPECT_EQ(http_get(port(), "/tag/dam-leak-exclusive/").status, 404);
  EXPECT_EQ(http_get(port(), "/tag/dam-leak-exclusive/feed/").status, 404);
  auto long_tag = bob.post("/admin/articles/new", {{"title", "Long tag"},
                                                   {"body", "Text."},
                                                   {"language", "en"},
                                                   {"version", "0"},
                                                   {"tags", std::string(201, 'x')}});
  EXPECT_EQ(long_tag.status, 422);
  for (const auto& t : db().snapshot()->desk_tags())
    EXPECT_LE(t.tag.name.size(), 200u) << t.tag.name;
}

// Finding 6: /author/<slug>/ answered 200 for every account, revealing who works there.
TEST_F(Security, AuthorPagesOnlyForPublishedWork) {
  serve();
  AdminClient c = signed_in_user(port(), data_, "quiet-editor", "editor");
  std::string slug = db().accounts().account_by_login("quiet-editor")->slug;
  ASSERT_FALSE(slug.empty());
  EXPECT_EQ(http_get(port(), "/author/" + slug + "/").status, 404);
  EXPECT_EQ(http_get(port(), "/author/" + slug + "/feed/").status, 404);
  std::string published =
      db().snapshot()->published_articles({}, 1, 0).front().authors.front().slug;
  EXPECT_EQ(http_get(port(), "/author/" + published + "/").status, 200);
}

// Finding 6: the first administrator's login became the public byline; imported authors read
// "By admin"; /author/<login>/ answered 301 for imported logins; the log kept raw addresses
// and typed logins.
TEST_F(Security, LoginsAreNeverPublicNorLogged) {
  auto site = dir_.path() / "fresh";
  auto init = run_khabar({"init", "--data", site.string(), "--title", "Wakht News", "--url",
                          "http://127.0.0.1:1", "--admin-login", "maryam", "--admin-email",
                          "maryam@news.example"});
  ASSERT_EQ(init.exit_code, 0) << init.output;
  auto maryam = store_of(site)->accounts().account_by_login("maryam");
  ASSERT_TRUE(maryam);
  EXPECT_EQ(maryam->display_name, "Wakht News");
  EXPECT_EQ(maryam->slug.find("maryam"), std::string::npos) << maryam->slug;
  auto named = dir_.path() / "named";
  ASSERT_EQ(run_khabar({"init", "--data", named.string(), "--title", "Wakht News", "--url",
                        "http://127.0.0.1:1", "--admin-login", "maryam", "--admin-email",
                        "maryam@news.example", "--admin-name", "Maryam Ahmadi"})
                .exit_code,
            0);
  auto named_maryam = store_of(named)->accounts().account_by_login("maryam");
  EXPECT_EQ(named_maryam->display_name + " " + named_maryam->slug, "Maryam Ahmadi maryam-ahmadi");
  auto wxr = dir_.path() / "authors.xml";
  std::ofstream(wxr) << R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login>admin</wp:author_login><wp:author_display_name>admin</wp:author_display_name></wp:author>
<item><title>Old story</title><dc:creator>admin</dc:creator><wp:post_id>70</wp:post_id><wp:post_name>old-story</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt>
<content:encoded><![CDATA[Text.]]></content:encoded></item></channel></rss>)";
  auto imported = run_khabar({"import", "wordpress", "--data", data_.string(), wxr.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("WordPress showed the login as the public name"),
            std::string::npos);
  serve();
  auto story = http_get(port(), "/old-story/");
  ASSERT_EQ(story.status, 200);
  EXPECT_EQ(story.body.find(">admin<"), std::string::npos);
  EXPECT_EQ(http_get(port(), "/author/admin/").status, 404);
  // A failed sign-in is logged by account id and network, never the login or the address.
  AdminClient c(port(), "203.0.113.77");
  c.sign_in("maryam-typo", "not the password at all");
  c.sign_in("admin", "not the password at all");
  std::string log = server_->log();
  EXPECT_EQ(log.find("203.0.113.77"), std::string::npos) << log;
  EXPECT_EQ(log.find("maryam-typo"), std::string::npos) << log;
  EXPECT_NE(log.find("203.0.113.0/24"), std::string::npos) << log;
}

// Finding 7: the sign-in token was not bound to the browser, could be reused, and Origin: null
// (or none) was accepted: another site could sign a victim into the attacker's account.
TEST_F(Security, SignInFormsAreBoundToTheBrowserAndGoodOnce) {
  serve();
  std::string link = add_user(data_, "attacker", "author", "Attacker");
  AdminClient setter(port());
  ASSERT_EQ(setter.set_password(link, strong_password("attacker")).status, 303);
  auto page = http_get(port(), "/admin/login");
  std::string token = input_value(page.body, "_csrf");
  std::string cookie = page.header("set-cookie");
  ASSERT_TRUE(cookie.starts_with("khabar_form=")) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  cookie = "Cookie: " + cookie.substr(0, cookie.find(';'));
  std::string body = form_encode(
      {{"_csrf", token}, {"login", "attacker"}, {"password", strong_password("attacker")}});
  auto post = [&](std::vector<std::string> headers) {
    headers.push_back("Content-Type: application/x-www-form-urlencoded");
    return http_request(port(), "POST", "/admin/login", headers, body);
  };
  // Without the browser's own cookie (an attacker's page has another browser's token).
  EXPECT_EQ(post({"Origin: http://127.0.0.1"}).status, 403);
  // From a sandboxed or cross-site form, or with neither Origin nor Referer.
  EXPECT_EQ(post({cookie, "Origin: null"}).status, 403);
  EXPECT_EQ(post({cookie, "Origin: https://evil.example"}).status, 403);
  EXPECT_EQ(post({cookie}).status, 403);
  // The genuine form: once.
  auto ok = post({cookie, "Origin: http://127.0.0.1"});
  EXPECT_EQ(ok.status, 303) << ok.body.substr(0, 300);
  EXPECT_NE(ok.header("set-cookie").find("khabar_session="), std::string::npos);
  EXPECT_EQ(post({cookie, "Origin: http://127.0.0.1"}).status, 403);
}

// Finding 9: with the page cache on, the form token carried the time the page was rendered,
// so a bot posting at once to a page cached minutes before passed the 3-second rule.
TEST_F(Security, TheSpamTimingRuleHoldsWithTheCacheOn) {
  serve();
  std::string article = "/" + std::string(kSlug) + "/";
  ASSERT_EQ(http_get(port(), article).header("x-cache"), "MISS");
  std::this_thread::sleep_for(std::chrono::seconds(4));
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  auto token_of = [](const std::string& html) {
    std::smatch m;
    std::regex re("name=\"_token\" value=\"([0-9]+)-([0-9]+)\\.([0-9a-f]+)\"");
    EXPECT_TRUE(std::regex_search(html, m, re));
    return std::pair{m[0].str().substr(21, m[0].str().size() - 22), std::stoll(m[2].str())};
  };
  for (const std::vector<std::string>& headers : {std::vector<std::string>{},
                                                  {"Accept-Encoding: gzip"},
                                                  {"Accept-Encoding: br, gzip"},
                                                  {"If-None-Match: \"stale\""}}) {
    auto hit = http_get(port(), article, headers);
    ASSERT_EQ(hit.header("x-cache"), "HIT");
    std::string html = hit.header("content-encoding") == "gzip"
                           ? khabar::http::gzip_decompress(hit.body, 1 << 24).value_or("")
                           : hit.body;
    auto [token, served] = token_of(html);
    EXPECT_GE(served, now - 1) << (headers.empty() ? "identity" : headers[0]);
    // A bot posting at once with that token is refused.
    std::string body = form_encode({{"author", "Bot"},
                                    {"email", "bot@example.com"},
                                    {"url", ""},
                                    {"comment", "Buy now " + std::to_string(served)},
                                    {"comment_parent", "0"},
                                    {"_token", token}});
    auto posted = http_request(port(), "POST", article,
                               {"Content-Type: application/x-www-form-urlencoded"}, body);
    EXPECT_EQ(posted.status, 403) << posted.body;
    EXPECT_NE(posted.body.find("too quickly"), std::string::npos) << posted.body;
  }
}

TEST(AnonymisedAddress, KeepsOnlyTheNetwork) {
  using khabar::security::anonymised_address;
  EXPECT_EQ(anonymised_address("203.0.113.77"), "203.0.113.0/24");
  EXPECT_EQ(anonymised_address("2001:db8:1234:5678::1"), "2001:db8:1234::/48");
  EXPECT_EQ(anonymised_address("not an address"), "unknown");
}

TEST(SameSiteLocation, EveryRedirectIsAPathHere) {
  using khabar::http::same_site_location;
  EXPECT_EQ(same_site_location("//evil.example/x"), "/evil.example/x");
  EXPECT_EQ(same_site_location("/\\evil.example"), "/evil.example");
  EXPECT_EQ(same_site_location("\\\\evil.example"), "/evil.example");
  EXPECT_EQ(same_site_location("/\t/evil.example"), "/evil.example");
  EXPECT_EQ(same_site_location("/admin/?a=b#c"), "/admin/?a=b#c");
  EXPECT_EQ(same_site_location("story/"), "/story/");
}

}  // namespace
