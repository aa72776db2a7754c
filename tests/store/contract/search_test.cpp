// The contract: reader search (ReaderReads::search, indexed_words_like; the index kept by
// every Transaction write; Transaction::rebuild_search_index). docs/search.md.
#include <algorithm>

#include "search/query.h"
#include "store/contract/contract.h"

namespace khabar::test {
namespace {

using namespace content;

class SearchContract : public StoreContract {
 protected:
  // An article with its own words: `title`, `excerpt` and a Markdown `body`.
  Id story(const std::string& slug, const std::string& title, const std::string& body,
           Timestamp published, Status status = Status::Published, Id category = 0,
           std::vector<Id> authors = {}, std::string language = "en", std::vector<Id> tags = {}) {
    store::NewArticle a;
    a.slug = slug;
    a.title = title;
    a.excerpt = "Standfirst of " + slug;
    a.body_markdown = body;
    a.status = status;
    a.category_id = category;
    a.author_ids = std::move(authors);
    a.language = std::move(language);
    a.tag_ids = std::move(tags);
    a.published_at = published;
    return add(a);
  }

  store::SearchResults find(const std::string& typed, store::SearchRequest r = {}) {
    r.query = search::parse_query(typed);
    return db_->snapshot()->search(r);
  }

  // The slugs found, in the order ranked.
  std::vector<std::string> found(const std::string& typed, store::SearchRequest r = {}) {
    std::vector<std::string> out;
    for (const auto& h : find(typed, r).hits) out.push_back(h.article.slug);
    return out;
  }
  // The same, in slug order (where ranking is not what is tested).
  std::vector<std::string> set(const std::string& typed, store::SearchRequest r = {}) {
    auto out = found(typed, r);
    std::sort(out.begin(), out.end());
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, SearchContract, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return info.param.name;
                         });

using Slugs = std::vector<std::string>;

TEST_P(SearchContract, OnlyPublishedWorkIsFoundAndEveryChangeIsSeenAtOnce) {
  Id draft = story("draft", "Secret budget draft", "The budget leak.", 0, Status::Draft);
  Id out = story("out", "Budget passes", "Parliament passed the budget.", kStart);
  story("page", "About the budget office", "We cover the budget.", kStart, Status::Published, 0, {},
        "en");
  EXPECT_EQ(found("budget"), (Slugs{"out", "page"}));
  EXPECT_EQ(found("secret"), Slugs{}) << "a draft's words are never found";
  EXPECT_EQ(find("leak").total, 0);

  // An edit is found at once; the old words are gone.
  auto tx = db_->begin();
  auto editable = db_->snapshot()->article_for_edit(out);
  ASSERT_TRUE(editable);
  store::NewArticle changed = editable->fields;
  changed.body_markdown = "The senate rejected the proposal.";
  ASSERT_TRUE(tx->update_article(out, changed));
  ASSERT_TRUE(tx->commit());
  EXPECT_EQ(found("rejected"), Slugs{"out"});
  EXPECT_EQ(found("parliament"), Slugs{});

  // Publishing, unpublishing, trashing and deleting.
  write([&](store::Transaction& t) {
    ASSERT_TRUE(t.set_article_status(draft, Status::Published, kStart + 5, kStart + 5));
  });
  EXPECT_EQ(found("secret"), Slugs{"draft"});
  write([&](store::Transaction& t) {
    ASSERT_TRUE(t.set_article_status(draft, Status::Trash, kStart + 6, 0));
  });
  EXPECT_EQ(found("secret"), Slugs{});
  write([&](store::Transaction& t) { ASSERT_TRUE(t.delete_article(out)); });
  EXPECT_EQ(found("rejected"), Slugs{});
  EXPECT_EQ(found("budget"), Slugs{"page"});
  // A rolled-back write leaves the index as it was.
  {
    auto t = db_->begin();
    ASSERT_TRUE(t->add_article([] {
      store::NewArticle a;
      a.slug = "ghost";
      a.title = "Ghost budget";
      a.status = Status::Published;
      a.published_at = kStart;
      return a;
    }()));
    ASSERT_TRUE(t->rollback());
  }
  EXPECT_EQ(found("ghost"), Slugs{});
}

TEST_P(SearchContract, ManyChangesInOneTransactionReachTheIndexAsTheyStandAtItsCommit) {
  Id old = story("old", "Drought in Zabul", "Wells run dry.", kStart);
  write([&](store::Transaction& tx) {
    store::NewArticle a;
    a.slug = "kept";
    a.title = "Flood warning";
    a.body_markdown = "The Kunar river rises.";
    a.status = Status::Published;
    a.published_at = kStart;
    Id kept = tx.add_article(a).or_throw();
    a.title = "Earthquake";  // the same slug: refused, and it changes nothing
    EXPECT_FALSE(tx.add_article(a));
    a.slug = "gone";
    a.title = "Locust swarm";
    Id gone = tx.add_article(a).or_throw();
    ASSERT_TRUE(tx.delete_article(gone));
    a.slug = "kept";
    a.title = "Flood warning lifted";
    auto updated = tx.update_article(kept, a);
    ASSERT_TRUE(updated) << updated.message();
    ASSERT_TRUE(tx.delete_article(old));
  });
  EXPECT_EQ(found("lifted"), Slugs{"kept"});
  EXPECT_EQ(found("kunar"), Slugs{"kept"});
  EXPECT_EQ(found("earthquake"), Slugs{}) << "a refused call's text never reaches the index";
  EXPECT_EQ(found("locust"), Slugs{}) << "added and deleted before the commit";
  EXPECT_EQ(found("drought"), Slugs{});
}

TEST_P(SearchContract, ScheduledWorkIsFoundOnceItIsPublished) {
  Id later = story("later", "Embargoed report", "Numbers.", kStart + 100, Status::Scheduled);
  EXPECT_EQ(found("embargoed"), Slugs{});
  auto tx = db_->begin();
  EXPECT_EQ(tx->publish_due(kStart + 100), std::vector<Id>{later});
  ASSERT_TRUE(tx->commit());
  EXPECT_EQ(found("embargoed"), Slugs{"later"});
}

TEST_P(SearchContract, RankingHeadlinePhraseThenWeightedFieldsThenNewest) {
  story("body-old", "Weather report", "Floods in Kunar and more floods.", kStart);
  story("body-new", "Weather update", "Floods in Kunar and more floods.", kStart + 10);
  story("head", "Kunar floods cut roads", "Rain all week.", kStart - 100);
  story("words", "Floods: where Kunar rivers rise", "Rain.", kStart - 200);
  auto hits = found("kunar floods");
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0], "head") << "the headline's exact phrase first";
  EXPECT_EQ(hits[1], "words") << "headline words above body words";
  EXPECT_EQ(hits[2], "body-new") << "equal text: the newer first";
  EXPECT_EQ(hits[3], "body-old");
  EXPECT_EQ(find("kunar floods").total, 4);
}

