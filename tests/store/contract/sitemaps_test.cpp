// The sitemaps' reads (issue 17): published articles by month with the time each month
// last changed, the listings with published work, an article's library pictures, and the
// news window; and the change each write reports for them.
#include <algorithm>

#include "contract.h"

namespace khabar::test {
namespace {

using content::Id;
using content::Status;
using store::Change;
using store::ChangeKind;

// kStart is 2027-01-15 08:00 UTC.
constexpr content::Timestamp kJanuary = 1'799'000'000;   // 2027-01-03 18:13 UTC
constexpr content::Timestamp kDecember = 1'797'000'000;  // 2026-12-11 14:40 UTC

std::vector<std::string> slugs_of(const std::vector<store::SitemapArticle>& items) {
  std::vector<std::string> out;
  for (const auto& a : items) out.push_back(a.slug);
  return out;
}

bool reports(const std::vector<Change>& changes, Change c) {
  return std::find(changes.begin(), changes.end(), c) != changes.end();
}

}  // namespace

// Months count published articles only (not drafts, not pages), by the UTC month of
// publication; a month's modified_at is the time of the commit that last changed its
// list, and that commit reports the month (Change::SitemapMonth) and no other.
TEST_P(StoreContract, SitemapMonthsCountPublishedArticlesAndKnowWhenTheyChanged) {
  Id one = article("one", 0, {}, kJanuary);
  article("two", 0, {}, kJanuary + 60);
  article("old", 0, {}, kDecember);
  article("draft", 0, {}, kJanuary, {}, Status::Draft);
  article("about", 0, {}, kJanuary, {}, Status::Published, content::Kind::Page);
  auto months = db_->snapshot()->sitemap_months();
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].month, 202612);
  EXPECT_EQ(months[0].articles, 1);
  EXPECT_EQ(months[0].modified_at, kStart);
  EXPECT_EQ(months[1].month, 202701);
  EXPECT_EQ(months[1].articles, 2);

  clock_.advance(3600);
  std::int64_t cursor = db_->latest_change();
  write([&](store::Transaction& tx) {
    tx.set_article_status(one, Status::Draft, clock_.now(), 0, std::nullopt).or_throw();
  });
  auto changes = db_->changes_since(cursor);
  EXPECT_TRUE(reports(changes, {ChangeKind::SitemapMonth, 202701})) << store::encode(changes);
  EXPECT_FALSE(reports(changes, {ChangeKind::SitemapMonth, 202612})) << store::encode(changes);
  months = db_->snapshot()->sitemap_months();
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[1].articles, 1);
  EXPECT_EQ(months[1].modified_at, kStart + 3600);
  EXPECT_EQ(months[0].modified_at, kStart) << "December did not change";

  // A draft's save changes no month; an edit of a published article does.
  clock_.advance(60);
  write([&](store::Transaction& tx) {
    store::NewArticle a;
    a.slug = "draft-2";
    a.title = "Draft";
    tx.add_article(a).or_throw();
  });
  EXPECT_EQ(db_->snapshot()->sitemap_months()[1].modified_at, kStart + 3600);
  write([&](store::Transaction& tx) {
    tx.set_article_status(one, Status::Published, clock_.now(), kDecember + 60, std::nullopt)
        .or_throw();
  });
  months = db_->snapshot()->sitemap_months();
  EXPECT_EQ(months[0].articles, 2) << "republished with a December date";
  EXPECT_EQ(months[0].modified_at, kStart + 3660);

  // The last article of a month deleted: the month is gone.
  write(
      [&](store::Transaction& tx) { tx.delete_article(*tx.article_id_by_slug("two")).or_throw(); });
  months = db_->snapshot()->sitemap_months();
  ASSERT_EQ(months.size(), 1u);
  EXPECT_EQ(months[0].month, 202612);
}

// A month's articles oldest first, in slices; the news window newest first and capped.
TEST_P(StoreContract, SitemapArticlesComeByMonthInSlicesAndTheNewsWindowNewestFirst) {
  for (int i = 0; i < 5; ++i) article("jan-" + std::to_string(i), 0, {}, kJanuary + i * 60);
  article("dec", 0, {}, kDecember);
  auto snap = db_->snapshot();
  EXPECT_EQ(slugs_of(snap->sitemap_articles(202701, 3, 0)),
            (std::vector<std::string>{"jan-0", "jan-1", "jan-2"}));
  EXPECT_EQ(slugs_of(snap->sitemap_articles(202701, 3, 3)),
            (std::vector<std::string>{"jan-3", "jan-4"}));
  EXPECT_EQ(slugs_of(snap->sitemap_articles(202612, 10, 0)), (std::vector<std::string>{"dec"}));
  EXPECT_TRUE(snap->sitemap_articles(202611, 10, 0).empty());
  auto jan = snap->sitemap_articles(202701, 1, 0);
  ASSERT_EQ(jan.size(), 1u);
  EXPECT_EQ(jan[0].title, "Title jan-0");
  EXPECT_EQ(jan[0].published_at, kJanuary);
  EXPECT_EQ(jan[0].updated_at, kJanuary) << "an added article is as new as its publication";
  EXPECT_EQ(slugs_of(snap->sitemap_news(kJanuary + 120, 10)),
            (std::vector<std::string>{"jan-4", "jan-3", "jan-2"}));
  EXPECT_EQ(slugs_of(snap->sitemap_news(kJanuary + 120, 2)),
            (std::vector<std::string>{"jan-4", "jan-3"}));
}

