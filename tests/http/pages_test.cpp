// The reader pages of the demo site, parsed as HTML and checked part by part.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"

using namespace khabar::test;
using nlohmann::json;

namespace {

constexpr const char* kArticle = "/kabul-opens-three-new-public-libraries-before-winter/";
constexpr const char* kCoAuthored = "/mazar-i-sharif-bus-terminal-reopens-after-a-year-of-repairs/";
constexpr const char* kPashto = "/kabul-winter-bread-ps/";

HttpResponse page(const std::string& target, int status = 200) {
  auto r = http_get(demo_site().port(), target);
  EXPECT_EQ(r.status, status) << target;
  return r;
}

std::vector<json> json_ld(const Html& html) {
  std::vector<json> out;
  for (auto* script : html.all("script", "type", "application/ld+json"))
    out.push_back(json::parse(Html::text(script)));
  return out;
}

std::vector<std::string> texts(const std::vector<const GumboNode*>& nodes) {
  std::vector<std::string> out;
  for (auto* n : nodes) out.push_back(Html::text(n));
  return out;
}

void expect_no_private_data(const std::string& body, const std::string& where) {
  EXPECT_EQ(body.find("@example.org"), std::string::npos) << "email leaked on " << where;
  EXPECT_EQ(body.find("@example.net"), std::string::npos) << "email leaked on " << where;
  EXPECT_EQ(body.find("@newsroom.example"), std::string::npos) << "email leaked on " << where;
  EXPECT_EQ(body.find("msadat"), std::string::npos) << "login leaked on " << where;
}

}  // namespace

TEST(ArticlePage, BreadcrumbsAsNavAndJsonLd) {
  auto r = page(kArticle);
  Html html(r.body);
  auto* nav = html.first("nav", "aria-label", "Breadcrumb");
  ASSERT_TRUE(nav);
  auto items = texts(Html::descendants(nav, "li"));
  EXPECT_EQ(items,
            (std::vector<std::string>{"Home", "Afghanistan",
                                      "Kabul opens three new public libraries before winter"}));
  auto links = Html::descendants(nav, "a");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(Html::attr(links[1], "href"), "/category/afghanistan/");
  bool found = false;
  for (const auto& ld : json_ld(html)) {
    if (ld["@type"] != "BreadcrumbList") continue;
    found = true;
    ASSERT_EQ(ld["itemListElement"].size(), 3u);
    EXPECT_EQ(ld["itemListElement"][0]["position"], 1);
    EXPECT_EQ(ld["itemListElement"][0]["item"], "https://news.example/");
    EXPECT_EQ(ld["itemListElement"][1]["name"], "Afghanistan");
    EXPECT_EQ(ld["itemListElement"][2]["item"], std::string("https://news.example") + kArticle);
  }
  EXPECT_TRUE(found);
}