TEST_P(SearchContract, PastTheMatchesRankedTheNewestAreRankedAndTheRestEstimated) {
  story("old-head", "Kunar floods return", "Rain.", kStart);
  for (int i = 1; i < 40; ++i)
    story("s" + std::to_string(i), "Weather", "Kunar floods again.", kStart + i * 86400,
          Status::Published, 0, {}, i % 4 == 0 ? "ps" : "en");
  auto whole = find("kunar floods");
  EXPECT_FALSE(whole.estimated);
  EXPECT_EQ(whole.total, 40);

  store::SearchRequest r;
  r.ranked = 10;
  r.limit = 10;
  auto capped = find("kunar floods", r);
  EXPECT_TRUE(capped.estimated);
  EXPECT_EQ(capped.total, 40) << "as dense among the older articles as among the newest ten";
  std::int64_t by_language = 0;
  for (const auto& [code, n] : capped.languages) by_language += n;
  EXPECT_EQ(by_language, 40) << "the counts are scaled alike";
  ASSERT_EQ(capped.hits.size(), 10u);
  EXPECT_EQ(capped.hits[0].article.slug, "old-head") << "the headline's phrase first, however old";
  EXPECT_EQ(capped.hits[1].article.slug, "s39") << "then the best of the newest ten";
  EXPECT_EQ(capped.hits[9].article.slug, "s31");

  // A page deeper than the matches ranked: the next ones, newest first.
  r.limit = 5;
  r.offset = 10;
  EXPECT_EQ(found("kunar floods", r), (Slugs{"s30", "s29", "s28", "s27", "s26"}));
  // A filter whose matches are few among the newest: the older ones fill the page, and
  // when they run out the count is exact.
  r = {};
  r.ranked = 10;
  r.language = "ps";
  auto few = find("kunar floods", r);
  EXPECT_FALSE(few.estimated);
  EXPECT_EQ(few.total, 9);
  EXPECT_EQ(few.hits.size(), 9u);
  EXPECT_EQ(few.hits[0].article.slug, "s36");
}

