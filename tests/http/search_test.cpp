// Reader search on a real server (docs/search.md): /search/ with results in order,
// snippets with <mark> and nothing unescaped, filters, paging and its limits, 429, drafts
// never found, edits and deletes seen at once, the header's search box and /?s=.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "content/urls.h"
#include "store/open.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar;
using namespace khabar::test;
using content::Id;
using content::Status;

namespace {

constexpr content::Timestamp kDay = 86400;
constexpr content::Timestamp kStart = 1'790'000'000;

class ReaderSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    auto init = run_khabar({"init", "--data", data_.string()});
    ASSERT_EQ(init.exit_code, 0) << init.output;
    store_ = store::open_store({.location = (data_ / "khabar.db").string()});
    write([&](store::Transaction& tx) {
      ann_ = tx.add_user({"ann", "ann@example.org", "Ann Wardak", "ann-wardak", "", "author"})
                 .or_throw();
      world_ = tx.add_category({"World", "world", 0, "", 0}).or_throw();
      asia_ = tx.add_category({"Asia", "asia", world_, "", 0}).or_throw();
      sport_ = tx.add_category({"Sport", "sport", 0, "", 0}).or_throw();
      tx.set_setting("search_per_minute", "1000");
    });
    server_ = std::make_unique<ServerProcess>(data_);
  }

  void write(const std::function<void(store::Transaction&)>& work) {
    auto tx = store_->begin();
    work(*tx);
    ASSERT_TRUE(tx->commit());
  }

  Id story(const std::string& slug, const std::string& title, const std::string& body,
           content::Timestamp at, Id category = 0, std::string language = "en",
           Status status = Status::Published) {
    store::NewArticle a;
    a.slug = slug;
    a.title = title;
    a.excerpt = "Standfirst of " + slug;
    a.body_markdown = body;
    a.category_id = category;
    a.author_ids = {ann_};
    a.language = std::move(language);
    a.status = status;
    a.published_at = at;
    Id id = 0;
    write([&](store::Transaction& tx) { id = tx.add_article(a).or_throw(); });
    return id;
  }

  HttpResponse get(const std::string& target) { return http_get(server_->port(), target); }

  HttpResponse search(const std::string& query, const std::string& more = "") {
    return get("/search/?q=" + content::percent_encode(query) + more);
  }

  // The slugs of the results of a search page, in order.
  static std::vector<std::string> results(const std::string& body) {
    Html html(body);
    std::vector<std::string> out;
    for (const auto* item : html.by_class("result"))
      for (const auto* a : Html::descendants(item, "a"))
        if (std::string href = Html::attr(a, "href"); !href.starts_with("/category/")) {
          out.push_back(href.substr(1, href.size() - 2));
          break;
        }
    return out;
  }

  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<ServerProcess> server_;
  Id ann_ = 0, world_ = 0, asia_ = 0, sport_ = 0;
};

using Slugs = std::vector<std::string>;

}  // namespace

TEST_F(ReaderSearch, ResultsInOrderWithMarkedSnippetsNeverCachedNorIndexed) {
  story("old-floods", "Weather report", "Floods in Kunar closed two roads.", kStart);
  story("new-floods", "Weather update", "Floods in Kunar closed two roads.", kStart + kDay);
  story("headline", "Kunar floods cut the valley off", "Rain all week.", kStart - kDay);
  story("other", "Cricket final", "A close match.", kStart);
  auto r = search("kunar floods");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(results(r.body), (Slugs{"headline", "new-floods", "old-floods"}));
  Html html(r.body);
  EXPECT_EQ(Html::text(html.by_class("search-count").at(0)), "3 results");
  auto snippets = html.by_class("snippet");
  ASSERT_EQ(snippets.size(), 3u);
  EXPECT_NE(r.body.find("<mark>Floods</mark> in <mark>Kunar</mark> closed two roads."),
            std::string::npos);
  EXPECT_NE(r.body.find("<mark>Kunar</mark> <mark>floods</mark> cut the valley off"),
            std::string::npos)
      << "the headline is marked too";
  // Each result: headline link, date, byline.
  auto first = html.by_class("result").at(0);
  EXPECT_FALSE(Html::descendants(first, "time").empty());
  EXPECT_NE(Html::text(first).find("Ann Wardak"), std::string::npos);
  // Never stored by the cache, never indexed by search engines.
  EXPECT_NE(r.body.find("<meta name=\"robots\" content=\"noindex\">"), std::string::npos);
  EXPECT_EQ(r.header("x-robots-tag"), "noindex");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_NE(search("kunar floods").header("x-cache"), "hit");
}

