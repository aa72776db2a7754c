#include <gtest/gtest.h>

#include "content/categories.h"
#include "content/language.h"
#include "content/urls.h"

using namespace khabar::content;

namespace {
std::vector<Category> tree() {
  return {{1, 0, "world", "world", "World", "", 2},
          {2, 1, "asia", "world/asia", "Asia", "", 0},
          {3, 2, "south", "world/asia/south", "South Asia", "", 0},
          {4, 0, "afghanistan", "afghanistan", "Afghanistan", "", 1},
          {5, 0, "business", "business", "Business", "", 1}};
}
}  // namespace

// One spelling of each kind, read and written in one place (the store, the editor's form
// and its query string all use it), and one percent-decoder beside the encoder.
TEST(Model, KindsAndPercentEscapesRoundTrip) {
  for (Kind k : {Kind::Article, Kind::Page}) EXPECT_EQ(parse_kind(to_string(k)), k);
  EXPECT_EQ(parse_kind(""), Kind::Article);
  EXPECT_EQ(parse_kind("Page"), Kind::Article);
  for (std::string_view text : {"کابل", "a b/c?d=e&f", "100%"})
    EXPECT_EQ(percent_decode(percent_encode(text)), std::string(text));
  EXPECT_FALSE(percent_decode("%d9%"));
}

TEST(Breadcrumbs, TrailRunsFromTheRootDown) {
  auto all = tree();
  auto trail = category_trail(all, 3);
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[0]->name, "World");
  EXPECT_EQ(trail[1]->name, "Asia");
  EXPECT_EQ(trail[2]->name, "South Asia");
  EXPECT_TRUE(category_trail(all, 99).empty());
  EXPECT_TRUE(category_trail(all, 0).empty());
}

TEST(Breadcrumbs, CycleInParentsEndsTheTrail) {
  std::vector<Category> broken = {{1, 2, "a", "a", "A", "", 0}, {2, 1, "b", "b", "B", "", 0}};
  EXPECT_LE(category_trail(broken, 1).size(), 3u);
  EXPECT_LE(category_subtree(broken, 1).size(), 3u);
}

TEST(Categories, SubtreeAndTopLevelOrder) {
  auto all = tree();
  auto sub = category_subtree(all, 1);
  EXPECT_EQ(sub, (std::vector<Id>{1, 2, 3}));
  auto top = top_level_categories(all);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0]->name, "Afghanistan");  // position 1, then by name
  EXPECT_EQ(top[1]->name, "Business");
  EXPECT_EQ(top[2]->name, "World");
}

TEST(Urls, PercentEncodeNonAsciiSlugs) {
  EXPECT_EQ(article_url("kabul-news"), "/kabul-news/");
  EXPECT_EQ(article_url("پ"), "/%D9%BE/");
  EXPECT_EQ(category_url("world/asia"), "/category/world/asia/");
  EXPECT_EQ(tag_url("a b"), "/tag/a%20b/");
  EXPECT_EQ(author_url("mariam-sadat"), "/author/mariam-sadat/");
  EXPECT_EQ(feed_url("/category/world/"), "/category/world/feed/");
  EXPECT_EQ(paged_url("/", 1), "/");
  EXPECT_EQ(paged_url("/tag/x/", 3), "/tag/x/page/3/");
}

TEST(Language, RightToLeftScripts) {
  for (auto lang : {"ps", "fa", "fa-AF", "ur", "ar", "prs", "he"})
    EXPECT_TRUE(is_rtl(lang)) << lang;
  for (auto lang : {"en", "de", "uz", "ru", "pa"}) EXPECT_FALSE(is_rtl(lang)) << lang;
  EXPECT_EQ(text_direction("ps"), "rtl");
  EXPECT_EQ(text_direction("en"), "ltr");
  EXPECT_TRUE(is_valid_language_code("en"));
  EXPECT_TRUE(is_valid_language_code("fa-AF"));
  EXPECT_FALSE(is_valid_language_code("e"));
  EXPECT_FALSE(is_valid_language_code("en\"><script>"));
}
