// The change feed's one encoding (store/change.h) and what each change drops from the page
// cache (site/cache_tags): every kind round-trips, junk is refused, and every kind maps
// to the tags of the pages that show it (docs/cache.md).
#include "store/change.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "site/cache_tags.h"

using namespace khabar;
using store::Change;
using store::ChangeKind;

namespace {

const std::vector<Change> kOneOfEach = {
    {ChangeKind::Article, 12},      {ChangeKind::CategoryListing, 3},
    {ChangeKind::TagListing, 7},    {ChangeKind::AuthorListing, 5},
    {ChangeKind::AuthorProfile, 5}, {ChangeKind::Comments, 12},
    {ChangeKind::Categories, 0},    {ChangeKind::Settings, 0},
    {ChangeKind::Pages, 0},         {ChangeKind::SitemapMonth, 202611},
};

bool has(const std::vector<std::string>& tags, const std::string& tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

}  // namespace

TEST(Change, EveryKindRoundTripsThroughItsCode) {
  for (const Change& c : kOneOfEach) {
    auto back = store::decode(store::encode(c));
    ASSERT_TRUE(back.has_value()) << store::encode(c);
    EXPECT_EQ(*back, c);
  }
  // The stored form is the one older change-log rows already have.
  EXPECT_EQ(store::encode(kOneOfEach), "a:12 c:3 t:7 u:5 U:5 k:12 C S P m:202611");
  EXPECT_EQ(store::decode_list("a:12 c:3 t:7 u:5 U:5 k:12 C S P m:202611"), kOneOfEach);
}

TEST(Change, JunkCodesAreRefusedNotGuessed) {
  for (const char* junk :
       {"", "x:1", "a", "a:", "a:0", "a:-3", "a:1x", "a 1", "S:1", "SS", "a:99999999999999999999"})
    EXPECT_FALSE(store::decode(junk).has_value()) << junk;
  // A list keeps what it can read (a newer version may add kinds).
  EXPECT_EQ(store::decode_list("a:1  z:9 S"),
            (std::vector<Change>{{ChangeKind::Article, 1}, {ChangeKind::Settings, 0}}));
}

TEST(Change, EachKindDropsThePagesThatShowIt) {
  content::Category world{}, asia{};
  world.id = 1;
  world.slug = "world";
  world.path = "world";
  asia.id = 3;
  asia.parent_id = 1;
  asia.slug = "asia";
  asia.path = "world/asia";
  std::vector<content::Category> categories = {world, asia};
  auto tags_of = [&](Change c) { return site::tags_for_changes({c}, categories); };

  auto article = tags_of({ChangeKind::Article, 12});
  EXPECT_TRUE(has(article, site::tag_article(12)));
  EXPECT_TRUE(has(article, site::kTagHome));
  auto listing = tags_of({ChangeKind::CategoryListing, 3});
  EXPECT_TRUE(has(listing, site::tag_category_listing(3)));
  EXPECT_TRUE(has(listing, site::tag_category_listing(1))) << "the parent's listing includes it";
  EXPECT_TRUE(has(listing, site::tag_related_category(3)));
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  // A listing's change is its lastmod in the sitemaps too: its kind's child and the index.
  EXPECT_TRUE(has(listing, site::kTagSitemapCategories));
  EXPECT_TRUE(has(listing, site::kTagSitemapIndex));
  EXPECT_EQ(tags_of({ChangeKind::TagListing, 7}),
            sorted({site::tag_tag_listing(7), site::tag_related_tag(7), site::kTagSitemapTags,
                    site::kTagSitemapIndex}));
  EXPECT_EQ(
      tags_of({ChangeKind::AuthorListing, 5}),
      sorted({site::tag_author_listing(5), site::kTagSitemapAuthors, site::kTagSitemapIndex}));
  EXPECT_EQ(tags_of({ChangeKind::AuthorProfile, 5}),
            sorted({site::tag_author(5), site::tag_author_listing(5), site::kTagSitemapAuthors}));
  // A month of articles: its child of the sitemaps and the index (the news sitemap is
  // tagged with the months it spans).
  EXPECT_EQ(tags_of({ChangeKind::SitemapMonth, 202611}),
            sorted({site::tag_sitemap_month(202611), site::kTagSitemapIndex}));
  // Its page, and the site's comment feed.
  EXPECT_EQ(tags_of({ChangeKind::Comments, 12}),
            (std::vector<std::string>{site::tag_comments(12), site::kTagAllComments}));
  for (ChangeKind site_wide : {ChangeKind::Categories, ChangeKind::Settings, ChangeKind::Pages})
    EXPECT_EQ(tags_of({site_wide, 0}), std::vector<std::string>{site::kTagSite});
  // Several changes: each tag once.
  auto both =
      site::tags_for_changes({{ChangeKind::Article, 12}, {ChangeKind::Article, 12}}, categories);
  EXPECT_EQ(std::count(both.begin(), both.end(), site::tag_article(12)), 1);
}
