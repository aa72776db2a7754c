// The contract: what the reader site reads (store/reader_reads.h).
#include "store/contract/contract.h"

namespace khabar::test {
namespace {

using namespace content;

// Issue 14: the breaking-news banner. Put up, it reads back whole (expired or not: the
// site decides with the time); taken down, it is gone; each is its own change (Banner),
// never a Settings change, so that the cache drops the reader pages and nothing else.
TEST_P(StoreContract, TheBannerIsPutUpReadBackAndTakenDownAsItsOwnChange) {
  EXPECT_FALSE(db_->snapshot()->banner());
  Id editor = author("editor", "Nadia Editor");
  std::int64_t cursor = db_->latest_change();
  content::Banner b{"Earthquake in Herat: what we know",
                    "/herat-earthquake/",
                    "en",
                    kStart + 3600,
                    editor,
                    kStart};
  write([&](store::Transaction& tx) { tx.set_banner(b); });
  EXPECT_EQ(db_->changes_since(cursor),
            (std::vector<store::Change>{{store::ChangeKind::Banner, 0}}));
  auto read = db_->snapshot()->banner();
  ASSERT_TRUE(read);
  EXPECT_EQ(read->text, b.text);
  EXPECT_EQ(read->url, b.url);
  EXPECT_EQ(read->language, "en");
  EXPECT_EQ(read->until, kStart + 3600);
  EXPECT_EQ(read->set_by, editor);
  EXPECT_EQ(read->set_at, kStart);
  EXPECT_TRUE(read->shown_at(kStart + 3599));
  EXPECT_FALSE(read->shown_at(kStart + 3600));

  // A second one replaces it; the stamp is the store's clock when none is given.
  clock_.set(kStart + 60);
  write([&](store::Transaction& tx) {
    tx.set_banner(content::Banner{"زلزله په هرات کې", "", "ps", 0, editor, 0});
  });
  read = db_->snapshot()->banner();
  ASSERT_TRUE(read);
  EXPECT_EQ(read->language, "ps");
  EXPECT_EQ(read->url, "");
  EXPECT_EQ(read->set_at, kStart + 60);
  EXPECT_TRUE(read->shown_at(kStart + 1'000'000)) << "no end: until taken down";

  cursor = db_->latest_change();
  write([&](store::Transaction& tx) { tx.set_banner(std::nullopt); });
  EXPECT_FALSE(db_->snapshot()->banner());
  EXPECT_EQ(db_->changes_since(cursor),
            (std::vector<store::Change>{{store::ChangeKind::Banner, 0}}));
}

TEST_P(StoreContract, CategoriesKeepHierarchyPathsAndOrder) {
  Id world = category({"World", "world", 0, "International", 2});
  Id asia = category({"Asia", "asia", world, "", 0});
  category({"Business", "business", 0, "", 1});
  auto all = db_->snapshot()->categories();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "Asia");  // position 0
  EXPECT_EQ(all[0].path, "world/asia");
  EXPECT_EQ(all[0].parent_id, world);
  EXPECT_EQ(all[2].description, "International");
  auto tx = db_->begin();
  EXPECT_EQ(tx->category_id_by_path("world/asia"), asia);
  EXPECT_FALSE(tx->category_id_by_path("asia"));
  // Same slug under another parent is fine; twice under the same parent is a Conflict;
  // a parent that is not there is NotFound. A refused call changes nothing and the
  // transaction goes on.
  EXPECT_TRUE(tx->add_category({"Asia", "asia", 0, "", 0}));
  EXPECT_EQ(tx->add_category({"Asia", "asia", world, "", 0}).code(), store::Code::Conflict);
  EXPECT_EQ(tx->add_category({"X", "x", 999, "", 0}).code(), store::Code::NotFound);
  ASSERT_TRUE(tx->commit());
  EXPECT_EQ(db_->snapshot()->categories().size(), 4u);
}

TEST_P(StoreContract, PublishedBySlugHasAuthorsInOrderAndTags) {
  Id a = author("a", "Ann"), b = author("b", "Bob");
  Id cat = category({"News", "news", 0, "", 0});
  Id t1 = tag("Water", "water"), t2 = tag("Aid", "aid");
  article("story", cat, {b, a}, 1000, {t1, t2});
  Id draft = article("draft", cat, {a}, 0, {}, Status::Draft);
  auto s = db_->snapshot()->published_by_slug("story");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->title, "Title story");
  EXPECT_EQ(s->body_markdown, "Body of story");
  EXPECT_EQ(s->category_id, cat);
  EXPECT_EQ(s->status, Status::Published);
  ASSERT_EQ(s->authors.size(), 2u);
  EXPECT_EQ(s->authors[0].display_name, "Bob");  // primary byline first
  EXPECT_EQ(s->authors[1].slug, "a-slug");
  ASSERT_EQ(s->tags.size(), 2u);
  EXPECT_EQ(s->tags[0].name, "Aid");
  EXPECT_EQ(s->published_at, 1000);
  EXPECT_FALSE(db_->snapshot()->published_by_slug("draft"));    // drafts are not for readers
  EXPECT_EQ(db_->begin()->article_id_by_slug("draft"), draft);  // but writers find them
  EXPECT_FALSE(db_->snapshot()->published_by_slug("nope"));
}