TEST_F(ReaderSearch, NothingTypedOrStoredIsEverMarkup) {
  story("hostile", "<script>alert(1)</script> Kabul & \"friends\"",
        "Kabul <img src=x onerror=alert(2)> and <b>more</b>.", kStart);
  auto r = search("kabul <img src=x onerror=alert(2)>");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(r.body.find("<img src=x"), std::string::npos);
  EXPECT_EQ(r.body.find("<b>more"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; <mark>Kabul</mark> "
                        "&amp; &quot;friends&quot;"),
            std::string::npos);
  EXPECT_NE(r.body.find("<mark>Kabul</mark> &lt;<mark>img</mark>"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"kabul &lt;img src=x onerror=alert(2)&gt;\""), std::string::npos);
  // Whatever a reader types is a query, never an error.
  for (std::string typed : std::vector<std::string>{"\"", "-", "*", "NEAR(", "a OR b", "title:x",
                                                    "(((", "\xff\xfe", std::string(1000, 'x')}) {
    auto q = search(typed);
    EXPECT_EQ(q.status, 200) << typed.substr(0, 20);
  }
}

TEST_F(ReaderSearch, FiltersNarrowAndShowTheirCounts) {
  story("w", "Summit opens", "A summit.", kStart, world_);
  story("a", "Summit in Asia", "A summit.", kStart + kDay, asia_);
  story("s", "Summit of coaches", "A summit.", kStart + 2 * kDay, sport_, "ps");
  auto sorted = [&](const std::string& more) {
    auto got = results(search("summit", more).body);
    std::sort(got.begin(), got.end());
    return got;
  };
  EXPECT_EQ(sorted("&category=world"), (Slugs{"a", "w"})) << "with its sub-categories";
  EXPECT_EQ(sorted("&category=world/asia"), Slugs{"a"});
  EXPECT_EQ(sorted("&language=ps"), Slugs{"s"});
  EXPECT_EQ(sorted("&author=ann-wardak").size(), 3u);
  EXPECT_EQ(sorted("&author=nobody"), Slugs{});
  EXPECT_EQ(sorted("&category=no/such"), Slugs{});
  // Dates in the site's zone (UTC here), both ends included.
  std::string day1 = "2026-09-22", day2 = "2026-09-23";  // kStart + 1 and + 2 days
  EXPECT_EQ(sorted("&from=" + day1), (Slugs{"a", "s"}));
  EXPECT_EQ(sorted("&from=" + day1 + "&to=" + day1), Slugs{"a"});
  EXPECT_EQ(sorted("&to=" + day2).size(), 3u);

  Html html(search("summit").body);
  auto facets = html.by_class("facets");
  ASSERT_EQ(facets.size(), 2u) << "by section and by language";
  std::string sections = Html::text(facets[0]);
  EXPECT_NE(sections.find("World 2"), std::string::npos) << sections;
  EXPECT_NE(sections.find("Sport 1"), std::string::npos) << sections;
  std::string languages = Html::text(facets[1]);
  EXPECT_NE(languages.find("English 2"), std::string::npos) << languages;
  EXPECT_NE(languages.find("پښتو 1"), std::string::npos) << languages << " (in the page's digits)";
  bool narrows = false;
  for (const auto* a : Html::descendants(facets[0], "a"))
    narrows |= Html::attr(a, "href") == "/search/?q=summit&category=world";
  EXPECT_TRUE(narrows);
}

