// Issue 13: every author sets their public name and public address. The old address of
// the author page (and of its feed) answers 301 to the new one; the login, which stays
// private, and another author's address are refused.
#include <gtest/gtest.h>

#include "store/open.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

TEST(Profile, AnAuthorChoosesTheirPublicNameAndAddress) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data);
  ServerProcess server(data, {"--cache-mb", "8"});
  AdminClient me = signed_in_user(server.port(), data, "rahima", "editor");
  create_article(me, {{"title", "Snow closes the Salang pass"},
                      {"body", "The pass is closed."},
                      {"language", "en"},
                      {"version", "0"},
                      {"move", "publish"}});
  auto profile = me.get("/admin/profile");
  std::string old_slug = input_value(profile.body, "slug");
  ASSERT_FALSE(old_slug.empty());
  std::string old_page = "/author/" + old_slug + "/";
  ASSERT_EQ(http_get(server.port(), old_page).status, 200);
  ASSERT_EQ(http_get(server.port(), old_page + "feed/").status, 200);  // cached, both

  auto details = [&](const std::string& name, const std::string& slug) {
    return me.post("/admin/profile", {{"action", "details"},
                                      {"display_name", name},
                                      {"email", "rahima@example.org"},
                                      {"bio", "Reports from the north."},
                                      {"slug", slug}});
  };
  // The login is private; another author's address is theirs.
  EXPECT_EQ(details("Rahima Noori", "Rahima").status, 422);
  add_user(data, "other", "author", "Other Writer");
  std::string other_slug;
  for (const auto& a : khabar::store::open_store({.location = (data / "khabar.db").string()})
                           ->accounts()
                           .accounts())
    if (a.login == "other") other_slug = a.slug;
  EXPECT_EQ(details("Rahima Noori", other_slug).status, 409);
  EXPECT_EQ(http_get(server.port(), old_page).status, 200);  // nothing changed

  auto saved = details("Rahima Noori", "Rahima Noori");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(input_value(me.get("/admin/profile").body, "slug"), "rahima-noori");
  auto moved = http_get(server.port(), old_page);
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.header("location"), "/author/rahima-noori/");
  auto feed = http_get(server.port(), old_page + "feed/");
  EXPECT_EQ(feed.status, 301);
  EXPECT_EQ(feed.header("location"), "/author/rahima-noori/feed/");
  auto page = http_get(server.port(), "/author/rahima-noori/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(Html::text(Html(page.body).first("h1")).find("Rahima Noori"), std::string::npos);
  EXPECT_EQ(page.body.find("rahima\""), std::string::npos);  // never the login
  auto story = http_get(server.port(), "/snow-closes-the-salang-pass/");
  EXPECT_NE(story.body.find("<a href=\"/author/rahima-noori/\" rel=\"author\">Rahima Noori</a>"),
            std::string::npos);
}

}  // namespace