TEST_P(SearchContract, TheQueryLanguage) {
  story("a", "Water talks resume", "Delegates from both provinces met.", kStart);
  story("b", "Talks about water prices", "Farmers asked for lower prices.", kStart + 1);
  story("c", "Jalalabad market", "Traders in Jalalabad.", kStart + 2);
  story("d", "د ننګرهار ولایت", "په ننګرهار کې باران.", kStart + 3, Status::Published, 0, {}, "ps");
  EXPECT_EQ(found("\"water talks\""), Slugs{"a"}) << "a phrase is words in order";
  EXPECT_EQ(found("water talks").size(), 2u) << "every word, anywhere";
  EXPECT_EQ(found("water -prices"), Slugs{"a"});
  EXPECT_EQ(found("jalal*"), Slugs{"c"});
  EXPECT_EQ(found("ننګر*"), Slugs{"d"});
  EXPECT_EQ(found("ننگرهار"), Slugs{"d"}) << "Persian gaf for Pashto ګ";
  EXPECT_EQ(found("elections"), Slugs{});
  EXPECT_EQ(find("-water").total, 0) << "only exclusions ask for nothing";
  EXPECT_EQ(find("^water (talks").total, 2) << "typed operators are no operators";
  EXPECT_EQ(find("title: NEAR(water) OR").total, 0) << "but words that must all match";
}

TEST_P(SearchContract, FiltersAndCounts) {
  Id ann = author("ann", "Ann"), bob = author("bob", "Bob");
  Id world = category({"World", "world", 0, "", 0});
  Id asia = category({"Asia", "asia", world, "", 0});
  Id sport = category({"Sport", "sport", 0, "", 0});
  story("w", "Summit opens", "A summit.", kStart, Status::Published, world, {ann});
  story("as", "Summit in Asia", "A summit.", kStart + 86400, Status::Published, asia, {bob});
  story("sp", "Summit of coaches", "A summit.", kStart + 2 * 86400, Status::Published, sport, {ann},
        "ps");
  // An extra category counts like the primary one.
  store::NewArticle extra;
  extra.slug = "x";
  extra.title = "Summit extra";
  extra.status = Status::Published;
  extra.published_at = kStart + 3 * 86400;
  extra.category_id = sport;
  extra.extra_category_ids = {asia};
  add(extra);

  store::SearchRequest r;
  r.category_id = world;
  EXPECT_EQ(set("summit", r), (Slugs{"as", "w", "x"})) << "sub-categories count";
  r = {};
  r.category_id = asia;
  EXPECT_EQ(set("summit", r), (Slugs{"as", "x"}));
  r = {};
  r.author_id = ann;
  EXPECT_EQ(set("summit", r), (Slugs{"sp", "w"}));
  r = {};
  r.language = "ps";
  EXPECT_EQ(found("summit", r), Slugs{"sp"});
  r = {};
  r.from = kStart + 86400;
  r.to = kStart + 2 * 86400 + 1;
  EXPECT_EQ(set("summit", r), (Slugs{"as", "sp"})) << "[from, to)";

  auto all = find("summit");
  EXPECT_EQ(all.total, 4);
  auto count = [&](Id id) {
    for (auto [c, n] : all.categories)
      if (c == id) return n;
    return std::int64_t{-1};
  };
  EXPECT_EQ(count(world), 2) << "a parent counts its sub-categories' matches";
  EXPECT_EQ(count(asia), 1) << "counted under the primary category only";
  EXPECT_EQ(count(sport), 2);
  EXPECT_EQ(all.languages,
            (std::vector<std::pair<std::string, std::int64_t>>{{"en", 3}, {"ps", 1}}));
  store::SearchRequest quiet;
  quiet.facets = false;
  EXPECT_TRUE(find("summit", quiet).categories.empty());
}