TEST_F(ReaderSearch, PagesOfTwentyAndNotFoundPastTheEnd) {
  write([&](store::Transaction& tx) {
    for (int i = 0; i < 45; ++i) {
      store::NewArticle a;
      a.slug = "s" + std::to_string(i);
      a.title = "Story " + std::to_string(i);
      a.body_markdown = "Common words.";
      a.status = Status::Published;
      a.published_at = kStart + i;
      tx.add_article(a).or_throw();
    }
  });
  auto one = search("common");
  EXPECT_EQ(results(one.body).size(), 20u);
  EXPECT_NE(one.body.find("href=\"/search/?q=common&amp;page=2\""), std::string::npos);
  auto three = search("common", "&page=3");
  ASSERT_EQ(three.status, 200);
  EXPECT_EQ(results(three.body).size(), 5u);
  EXPECT_EQ(three.body.find("page=4"), std::string::npos) << "no link past the last page";
  EXPECT_EQ(search("common", "&page=4").status, 404);
  EXPECT_EQ(search("common", "&page=51").status, 404) << "deep pages are never served";
  EXPECT_EQ(search("common", "&page=0").status, 404);
  EXPECT_EQ(search("common", "&page=two").status, 404);
}

TEST_F(ReaderSearch, PastTheMatchesRankedTheCountsAreEstimates) {
  write([&](store::Transaction& tx) {
    tx.set_setting("search_ranked", "10");
    for (int i = 0; i < 45; ++i) {
      store::NewArticle a;
      a.slug = "s" + std::to_string(i);
      a.title = i == 0 ? "Common words" : "Story " + std::to_string(i);
      a.body_markdown = "Common words.";
      a.status = Status::Published;
      a.published_at = kStart + i;
      a.category_id = i % 2 ? world_ : sport_;
      tx.add_article(a).or_throw();
    }
  });
  auto page = search("common words");
  ASSERT_EQ(page.status, 200);
  Html html(page.body);
  EXPECT_EQ(Html::text(html.by_class("search-count").at(0)), "About 45 results")
      << "the matches as dense among the older articles as among the newest ten";
  auto got = results(page.body);
  ASSERT_EQ(got.size(), 20u);
  EXPECT_EQ(got[0], "s0") << "the headline's phrase first, however old";
  EXPECT_EQ(got[1], "s44") << "then the newest";
  auto facets = html.by_class("facets");
  ASSERT_FALSE(facets.empty());
  EXPECT_NE(Html::text(facets[0]).find("World \u2248\u00a0"), std::string::npos)
      << "an estimate shown as one: " << Html::text(facets[0]);
  EXPECT_NE(page.body.find("page=2"), std::string::npos);
  auto last = results(search("common words", "&page=3").body);
  EXPECT_EQ(last.size(), 5u) << "past the matches ranked, the next ones, newest first";
  EXPECT_EQ(last.back(), "s1");
  EXPECT_EQ(search("common words", "&page=3").body.find("page=4"), std::string::npos)
      << "no link past the last page, whatever the estimate";
}