// An article's pictures: the featured one first, then the library images its text shows
// (named by the original or a variant), each once; unknown files and files that are not
// pictures left out. Deleting a library item takes it out and changes the month.
TEST_P(StoreContract, SitemapArticlesCarryTheirLibraryPicturesFeaturedFirst) {
  Id lead = media("2027/01/lead.jpg");
  Id inline_one = media("2027/01/inline.jpg");
  store::NewArticle a;
  a.slug = "pictured";
  a.title = "Pictured";
  a.status = Status::Published;
  a.published_at = kJanuary;
  a.featured_media_id = lead;
  a.featured_image = "/media/2027/01/lead.jpg";
  a.body_markdown =
      "![One](/media/2027/01/inline.jpg.640.webp)\n\nText.\n\n![Lead](/media/2027/01/lead.jpg)"
      "\n\n![Again](/media/2027/01/inline.jpg) ![Gone](/media/2027/01/unknown.jpg)";
  add(a);
  a.slug = "imported";
  a.featured_media_id = 0;
  a.featured_image.clear();
  a.body_markdown.clear();
  a.body_html = "<p><img src=\"https://old.example/media/2027/01/inline.jpg\"></p>";
  add(a);
  auto items = db_->snapshot()->sitemap_articles(202701, 10, 0);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].images, (std::vector<std::string>{"2027/01/lead.jpg", "2027/01/inline.jpg"}));
  EXPECT_EQ(items[1].images, (std::vector<std::string>{"2027/01/inline.jpg"}));

  clock_.advance(60);
  std::int64_t cursor = db_->latest_change();
  write([&](store::Transaction& tx) { tx.delete_media(inline_one).or_throw(); });
  EXPECT_TRUE(reports(db_->changes_since(cursor), {ChangeKind::SitemapMonth, 202701}));
  items = db_->snapshot()->sitemap_articles(202701, 10, 0);
  EXPECT_EQ(items[0].images, (std::vector<std::string>{"2027/01/lead.jpg"}));
  EXPECT_TRUE(items[1].images.empty());
  EXPECT_EQ(db_->snapshot()->sitemap_months()[0].modified_at, kStart + 60);
}

// The listings with published work: categories (with those of their descendants), tags
// and authors, authors by their public slug; each with the time its listing last changed.
TEST_P(StoreContract, SitemapListingsAreThoseWithPublishedWork) {
  Id ann = author("annlogin", "Ann");
  Id idle = author("idlelogin", "Idle");
  Id water = tag("Water", "water");
  Id draft_tag = tag("Draft only", "draft-only");
  Id news = category({"News", "news", 0, "", 0});
  Id local = category({"Local", "local", news, "", 0});
  Id empty = category({"Empty", "empty", 0, "", 0});
  article("story", local, {ann}, kJanuary, {water});
  article("draft", empty, {idle}, kJanuary, {draft_tag}, Status::Draft);
  auto snap = db_->snapshot();
  auto ids = [](const std::vector<store::SitemapListing>& items) {
    std::vector<Id> out;
    for (const auto& i : items) out.push_back(i.id);
    return out;
  };
  auto categories = snap->sitemap_listings(store::ListingKind::Category);
  EXPECT_EQ(ids(categories), (std::vector<Id>{news, local}));
  auto tags = snap->sitemap_listings(store::ListingKind::Tag);
  ASSERT_EQ(ids(tags), (std::vector<Id>{water}));
  EXPECT_EQ(tags[0].slug, "water");
  EXPECT_EQ(tags[0].modified_at, kStart);
  auto authors = snap->sitemap_listings(store::ListingKind::Author);
  ASSERT_EQ(ids(authors), (std::vector<Id>{ann}));
  EXPECT_EQ(authors[0].slug, "annlogin-slug") << "the public slug, never the login";
  snap.reset();

  clock_.advance(120);
  article("second", news, {ann}, kJanuary + 60);
  snap = db_->snapshot();
  EXPECT_EQ(snap->sitemap_listings(store::ListingKind::Author)[0].modified_at, kStart + 120);
  EXPECT_EQ(snap->sitemap_listings(store::ListingKind::Tag)[0].modified_at, kStart)
      << "the tag's listing did not change";
}

}  // namespace khabar::test