TEST_P(SearchContract, ACategoryMovedOrDeletedFiltersAtOnce) {
  Id world = category({"World", "world", 0, "", 0});
  Id asia = category({"Asia", "asia", 0, "", 0});
  Id sport = category({"Sport", "sport", 0, "", 0});
  story("as", "Summit in Asia", "A summit.", kStart, Status::Published, asia);
  story("sp", "Summit of coaches", "A summit.", kStart, Status::Published, sport);
  store::SearchRequest r;
  r.category_id = world;
  EXPECT_EQ(set("summit", r), Slugs{});
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.update_category(asia, {"Asia", "asia", world, "", 0}));
  });
  EXPECT_EQ(set("summit", r), Slugs{"as"}) << "moved under World: found by its filter";
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.delete_category(sport, world)); });
  EXPECT_EQ(set("summit", r), (Slugs{"as", "sp"})) << "its articles moved to World";
  auto all = find("summit");
  ASSERT_FALSE(all.categories.empty());
  EXPECT_EQ(all.categories.front(), (std::pair<Id, std::int64_t>{world, 2}));
}

TEST_P(SearchContract, PagesOfResultsAndTheTextOfEach) {
  for (int i = 0; i < 25; ++i)
    story("s" + std::to_string(i), "Story " + std::to_string(i),
          "Common words and the number " + std::to_string(i) + ".", kStart + i);
  store::SearchRequest r;
  r.limit = 20;
  auto first = find("common", r);
  EXPECT_EQ(first.total, 25);
  ASSERT_EQ(first.hits.size(), 20u);
  EXPECT_EQ(first.hits[0].article.slug, "s24") << "equal text: newest first";
  EXPECT_EQ(first.hits[0].text, "Common words and the number 24.")
      << "the body as plain text, for a snippet";
  r.offset = 20;
  auto second = find("common", r);
  ASSERT_EQ(second.hits.size(), 5u);
  EXPECT_EQ(second.hits[4].article.slug, "s0");
  r.offset = 40;
  EXPECT_TRUE(find("common", r).hits.empty());
}

TEST_P(SearchContract, TagNamesAreSearchedAndFollowRenames) {
  Id t = tag("Elections", "elections");
  story("tagged", "Counting continues", "Ballots.", kStart, Status::Published, 0, {}, "en", {t});
  EXPECT_EQ(found("election"), Slugs{"tagged"});
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.update_tag(t, "Vote", "vote")); });
  EXPECT_EQ(found("election"), Slugs{});
  EXPECT_EQ(found("vote"), Slugs{"tagged"});
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.delete_tag(t)); });
  EXPECT_EQ(found("vote"), Slugs{});
  EXPECT_EQ(found("ballots"), Slugs{"tagged"});
}

TEST_P(SearchContract, ImportedHtmlIsSearchedAsText) {
  store::NewArticle a;
  a.slug = "imported";
  a.title = "Old story";
  a.body_html =
      "<p>Snow in <a href=\"/x\">Bamiyan</a></p><figure><figcaption>Buddhas "
      "niches</figcaption></figure>";
  a.status = Status::Published;
  a.published_at = kStart;
  add(a);
  EXPECT_EQ(found("bamiyan niches"), Slugs{"imported"});
  EXPECT_EQ(found("href"), Slugs{}) << "markup is no text";
  EXPECT_EQ(found("Bâmiyân"), Slugs{"imported"});
}

TEST_P(SearchContract, TheDeskSearchesEveryStatus) {
  story("draft", "Cabinet reshuffle", "Names.", 0, Status::Draft);
  story("out", "Cabinet meets", "Agenda.", kStart);
  store::DeskFilter f;
  f.search = "cabinet";
  EXPECT_EQ(db_->snapshot()->desk_articles(f).size(), 2u);
  f.search = "reshuffl*";
  EXPECT_EQ(slugs(db_->snapshot()->desk_articles(f)), Slugs{"draft"});
  f.search = "!!!";
  EXPECT_TRUE(db_->snapshot()->desk_articles(f).empty()) << "no word to look for: nothing";
}

