// Regression tests for the findings of the outside security test (issue 18): each one
// reproduces what the attacker did, on a real server, and fails without its fix.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "http/message.h"
#include "support/admin_client.h"
#include "support/database.h"
#include "support/images.h"
#include "support/demo_site.h"
#include "support/http_client.h"

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
  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
};

// Finding 2: "//evil.com" answered "301 Location: //evil.com/" when a slug "evil.com" existed.
TEST_F(Security, TrailingSlashRedirectsStayOnThisSite) {
  sql(data_, "UPDATE articles SET slug = 'evil.com' WHERE slug = '" + std::string(kSlug) + "'");
  sql(data_, "UPDATE articles SET slug = '3627734734' WHERE slug = "
             "'khost-students-build-a-solar-charging-kiosk-for-their-market'");
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
  std::string id = sql(data_, "SELECT id FROM media WHERE original_name = 'IMG_1234_source_face.jpg'");
  std::string draft = create_article(alice, {{"title", "Unpublished investigation"},
                                             {"body", "Text.\n\n![Secret source](/media/" +
                                                          sql(data_, "SELECT file FROM media WHERE id = " + id) + ")"},
                                             {"language", "en"}, {"version", "0"}, {"featured_media", id}});
  auto seen = bob.get("/admin/media/" + id);
  EXPECT_EQ(seen.status, 404);
  EXPECT_EQ(seen.body.find("IMG_1234"), std::string::npos);
  EXPECT_EQ(seen.body.find("Unpublished investigation"), std::string::npos);
  auto library = bob.get("/admin/media");
  EXPECT_EQ(library.body.find("Secret source"), std::string::npos);
  auto editor = bob.get("/admin/articles/new");
  EXPECT_EQ(editor.body.find("Secret source"), std::string::npos);
  // Bob cannot make Alice's picture his featured image.
  auto taken = bob.post("/admin/articles/new", {{"title", "Bob's story"}, {"body", "Text."}, {"language", "en"},
                                                {"version", "0"}, {"featured_media", id}});
  EXPECT_EQ(taken.status, 422);
  // The same file uploaded by Bob is a new item of his, not a way to find Alice's.
  auto again = bob.post_multipart("/admin/media", {{"alt", "Mine"}}, {{"file", "x.jpg", image}});
  ASSERT_EQ(again.status, 303);
  EXPECT_EQ(again.header("location").find("/admin/media/" + id + "?"), std::string::npos) << again.header("location");
  EXPECT_EQ(sql(data_, "SELECT count(*) FROM media"), "2");
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
  create_article(alice, {{"title", "Alice draft about the dam"}, {"body", "Text."}, {"language", "en"},
                         {"version", "0"}, {"tags", "Dam Leak Exclusive"}});
  auto list = bob.get("/admin/articles");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("Alice draft about the dam"), std::string::npos);
  EXPECT_NE(list.body.find("Kabul opens three new public libraries"), std::string::npos);  // published ones
  EXPECT_NE(alice.get("/admin/articles").body.find("Alice draft about the dam"), std::string::npos);
  EXPECT_EQ(http_get(port(), "/tag/dam-leak-exclusive/").status, 404);
  EXPECT_EQ(http_get(port(), "/tag/dam-leak-exclusive/feed/").status, 404);
  auto long_tag = bob.post("/admin/articles/new", {{"title", "Long tag"}, {"body", "Text."}, {"language", "en"},
                                                   {"version", "0"}, {"tags", std::string(201, 'x')}});
  EXPECT_EQ(long_tag.status, 422);
  EXPECT_EQ(sql(data_, "SELECT count(*) FROM tags WHERE length(name) > 200"), "0");
}

// Finding 6: /author/<slug>/ answered 200 for every account, revealing who works there.
TEST_F(Security, AuthorPagesOnlyForPublishedWork) {
  serve();
  AdminClient c = signed_in_user(port(), data_, "quiet-editor", "editor");
  std::string slug = sql(data_, "SELECT slug FROM users WHERE login = 'quiet-editor'");
  ASSERT_FALSE(slug.empty());
  EXPECT_EQ(http_get(port(), "/author/" + slug + "/").status, 404);
  EXPECT_EQ(http_get(port(), "/author/" + slug + "/feed/").status, 404);
  std::string published = sql(data_, "SELECT u.slug FROM users u JOIN article_authors w ON w.user_id = u.id "
                                     "JOIN articles a ON a.id = w.article_id WHERE a.status = 'published' LIMIT 1");
  EXPECT_EQ(http_get(port(), "/author/" + published + "/").status, 200);
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
