// Managing categories in the admin on a real server: create, re-slug and re-nest (the
// paths below follow, listings follow, old addresses answer 301), refuse cycles, delete
// with the articles moved; and only editors and administrators may.
#include <gtest/gtest.h>

#include "support/admin_client.h"
#include "support/database.h"
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
  auto id_of = [&](const std::string& path) {
    return sql(data, "SELECT id FROM categories WHERE path = '" + path + "'");
  };
  std::string world = id_of("world"), asia = id_of("world/asia"),
              afghanistan = id_of("afghanistan");
  std::string asia_story = sql(data, "SELECT slug FROM articles WHERE category_id = " + asia +
                                         " AND status = 'published' LIMIT 1");
  std::string asia_title =
      sql(data, "SELECT title FROM articles WHERE slug = '" + asia_story + "'");
  ASSERT_FALSE(asia_title.empty());
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
  EXPECT_EQ(sql(data, "SELECT path FROM categories WHERE id = " + asia), "international/asia");
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
  EXPECT_EQ(sql(data, "SELECT count(*) FROM categories WHERE id = " + asia), "0");
  EXPECT_EQ(sql(data, "SELECT category_id FROM articles WHERE slug = '" + asia_story + "'"),
            afghanistan);
  std::string shown;
  for (const char* page :
       {"/category/afghanistan/", "/category/afghanistan/page/2/", "/category/afghanistan/page/3/"})
    shown += http_get(server.port(), page).body;
  EXPECT_NE(shown.find(asia_title), std::string::npos);
  EXPECT_EQ(sql(data,
                "SELECT count(*) FROM listings l JOIN articles a ON a.id = l.article_id "
                "WHERE a.slug = '" +
                    asia_story + "' AND l.listing = 'c:" + afghanistan + "'"),
            "1");
  EXPECT_EQ(http_get(server.port(), "/category/asia/").header("location"),
            "/category/afghanistan/");
  EXPECT_EQ(http_get(server.port(), "/" + asia_story + "/").status, 200);

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