TEST_P(StoreContract, ListingsFilterByCategorySubtreeTagAndAuthorNewestFirst) {
  Id a = author("a", "Ann"), b = author("b", "Bob");
  Id world = category({"World", "world", 0, "", 0});
  Id asia = category({"Asia", "asia", world, "", 0});
  Id biz = category({"Business", "business", 0, "", 0});
  Id trade = tag("Trade", "trade");
  article("w1", world, {a}, 100);
  article("as1", asia, {b}, 300, {trade});
  article("b1", biz, {a, b}, 200, {trade});
  article("page", 0, {a}, 400, {}, Status::Published, Kind::Page);
  article("draft", world, {a}, 500, {}, Status::Draft);

  EXPECT_EQ(slugs(db_->snapshot()->published_articles({}, 10, 0)),
            (std::vector<std::string>{"as1", "b1", "w1"}));
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.category_id = world}, 10, 0)),
            (std::vector<std::string>{"as1", "w1"}));  // includes the child category
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.category_id = asia}, 10, 0)),
            (std::vector<std::string>{"as1"}));
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.tag_id = trade}, 10, 0)),
            (std::vector<std::string>{"as1", "b1"}));
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.author_id = b}, 10, 0)),
            (std::vector<std::string>{"as1", "b1"}));
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({}, 1, 1)), (std::vector<std::string>{"b1"}));
  EXPECT_EQ(db_->snapshot()->count_published_articles({}), 3);
  EXPECT_EQ(db_->snapshot()->count_published_articles({.category_id = world}), 2);
  EXPECT_EQ(db_->snapshot()->count_published_articles({.tag_id = trade}), 2);
  EXPECT_EQ(db_->snapshot()->count_published_articles({.author_id = a}), 2);
  auto listed = db_->snapshot()->published_articles({}, 10, 0);
  ASSERT_EQ(listed[1].authors.size(), 2u);  // authors attached to summaries, in order
  EXPECT_EQ(listed[1].authors[0].display_name, "Ann");
  EXPECT_EQ(slugs(db_->snapshot()->published_pages()), (std::vector<std::string>{"page"}));
}

TEST_P(StoreContract, LeadArticleIsTheNewestMarkedOne) {
  Id a = author("a", "Ann");
  EXPECT_FALSE(db_->snapshot()->lead_article());
  store::NewArticle n;
  n.slug = "lead";
  n.title = "Lead";
  n.status = Status::Published;
  n.published_at = 50;
  n.author_ids = {a};
  n.is_lead = true;
  add(n);
  article("newer", 0, {a}, 100);
  auto lead = db_->snapshot()->lead_article();
  ASSERT_TRUE(lead);
  EXPECT_EQ(lead->slug, "lead");
  ASSERT_EQ(lead->authors.size(), 1u);
}