TEST_P(SearchContract, IndexedWordsNearAWord) {
  story("a", "Irrigation plans", "Irrigation and irritation.", kStart);
  story("b", "Irrigation again", "More.", kStart + 1);
  auto near = db_->snapshot()->indexed_words_like("irigat");
  auto documents = [&](const std::string& w) {
    for (const auto& k : near)
      if (k.word == w) return k.documents;
    return std::int64_t{-1};
  };
  EXPECT_EQ(documents("irrig"), 2) << "the index keeps stems";
  EXPECT_EQ(documents("irrit"), 1);
  for (const auto& k : near) EXPECT_EQ(k.word.substr(0, 2), "ir") << k.word;
  EXPECT_EQ(db_->snapshot()->indexed_word_documents("irrig"), 2);
  EXPECT_EQ(db_->snapshot()->indexed_word_documents("irigat"), 0);
}

TEST_P(SearchContract, RebuildingTheIndexKeepsWhatIsFound) {
  story("a", "Water talks resume", "Delegates met.", kStart);
  story("d", "Hidden", "Delegates.", 0, Status::Draft);
  std::vector<std::pair<std::int64_t, std::int64_t>> progress;
  write([&](store::Transaction& tx) {
    tx.rebuild_search_index(
        [&](std::int64_t done, std::int64_t total) { progress.emplace_back(done, total); });
  });
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), (std::pair<std::int64_t, std::int64_t>{2, 2}));
  EXPECT_EQ(found("delegates"), Slugs{"a"});
  EXPECT_EQ(found("water talks"), Slugs{"a"});
}

}  // namespace
}  // namespace khabar::test

namespace khabar::test {
namespace {

TEST_P(SearchContract, CheckAlsoIsPickedByContentInTheArticlesLanguage) {
  Id world = category({"World", "world", 0, "", 0});
  Id sport = category({"Sport", "sport", 0, "", 0});
  story("exports", "Kandahar pomegranate exporters find new buyers",
        "Pomegranate orchards around Kandahar sent their first trucks north.", kStart,
        Status::Published, sport);
  story("cricket", "Cricket league opens in the capital", "Teams from eight provinces meet.",
        kStart + 50, Status::Published, world);
  story("ps-kabul", "د کابل ښوونځي بیا پرانیستل شول", "زده کوونکي ټولګیو ته ستانه شول.",
        kStart + 60, Status::Published, world, {}, "ps");
  store::NewArticle a;
  a.slug = "harvest";
  a.title = "Pomegranate harvest in Kandahar";
  a.body_markdown = "The pomegranate orchards of Kandahar expect a large harvest this year.";
  a.category_id = world;
  a.status = Status::Published;
  a.published_at = kStart + 100;
  Id harvest = 0;
  write([&](store::Transaction& tx) {
    harvest = tx.save_article(0, a, 0, 0, kStart + 100).or_throw().id;
  });
  auto article = db_->snapshot()->published_by_slug("harvest");
  ASSERT_TRUE(article);
  auto related = db_->snapshot()->related_article(*article);
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "exports")
      << "shared words beat the same category (cricket) and being newer";

  // A Pashto article's Check Also is in Pashto even when nothing Pashto shares its words.
  store::NewArticle p;
  p.slug = "ps-anar";
  p.title = "د کندهار انار بازار ته ورسېدل";
  p.body_markdown = "Kandahar pomegranate: د انارو لومړي موټرونه.";
  p.language = "ps";
  p.category_id = sport;
  p.status = Status::Published;
  p.published_at = kStart + 200;
  write([&](store::Transaction& tx) { tx.save_article(0, p, 0, 0, kStart + 200).or_throw(); });
  auto pashto = db_->snapshot()->published_by_slug("ps-anar");
  ASSERT_TRUE(pashto);
  auto pashto_related = db_->snapshot()->related_article(*pashto);
  ASSERT_TRUE(pashto_related);
  EXPECT_EQ(pashto_related->slug, "ps-kabul");

  // The pick is kept only while it is published: then the listing rows decide again.
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.set_article_status(db_->snapshot()->published_by_slug("exports")->id,
                                      Status::Draft, kStart + 300, 0));
  });
  auto after = db_->snapshot()->related_article(*article);
  ASSERT_TRUE(after);
  EXPECT_NE(after->slug, "exports");
  EXPECT_NE(after->id, harvest);
}

}  // namespace
}  // namespace khabar::test