TEST_F(ReaderSearch, DraftsNeverAndChangesAtOnce) {
  Id draft = story("draft", "Secret reshuffle", "Names of ministers.", 0, 0, "en", Status::Draft);
  Id out = story("out", "Cabinet meets", "An agenda of ministers.", kStart);
  EXPECT_EQ(results(search("ministers").body), Slugs{"out"});
  auto none = search("reshuffle");
  EXPECT_EQ(results(none.body), Slugs{});
  EXPECT_EQ(none.body.find("Secret"), std::string::npos) << "not in a suggestion either";
  write([&](store::Transaction& tx) {
    auto e = store_->snapshot()->article_for_edit(out);
    store::NewArticle a = e->fields;
    a.body_markdown = "The cabinet postponed everything.";
    ASSERT_TRUE(tx.update_article(out, a));
  });
  EXPECT_EQ(results(search("postponed").body), Slugs{"out"}) << "an edit is found at once";
  EXPECT_EQ(results(search("agenda").body), Slugs{});
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.delete_article(out)); });
  EXPECT_EQ(results(search("postponed").body), Slugs{}) << "a deleted article is gone at once";
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.set_article_status(draft, Status::Published, kStart, kStart));
  });
  EXPECT_EQ(results(search("reshuffle").body), Slugs{"draft"});
}

TEST_F(ReaderSearch, AnySpellingOfPashtoAndDidYouMean) {
  story("nangarhar", "د ننګرهار ښار ته اوبه ورسېدې", "په ښار کې خلک خوشاله دي.", kStart, 0, "ps");
  story("irrigation", "Drip irrigation in Herat", "Irrigation saves water.", kStart);
  EXPECT_EQ(results(search("ننگرهار").body), Slugs{"nangarhar"}) << "Persian gaf";
  EXPECT_EQ(results(search("شار").body), Slugs{"nangarhar"}) << "ش for ښ";
  EXPECT_EQ(results(search("ننګر*").body), Slugs{"nangarhar"});
  EXPECT_EQ(results(search("ننګرهار", "&language=ps").body), Slugs{"nangarhar"});
  auto typo = search("irigation");
  EXPECT_EQ(results(typo.body), Slugs{});
  Html html(typo.body);
  auto suggestion = html.by_class("did-you-mean");
  ASSERT_EQ(suggestion.size(), 1u);
  auto link = Html::descendants(suggestion[0], "a").at(0);
  EXPECT_EQ(Html::text(link), "irrigation");
  EXPECT_EQ(Html::attr(link, "href"), "/search/?q=irrigation");
  EXPECT_FALSE(html.by_class("no-results").empty());
}

TEST_F(ReaderSearch, TheHeaderBoxWordPressAddressesAndTheSearchBudget) {
  story("kabul", "Kabul libraries", "Books.", kStart);
  // Every reader page has the search box: a labelled GET form.
  for (std::string page : {"/", "/kabul/", "/category/world/"}) {
    Html html(get(page).body);
    auto form = html.first("form", "role", "search");
    ASSERT_TRUE(form) << page;
    EXPECT_EQ(Html::attr(form, "action"), "/search/");
    EXPECT_EQ(Html::attr(form, "method"), "get");
    auto input = html.first("input", "id", "site-search-q");
    ASSERT_TRUE(input);
    EXPECT_EQ(Html::attr(input, "name"), "q");
    EXPECT_TRUE(html.first("label", "for", "site-search-q"));
  }
  auto wp = get("/?s=kabul+libraries");
  EXPECT_EQ(wp.status, 301);
  EXPECT_EQ(wp.header("location"), "/search/?q=kabul%20libraries");
  auto bare = get("/search?q=kabul");
  EXPECT_EQ(bare.status, 301);
  EXPECT_EQ(bare.header("location"), "/search/?q=kabul");
  EXPECT_EQ(get("/search/").status, 200) << "the form alone";

  write([&](store::Transaction& tx) { tx.set_setting("search_per_minute", "5"); });
  int ok = 0, refused = 0;
  std::string retry;
  for (int i = 0; i < 8; ++i) {
    auto r = search("kabul " + std::to_string(i));
    if (r.status == 200) ++ok;
    if (r.status == 429) ++refused, retry = r.header("retry-after");
  }
  EXPECT_LE(ok, 5);
  EXPECT_GE(refused, 3);
  EXPECT_FALSE(retry.empty());
  EXPECT_EQ(get("/kabul/").status, 200) << "only searches are counted";
}