TEST_P(StoreContract, RelatedArticlePrefersCategoryThenSharedTagsThenNewest) {
  Id a = author("a", "Ann");
  Id news = category({"News", "news", 0, "", 0});
  Id other = category({"Other", "other", 0, "", 0});
  Id t1 = tag("One", "one"), t2 = tag("Two", "two");
  article("me", news, {a}, 100, {t1, t2});
  article("other-two-tags", other, {a}, 500, {t1, t2});
  article("same-cat-old", news, {a}, 50);
  Id one_tag = article("same-cat-one-tag", news, {a}, 40, {t1});
  auto me = db_->snapshot()->published_by_slug("me");
  auto related = db_->snapshot()->related_article(*me);
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "same-cat-one-tag");  // same category, shares a tag
  related = db_->snapshot()->related_article(*db_->snapshot()->published_by_slug("other-two-tags"));
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "me");  // no category sibling: most shared tags
  // Moving an article to another category (and a newer one to a subcategory, still listed
  // under News) changes the answer at once.
  Id sub = category({"Sub", "sub", news, "", 0});
  article("in-a-subcategory", sub, {a}, 90, {t1});
  auto moved = db_->snapshot()->article_for_edit(one_tag);
  moved->fields.category_id = other;
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.update_article(moved->id, moved->fields)); });
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.category_id = news}, 10, 0)),
            (std::vector<std::string>{"me", "in-a-subcategory", "same-cat-old"}));
  related = db_->snapshot()->related_article(*me);
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "same-cat-old");  // the only one whose primary category is News
  Id lonely = category({"Lonely", "lonely", 0, "", 0});
  article("lonely", lonely, {a}, 10);
  related = db_->snapshot()->related_article(*db_->snapshot()->published_by_slug("lonely"));
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "other-two-tags");  // nothing in common: the newest other
}

TEST_P(StoreContract, ApprovedCommentsOnlyOldestFirstWithoutEmail) {
  Id a = author("a", "Ann");
  Id art = article("story", 0, {a}, 100);
  store::NewComment c;
  c.article_id = art;
  c.author_name = "Reader";
  c.author_email = "secret@example.org";
  c.body = "First";
  c.status = CommentStatus::Approved;
  c.created_at = 200;
  Id first = comment(c);
  c.parent_id = first;
  c.body = "Reply";
  c.created_at = 300;
  comment(c);
  c.parent_id = 0;
  c.body = "Held";
  c.status = CommentStatus::Pending;
  Id held = comment(c);
  c.body = "Spam";
  c.status = CommentStatus::Spam;
  comment(c);
  auto comments = db_->snapshot()->approved_comments(art);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].body, "First");
  EXPECT_EQ(comments[1].parent_id, first);
  EXPECT_EQ(db_->snapshot()->comment(held)->status, CommentStatus::Pending);  // any status, by id
  EXPECT_FALSE(db_->snapshot()->comment(9999));
  // The email is kept for the moderators only.
  auto spam = db_->snapshot()->comments_for_moderation(CommentStatus::Spam, 10);
  ASSERT_EQ(spam.size(), 1u);
  EXPECT_EQ(spam[0].author_email, "secret@example.org");
  EXPECT_TRUE(db_->snapshot()->has_approved_comment_by("secret@example.org"));
}

// The comment feeds' read: approved comments of published articles only, newest first,
// the site's or one article's, with the article's slug, title and language.
TEST_P(StoreContract, LatestCommentsAreApprovedOnesOfPublishedArticlesNewestFirst) {
  Id one = article("one", 0, {}, 100);
  Id two = article("two", 0, {}, 100);
  Id draft = article("draft", 0, {}, 100, {}, Status::Draft);
  auto add = [&](Id art, const std::string& body, CommentStatus status) {
    store::NewComment c = by_reader(art, body);
    c.status = status;
    clock_.advance(1);
    return comment(c);
  };
  Id a = add(one, "A", CommentStatus::Approved);
  add(one, "Held", CommentStatus::Pending);
  Id b = add(two, "B", CommentStatus::Approved);
  add(draft, "On a draft", CommentStatus::Approved);
  Id c = add(one, "C", CommentStatus::Approved);
  auto ids = [](const std::vector<store::FeedComment>& items) {
    std::vector<Id> out;
    for (const auto& i : items) out.push_back(i.comment.id);
    return out;
  };
  EXPECT_EQ(ids(db_->snapshot()->latest_comments(0, 10)), (std::vector<Id>{c, b, a}));
  EXPECT_EQ(ids(db_->snapshot()->latest_comments(0, 2)), (std::vector<Id>{c, b}));
  auto of_one = db_->snapshot()->latest_comments(one, 10);
  EXPECT_EQ(ids(of_one), (std::vector<Id>{c, a}));
  EXPECT_EQ(of_one[0].article_slug, "one");
  EXPECT_FALSE(of_one[0].article_title.empty());
  EXPECT_TRUE(db_->snapshot()->latest_comments(draft, 10).empty());
}

