// Managing categories in the admin on a real server: create, re-slug and re-nest (the
// paths below follow, listings follow, old addresses answer 301), refuse cycles, delete
// with the articles moved; and only editors and administrators may.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/open.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

TEST(Categories, RenestReslugAndDeleteKeepEveryLinkWorking) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data);
  ServerProcess server(data, {"--cache-mb", "16"});
  AdminClient editor(server.port());
  ASSERT_EQ(editor
                .set_password(add_user(data, "desk-editor", "editor", "Desk Editor"),
                              strong_password("d"))
                .status,
            303);
  ASSERT_EQ(editor.sign_in("desk-editor", strong_password("d")).status, 303);
  // What the server stored, read through the store (the same file, another process).
  auto db = khabar::store::open_store({.location = (data / "khabar.db").string()});
  auto category = [&](khabar::content::Id id) -> std::optional<khabar::content::Category> {
    for (const auto& c : db->snapshot()->categories())
      if (c.id == id) return c;
    return std::nullopt;
  };
  auto id_of = [&](const std::string& path) {
    for (const auto& c : db->snapshot()->categories())
      if (c.path == path) return std::to_string(c.id);
    return std::string();
  };
  std::string world = id_of("world"), asia = id_of("world/asia"),
              afghanistan = id_of("afghanistan");
  std::string asia_story, asia_title;
  for (const auto& a :
       db->snapshot()->published_articles({.category_id = std::stoll(asia)}, 100, 0))
    if (a.category_id == std::stoll(asia) && asia_story.empty()) {
      asia_story = a.slug;
      asia_title = a.title;
    }
  ASSERT_FALSE(asia_title.empty());
  auto listed_in = [&](const std::string& category_id) {
    std::vector<std::string> slugs;
    for (const auto& a :
         db->snapshot()->published_articles({.category_id = std::stoll(category_id)}, 1000, 0))
      slugs.push_back(a.slug);
    return slugs;
  };
  ASSERT_NE(http_get(server.port(), "/category/world/").body.find(asia_title),
            std::string::npos);  // warm the cache

  // Create, nested.
  EXPECT_EQ(editor
                .post("/admin/categories",
                      {{"name", "Central Asia"}, {"parent", world}, {"position", "3"}})
                .status,
            303);
  EXPECT_EQ(http_get(server.port(), "/category/world/central-asia/").status, 200);
  EXPECT_EQ(editor.post("/admin/categories", {{"name", "Central Asia"}, {"parent", world}}).status,
            422);  // slug taken here

  // Re-slug a parent: the child's path follows, the old addresses answer 301.
  auto save = [&](const std::string& id, const std::string& name, const std::string& slug,
                  const std::string& parent) {
    return editor.post("/admin/categories/" + id,
                       {{"action", "save"}, {"name", name}, {"slug", slug}, {"parent", parent}});
  };
  EXPECT_EQ(save(world, "International", "international", "0").status, 303);
  EXPECT_EQ(category(std::stoll(asia))->path, "international/asia");
  auto listing = http_get(server.port(), "/category/international/");
  EXPECT_EQ(listing.status, 200);
  EXPECT_NE(listing.body.find(asia_title), std::string::npos);
  auto old = http_get(server.port(), "/category/world/asia/");
  EXPECT_EQ(old.status, 301);
  EXPECT_EQ(old.header("location"), "/category/international/asia/");
  EXPECT_EQ(http_get(server.port(), "/category/world/feed/").header("location"),
            "/category/international/feed/");
  EXPECT_NE(http_get(server.port(), "/").body.find(">International<"),
            std::string::npos);  // the navigation

  // A category cannot go inside its own subcategory.
  EXPECT_EQ(save(world, "International", "international", asia).status, 422);

  // Re-nest: Asia to the top; its articles leave International's listing.
  EXPECT_EQ(save(asia, "Asia", "asia", "0").status, 303);
  EXPECT_EQ(http_get(server.port(), "/category/asia/").status, 200);
  EXPECT_EQ(http_get(server.port(), "/category/international/").body.find(asia_title),
            std::string::npos);
  EXPECT_EQ(http_get(server.port(), "/category/international/asia/").header("location"),
            "/category/asia/");

  // Delete, moving the articles: they show under the new category; the old address follows.
  EXPECT_EQ(
      editor.post("/admin/categories/" + asia, {{"action", "delete"}, {"move_to", afghanistan}})
          .status,
      303);
  EXPECT_FALSE(category(std::stoll(asia)));
  EXPECT_EQ(db->snapshot()->published_by_slug(asia_story)->category_id, std::stoll(afghanistan));
  std::string shown;
  for (const char* page :
       {"/category/afghanistan/", "/category/afghanistan/page/2/", "/category/afghanistan/page/3/"})
    shown += http_get(server.port(), page).body;
  EXPECT_NE(shown.find(asia_title), std::string::npos);
  auto in_afghanistan = listed_in(afghanistan);
  EXPECT_EQ(std::count(in_afghanistan.begin(), in_afghanistan.end(), asia_story), 1);
  EXPECT_EQ(http_get(server.port(), "/category/asia/").header("location"),
            "/category/afghanistan/");
  EXPECT_EQ(http_get(server.port(), "/" + asia_story + "/").status, 200);

  // Delete a parent, moving its articles to its own child: the child moves up, and the
  // parent's old address leads to where the child is now, in one step.
  ASSERT_EQ(editor.post("/admin/categories", {{"name", "Provinces"}, {"parent", "0"}}).status, 303);
  std::string provinces = id_of("provinces");
  ASSERT_EQ(editor.post("/admin/categories", {{"name", "Kandahar"}, {"parent", provinces}}).status,
            303);
  std::string kandahar = id_of("provinces/kandahar");
  ASSERT_EQ(
      editor.post("/admin/categories/" + provinces, {{"action", "delete"}, {"move_to", kandahar}})
          .status,
      303);
  EXPECT_EQ(category(std::stoll(kandahar))->path, "kandahar");
  auto gone = http_get(server.port(), "/category/provinces/");
  EXPECT_EQ(gone.status, 301);
  EXPECT_EQ(gone.header("location"), "/category/kandahar/");
  EXPECT_EQ(http_get(server.port(), "/category/provinces/kandahar/").header("location"),
            "/category/kandahar/");
  EXPECT_EQ(http_get(server.port(), "/category/kandahar/").status, 200);

  // Authors may not.
  AdminClient author(server.port());
  ASSERT_EQ(author
                .set_password(add_user(data, "desk-author", "author", "Desk Author"),
                              strong_password("a"))
                .status,
            303);
  ASSERT_EQ(author.sign_in("desk-author", strong_password("a")).status, 303);
  EXPECT_EQ(author.get("/admin/categories").status, 403);
  EXPECT_EQ(author.post("/admin/categories", {{"name", "Nope"}}).status, 403);
}

}  // namespace