TEST(ArticlePage, HeadlineBylineTimesAndReadingTime) {
  Html html(page(kArticle).body);
  EXPECT_EQ(html.all("h1").size(), 1u);
  EXPECT_EQ(Html::text(html.first("h1")), "Kabul opens three new public libraries before winter");
  auto* byline = html.by_class("byline").at(0);
  EXPECT_EQ(Html::text(byline), "By Mariam Sadat");
  auto* author_link = Html::descendants(byline, "a").at(0);
  EXPECT_EQ(Html::attr(author_link, "href"), "/author/mariam-sadat/");
  auto* time = html.by_class("dateline").at(0);
  auto times = Html::descendants(time, "time");
  ASSERT_GE(times.size(), 1u);
  EXPECT_TRUE(std::regex_match(Html::attr(times[0], "datetime"),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  EXPECT_TRUE(std::regex_match(Html::text(times[0]), std::regex(R"(\d{1,2} [A-Z][a-z]+ \d{4})")));
  EXPECT_TRUE(std::regex_search(Html::text(html.by_class("reading-time").at(0)),
                                std::regex(R"(^\d+ min read$)")));
  // Issue 17: the canonical address, and the NewsArticle data Google reads: authors as
  // Person with their page, the publisher, the section, both times with their offset.
  auto* canonical = html.first("link", "rel", "canonical");
  ASSERT_NE(canonical, nullptr);
  std::string address = Html::attr(canonical, "href");
  EXPECT_TRUE(address.starts_with("https://news.example/")) << address;  // the site url
  EXPECT_TRUE(address.ends_with(kArticle)) << address;
  int articles = 0;
  for (const auto& ld : json_ld(html)) {
    if (ld["@type"] != "NewsArticle") continue;
    ++articles;
    EXPECT_EQ(ld["headline"], "Kabul opens three new public libraries before winter");
    ASSERT_TRUE(ld["author"].is_array());
    EXPECT_EQ(ld["author"][0]["@type"], "Person");
    EXPECT_EQ(ld["author"][0]["name"], "Mariam Sadat");
    EXPECT_EQ(ld["author"][0]["url"],
              address.substr(0, address.find(kArticle)) + "/author/mariam-sadat/");
    EXPECT_EQ(ld["publisher"]["@type"], "Organization");
    EXPECT_EQ(ld["articleSection"], "Afghanistan");
    EXPECT_EQ(ld["mainEntityOfPage"], address);
    EXPECT_EQ(ld["inLanguage"], "en");
    EXPECT_EQ(ld["datePublished"], Html::attr(times[0], "datetime"));
    EXPECT_TRUE(std::regex_match(ld["dateModified"].get<std::string>(),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d))")))
        << ld["dateModified"];
  }
  EXPECT_EQ(articles, 1);
}

// Issue 14: share links for WhatsApp, Telegram, Facebook, X and email: plain links
// carrying the article's address and headline, labelled in its language; nothing on the
// page loads from those hosts.
TEST(ArticlePage, ShareLinksArePlainLinksInTheArticlesLanguage) {
  auto shares = [](const std::string& path) {
    auto body = page(path).body;
    Html html(body);
    auto boxes = html.by_class("share");
    EXPECT_EQ(boxes.size(), 1u) << path;
    std::vector<std::string> out;
    if (boxes.empty()) return std::make_pair(body, out);
    out.push_back(Html::text(Html::descendants(boxes[0], "span").at(0)));
    for (auto* a : Html::descendants(boxes[0], "a")) {
      EXPECT_EQ(Html::attr(a, "rel"), "nofollow noopener noreferrer");
      out.push_back(Html::text(a) + " " + Html::attr(a, "href"));
    }
    return std::make_pair(body, out);
  };
  auto [body, links] = shares(kArticle);
  std::string address =
      "https%3A%2F%2Fnews.example%2Fkabul-opens-three-new-public-libraries-before-"
      "winter%2F";
  std::string title = "Kabul%20opens%20three%20new%20public%20libraries%20before%20winter";
  EXPECT_EQ(links, (std::vector<std::string>{
                       "Share:", "WhatsApp https://wa.me/?text=" + title + "%20" + address,
                       "Telegram https://t.me/share/url?url=" + address + "&text=" + title,
                       "Facebook https://www.facebook.com/sharer/sharer.php?u=" + address,
                       "X https://x.com/intent/post?url=" + address + "&text=" + title,
                       "Email mailto:?subject=" + title + "&body=" + address}));
  // Only as link targets: no script, picture, frame or style from those hosts.
  for (const char* host : {"wa.me", "t.me", "facebook.com", "x.com"}) {
    std::size_t n = 0;
    for (std::size_t at = body.find(host); at != std::string::npos; at = body.find(host, at + 1))
      ++n;
    EXPECT_EQ(n, 1u) << host;
  }
  auto [ps_body, ps_links] = shares("/kabul-winter-bread-ps/");
  ASSERT_EQ(ps_links.size(), 6u);
  EXPECT_EQ(ps_links[0], "شریک یې کړئ:");
  EXPECT_TRUE(ps_links[5].starts_with("برېښنالیک mailto:?subject=%D9%BE%D9%87%20")) << ps_links[5];
  EXPECT_NE(ps_links[1].find("kabul-winter-bread-ps%2F"), std::string::npos) << ps_links[1];
}

TEST(ArticlePage, CoAuthorsInTheByline) {
  Html html(page(kCoAuthored).body);
  EXPECT_EQ(Html::text(html.by_class("byline").at(0)), "By Mariam Sadat and Ahmad Wali Noori");
  EXPECT_EQ(html.by_class("author-box").size(), 2u);
}

TEST(ArticlePage, BodyFromMarkdownWithQuotationsAndSubheadings) {
  Html html(page(kArticle).body);
  auto* body = html.by_class("story-body").at(0);
  EXPECT_GE(Html::descendants(body, "p").size(), 3u);
  EXPECT_EQ(Html::descendants(body, "blockquote").size(), 1u);
  EXPECT_EQ(texts(Html::descendants(body, "h2")), (std::vector<std::string>{"What happens next"}));
}

TEST(ArticlePage, SourceLineTagsAndAuthorBox) {
  Html html(page(kArticle).body);
  EXPECT_EQ(Html::text(html.by_class("source-line").at(0)), "Source: — Khabar");
  auto tags = html.all("a", "rel", "tag");
  EXPECT_EQ(texts(tags), (std::vector<std::string>{"education", "kabul", "libraries"}));
  EXPECT_EQ(Html::attr(tags[0], "href"), "/tag/education/");
  auto* box = html.by_class("author-box").at(0);
  EXPECT_EQ(Html::text(Html::descendants(box, "h2").at(0)), "About Mariam Sadat");
  EXPECT_NE(Html::text(box).find("Kabul correspondent"), std::string::npos);
  auto links = Html::descendants(box, "a");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(Html::attr(links[0], "href"), "/author/mariam-sadat/");
}

TEST(ArticlePage, ApprovedCommentsThreadedWithCount) {
  auto r = page(kArticle);
  Html html(r.body);
  EXPECT_EQ(Html::text(html.first("h2", "id", "comments-heading")), "4 Comments");
  auto comments = html.by_class("comment");
  EXPECT_EQ(comments.size(), 4u);
  auto* list = html.by_class("comment-list").at(0);
  // Farid -> Laila -> Farid, and Yusuf at the top level.
  auto nested = html.by_class("children");
  EXPECT_EQ(nested.size(), 2u);
  EXPECT_EQ(html.by_class("depth-3").size(), 1u);
  EXPECT_NE(Html::text(list).find("Thank you for naming your sources"), std::string::npos);
  auto* url_author = html.first("a", "rel", "nofollow ugc noopener");
  ASSERT_TRUE(url_author);
  EXPECT_EQ(Html::text(url_author), "Laila Ahmadi");
  expect_no_private_data(r.body, kArticle);
}

TEST(ArticlePage, CheckAlsoShowsARelatedArticleWithAnExcerpt) {
  Html html(page(kArticle).body);
  auto* aside = html.by_class("check-also").at(0);
  EXPECT_EQ(Html::text(Html::descendants(aside, "h2").at(0)), "Check Also");
  auto links = Html::descendants(aside, "a");
  ASSERT_GE(links.size(), 2u);  // kicker + headline
  std::string href = Html::attr(links[1], "href");
  EXPECT_NE(href, kArticle);
  EXPECT_EQ(page(href).status, 200);
  std::string excerpt = Html::text(Html::descendants(aside, "p").at(1));
  EXPECT_TRUE(excerpt.ends_with("\u2026")) << excerpt;
  EXPECT_NE(excerpt[excerpt.size() - 4], ' ');  // cut at a word, no space before "…"
  // Same category first: the related article is also in Afghanistan.
  EXPECT_EQ(Html::text(links[0]), "Afghanistan");
}

TEST(ArticlePage, PashtoIsRightToLeftWithPashtoStrings) {
  Html html(page(kPashto).body);
  auto* root = html.first("html");
  EXPECT_EQ(Html::attr(root, "lang"), "ps");
  EXPECT_EQ(Html::attr(root, "dir"), "rtl");
  EXPECT_EQ(Html::text(html.by_class("check-also").at(0)).rfind("دا هم وګورئ", 0), 0u);
  auto crumbs = texts(Html::descendants(html.first("nav", "aria-label", "د لارې نښې"), "li"));
  ASSERT_FALSE(crumbs.empty());
  EXPECT_EQ(crumbs[0], "کور");
  EXPECT_NE(Html::text(html.by_class("dateline").at(0)).find("۲"), std::string::npos);
}

TEST(HomePage, LeadLatestAndASectionPerTopCategory) {
  auto r = page("/");
  Html html(r.body);
  EXPECT_EQ(Html::attr(html.first("html"), "lang"), "en");
  EXPECT_EQ(html.by_class("lead").size(), 1u);
  auto* latest = html.by_class("latest").at(0);
  EXPECT_EQ(Html::descendants(latest, "article").size(), 10u);
  auto sections = texts(Html::descendants(html.root(), "h2"));
  for (const char* name :
       {"Afghanistan", "World", "Business", "Health", "Sport", "Culture", "Opinion"})
    EXPECT_NE(std::find(sections.begin(), sections.end(), name), sections.end()) << name;
  auto* nav = html.first("nav", "aria-label", "Main navigation");
  EXPECT_EQ(Html::descendants(nav, "a").size(), 8u);  // Home + 7 top categories
  auto* next = html.first("a", "rel", "next");
  ASSERT_TRUE(next);
  EXPECT_EQ(Html::attr(next, "href"), "/page/2/");
  expect_no_private_data(r.body, "/");
  // Pashto cards keep their direction inside the English page.
  bool rtl_card = false;
  for (auto* card : html.by_class("card")) rtl_card |= Html::attr(card, "dir") == "rtl";
  EXPECT_TRUE(rtl_card);
}

TEST(HomePage, PaginationAndItsEnd) {
  Html second(page("/page/2/").body);
  EXPECT_EQ(Html::attr(second.first("a", "rel", "prev"), "href"), "/");
  EXPECT_EQ(second.by_class("lead").size(), 0u);
  page("/page/7/");  // 64 articles: 7 pages of 10
  page("/page/8/", 404);
}

TEST(CategoryPage, NestedPathsBreadcrumbsAndChildArticles) {
  Html asia(page("/category/world/asia/").body);
  EXPECT_EQ(Html::text(asia.first("h1")), "Asia");
  auto crumbs = texts(Html::descendants(asia.first("nav", "aria-label", "Breadcrumb"), "li"));
  EXPECT_EQ(crumbs, (std::vector<std::string>{"Home", "World", "Asia"}));
  std::size_t asia_count = asia.by_class("card").size();
  EXPECT_EQ(asia_count, 7u);
  Html world(page("/category/world/").body);
  // World lists its own articles and Asia's, newest first, 10 a page.
  EXPECT_EQ(world.by_class("card").size(), 10u);
  EXPECT_EQ(Html::attr(world.first("a", "rel", "next"), "href"), "/category/world/page/2/");
  Html world2(page("/category/world/page/2/").body);
  EXPECT_EQ(world2.by_class("card").size(), 3u);  // 6 World + 7 Asia = 13
  page("/category/world/page/3/", 404);
  page("/category/asia/", 404);  // only under its parent
  page("/category/world/asia/extra/", 404);
}

TEST(ListingPages, TagAndAuthor) {
  Html tag(page("/tag/kabul/").body);
  EXPECT_EQ(Html::text(tag.first("h1")), "Tagged: kabul");
  EXPECT_GE(tag.by_class("card").size(), 5u);
  auto r = page("/author/hamid-karimi/");
  Html author(r.body);
  EXPECT_EQ(Html::text(author.first("h1")), "Articles by Hamid Karimi");
  EXPECT_NE(Html::text(author.by_class("archive-description").at(0)).find("Pashto service"),
            std::string::npos);
  expect_no_private_data(r.body, "author page");
  page("/author/hkarimi/", 404);  // login names are not public
  page("/tag/no-such-tag/", 404);
}

TEST(StaticPage, AboutAndTrailingSlashRedirect) {
  Html about(page("/about/").body);
  EXPECT_EQ(Html::text(about.first("h1")), "About Khabar");
  EXPECT_EQ(about.by_class("comments").size(), 0u);
  auto redirect = http_get(demo_site().port(), "/about?x=1");
  EXPECT_EQ(redirect.status, 301);
  EXPECT_EQ(redirect.header("location"), "/about/?x=1");
  EXPECT_EQ(http_get(demo_site().port(), "/no-such-page").status, 404);
}

TEST(Feeds, SiteAndCategoryRss) {
  auto r = page("/feed/");
  EXPECT_EQ(r.header("content-type"), "application/rss+xml; charset=utf-8");
  EXPECT_TRUE(r.body.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  std::size_t items = 0;
  for (std::size_t p = 0; (p = r.body.find("<item>", p)) != std::string::npos; ++p) ++items;
  EXPECT_EQ(items, 20u);
  EXPECT_NE(r.body.find("<link>https://news.example/"
                        "kabul-opens-three-new-public-libraries-before-winter/</link>"),
            std::string::npos);
  EXPECT_NE(r.body.find("<atom:link href=\"https://news.example/feed/\""), std::string::npos);
  expect_no_private_data(r.body, "/feed/");
  auto asia = page("/category/world/asia/feed/");
  std::size_t asia_items = 0;
  for (std::size_t p = 0; (p = asia.body.find("<item>", p)) != std::string::npos; ++p) ++asia_items;
  EXPECT_EQ(asia_items, 7u);
  EXPECT_EQ(asia.body.find("<category>Business</category>"), std::string::npos);
  page("/tag/kabul/feed/");
  page("/author/mariam-sadat/feed/");
}

TEST(NotFound, ThemedPageWith404) {
  auto r = page("/this/does/not/exist/", 404);
  Html html(r.body);
  EXPECT_EQ(Html::text(html.first("h1")), "Page not found");
  EXPECT_TRUE(html.first("meta", "name", "robots"));
  EXPECT_TRUE(html.first("nav", "aria-label", "Main navigation"));  // the site around it
}

TEST(Accessibility, LandmarksLanguageAndOneH1) {
  for (const char* target :
       {"/", kArticle, kPashto, "/category/world/", "/tag/kabul/", "/about/", "/nope/"}) {
    Html html(http_get(demo_site().port(), target).body);
    EXPECT_TRUE(html.first("header")) << target;
    EXPECT_TRUE(html.first("main", "id", "main")) << target;
    EXPECT_TRUE(html.first("footer")) << target;
    EXPECT_TRUE(html.first("a", "href", "#main")) << target;  // skip link
    EXPECT_EQ(html.all("h1").size(), 1u) << target;
    EXPECT_FALSE(Html::attr(html.first("html"), "lang").empty()) << target;
    EXPECT_TRUE(html.first("meta", "name", "viewport")) << target;
    for (const auto& ld : json_ld(html)) EXPECT_TRUE(ld.contains("@type")) << target;
    // Heading order: never more than one level deeper than the heading before.
    int previous = 0;
    for (auto* h : html.any_of({"h1", "h2", "h3", "h4", "h5", "h6"})) {
      int level = Html::tag(h)[1] - '0';
      EXPECT_LE(level, previous + 1) << target << ": " << Html::tag(h) << " " << Html::text(h);
      previous = level;
    }
  }
}