TEST_P(StoreContract, TagsAuthorsAndSettings) {
  Id mariam = author("mlogin", "Mariam");
  Id water = tag("Water", "water");
  {
    auto tx = db_->begin();
    EXPECT_EQ(tx->user_id_by_login("mlogin"), mariam);
    EXPECT_FALSE(tx->user_id_by_login("nobody"));
    EXPECT_EQ(tx->user_id_by_slug("mlogin-slug"), mariam);
    EXPECT_EQ(tx->tag_id_by_slug("water"), water);
    EXPECT_FALSE(tx->tag_id_by_slug("fire"));
    EXPECT_EQ(tx->tag_id_by_name("Water"), water);  // exact
    EXPECT_FALSE(tx->tag_id_by_name("water"));
    EXPECT_FALSE(tx->tag_id_by_name("Fire"));
  }
  EXPECT_EQ(db_->snapshot()->tag_by_slug("water")->name, "Water");
  EXPECT_FALSE(db_->snapshot()->tag_by_slug("fire"));
  auto au = db_->snapshot()->author_by_slug("mlogin-slug");
  ASSERT_TRUE(au);
  EXPECT_EQ(au->display_name, "Mariam");
  EXPECT_EQ(au->bio, "Bio of Mariam");
  EXPECT_FALSE(db_->snapshot()->author_by_slug("mlogin"));  // the login is not a public handle
  EXPECT_FALSE(db_->snapshot()->setting("title"));
  write([](store::Transaction& tx) { tx.set_setting("title", "Khabar"); });
  write([](store::Transaction& tx) { tx.set_setting("title", "Khabar News"); });
  EXPECT_EQ(db_->snapshot()->setting("title"), "Khabar News");
}

TEST_P(StoreContract, MenuRedirectsAndImportTargets) {
  Id news = category({"News", "news", 0, "", 0});
  Id about = article("about", 0, {}, 100, {}, Status::Published, Kind::Page);
  write([&](store::Transaction& tx) {
    tx.set_menu({{0, store::MenuItem::Kind::Category, news, "", ""},
                 {0, store::MenuItem::Kind::Page, about, "Who we are", ""},
                 {0, store::MenuItem::Kind::Link, 0, "Radio", "https://radio.example/"}});
    tx.add_redirect("/2012/01/old-story/", "/about/");
    tx.add_redirect("?p=12", "/about/");
    tx.set_import_target("wp:post", "12", about);
    EXPECT_EQ(tx.import_target("wp:post", "12"), about);  // seen inside its transaction
  });
  auto menu = db_->snapshot()->menu();
  ASSERT_EQ(menu.size(), 3u);
  EXPECT_EQ(menu[0].kind, store::MenuItem::Kind::Category);
  EXPECT_EQ(menu[0].target_id, news);
  EXPECT_EQ(menu[1].label, "Who we are");
  EXPECT_EQ(menu[2].url, "https://radio.example/");
  write([](store::Transaction& tx) {
    tx.set_menu({{0, store::MenuItem::Kind::Link, 0, "Only", "/"}});
  });
  EXPECT_EQ(db_->snapshot()->menu().size(), 1u);  // replaces
  EXPECT_EQ(db_->snapshot()->redirect("/2012/01/old-story/"), "/about/");
  EXPECT_EQ(db_->snapshot()->redirect("?p=12"), "/about/");
  EXPECT_FALSE(db_->snapshot()->redirect("/nowhere/"));
  write([](store::Transaction& tx) { tx.add_redirect("?p=12", "/elsewhere/"); });
  EXPECT_EQ(db_->snapshot()->redirect("?p=12"), "/elsewhere/");  // replaces
  EXPECT_EQ(
      db_->snapshot()->redirects(),
      (std::vector<store::Redirect>{{"/2012/01/old-story/", "/about/"}, {"?p=12", "/elsewhere/"}}))
      << "every one, once, by path";
  EXPECT_EQ(db_->begin()->import_target("wp:post", "12"), about);
  EXPECT_FALSE(db_->begin()->import_target("wp:page", "12"));
}

TEST_P(StoreContract, MediaOfAnArticlesTextByFile) {
  Id one = media("2026/11/one.jpg");
  media("2026/11/two.jpg");
  auto found = db_->snapshot()->media_by_files({"2026/11/one.jpg", "2026/11/missing.jpg"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, one);
  EXPECT_EQ(found[0].alt, "Alt of 2026/11/one.jpg");
  ASSERT_EQ(found[0].variants.size(), 1u);
  EXPECT_EQ(found[0].variants[0].width, 640);
  EXPECT_TRUE(db_->snapshot()->media_by_files({}).empty());
}

}  // namespace
}  // namespace khabar::test
