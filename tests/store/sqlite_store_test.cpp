// The Store contract, on a real SQLite file.
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "content/clock.h"
#include "support/temp_dir.h"

using namespace khabar;
using namespace khabar::content;
using store::NewArticle;

namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (dir_.path() / "khabar.db").string();
    db_ = store::open_sqlite_store(path_, {.create = true});
  }

  Id author(const std::string& login, const std::string& name) {
    return db_->add_user(
        {login, login + "@example.org", name, login + "-slug", "Bio of " + name, "author"});
  }

  Id article(const std::string& slug, Id category, std::vector<Id> authors, Timestamp published,
             std::vector<Id> tags = {}, Status status = Status::Published,
             Kind kind = Kind::Article) {
    NewArticle a;
    a.slug = slug;
    a.title = "Title " + slug;
    a.excerpt = "Excerpt " + slug;
    a.body_markdown = "Body of " + slug;
    a.category_id = category;
    a.author_ids = std::move(authors);
    a.tag_ids = std::move(tags);
    a.status = status;
    a.kind = kind;
    a.published_at = published;
    return db_->add_article(a);
  }

  int64_t scalar(const std::string& sql) {
    sqlite3* raw = nullptr;
    sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr);
    int64_t value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    return value;
  }

  test::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> db_;
};

std::vector<std::string> slugs(const std::vector<ArticleSummary>& items) {
  std::vector<std::string> out;
  for (const auto& a : items) out.push_back(a.slug);
  return out;
}

}  // namespace

TEST_F(SqliteStoreTest, MigratesAnEmptyFileToTheNewestSchemaInWalMode) {
  EXPECT_EQ(scalar("PRAGMA user_version"), store::sqlite_schema_version());
  EXPECT_EQ(scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                   "('users','categories','tags','articles','article_authors','article_tags',"
                   "'comments','settings')"),
            8);
  EXPECT_EQ(scalar("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
  db_.reset();
  db_ = store::open_sqlite_store(path_);  // reopening applies nothing twice
  EXPECT_EQ(scalar("PRAGMA user_version"), store::sqlite_schema_version());
}

TEST_F(SqliteStoreTest, RefusesMissingFilesAndNewerSchemas) {
  EXPECT_THROW(store::open_sqlite_store((dir_.path() / "missing.db").string()), store::StoreError);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "missing.db"));
  db_.reset();
  sqlite3* raw = nullptr;
  sqlite3_open(path_.c_str(), &raw);
  sqlite3_exec(raw, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  try {
    store::open_sqlite_store(path_);
    FAIL() << "opened a database from the future";
  } catch (const store::StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
}

TEST_F(SqliteStoreTest, CategoriesKeepHierarchyPathsAndOrder) {
  Id world = db_->add_category({"World", "world", 0, "International", 2});
  Id asia = db_->add_category({"Asia", "asia", world, "", 0});
  db_->add_category({"Business", "business", 0, "", 1});
  auto all = db_->categories();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "Asia");  // position 0
  EXPECT_EQ(all[0].path, "world/asia");
  EXPECT_EQ(all[0].parent_id, world);
  EXPECT_EQ(all[2].description, "International");
  EXPECT_EQ(db_->category_id_by_path("world/asia"), asia);
  EXPECT_FALSE(db_->category_id_by_path("asia"));
  // Same slug under another parent is fine; twice under the same parent is not.
  EXPECT_NO_THROW(db_->add_category({"Asia", "asia", 0, "", 0}));
  EXPECT_THROW(db_->add_category({"Asia", "asia", world, "", 0}), store::StoreError);
  EXPECT_THROW(db_->add_category({"X", "x", 999, "", 0}), store::StoreError);
}

TEST_F(SqliteStoreTest, PublishedBySlugHasAuthorsInOrderAndTags) {
  Id a = author("a", "Ann"), b = author("b", "Bob");
  Id cat = db_->add_category({"News", "news", 0, "", 0});
  Id t1 = db_->add_tag("Water", "water"), t2 = db_->add_tag("Aid", "aid");
  article("story", cat, {b, a}, 1000, {t1, t2});
  article("draft", cat, {a}, 0, {}, Status::Draft);
  auto s = db_->published_by_slug("story");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->title, "Title story");
  EXPECT_EQ(s->body_markdown, "Body of story");
  EXPECT_EQ(s->category_id, cat);
  ASSERT_EQ(s->authors.size(), 2u);
  EXPECT_EQ(s->authors[0].display_name, "Bob");  // primary byline first
  EXPECT_EQ(s->authors[1].slug, "a-slug");
  ASSERT_EQ(s->tags.size(), 2u);
  EXPECT_EQ(s->tags[0].name, "Aid");
  EXPECT_EQ(s->published_at, 1000);
  EXPECT_FALSE(db_->published_by_slug("draft"));  // drafts are not for readers
  EXPECT_TRUE(db_->article_id_by_slug("draft"));  // but writers find them
  EXPECT_FALSE(db_->published_by_slug("nope"));
}

TEST_F(SqliteStoreTest, ListingsFilterByCategorySubtreeTagAndAuthorNewestFirst) {
  Id a = author("a", "Ann"), b = author("b", "Bob");
  Id world = db_->add_category({"World", "world", 0, "", 0});
  Id asia = db_->add_category({"Asia", "asia", world, "", 0});
  Id biz = db_->add_category({"Business", "business", 0, "", 0});
  Id tag = db_->add_tag("Trade", "trade");
  article("w1", world, {a}, 100);
  article("as1", asia, {b}, 300, {tag});
  article("b1", biz, {a, b}, 200, {tag});
  article("page", 0, {a}, 400, {}, Status::Published, Kind::Page);
  article("draft", world, {a}, 500, {}, Status::Draft);

  EXPECT_EQ(slugs(db_->published_articles({}, 10, 0)),
            (std::vector<std::string>{"as1", "b1", "w1"}));
  EXPECT_EQ(slugs(db_->published_articles({.category_id = world}, 10, 0)),
            (std::vector<std::string>{"as1", "w1"}));  // includes the child category
  EXPECT_EQ(slugs(db_->published_articles({.category_id = asia}, 10, 0)),
            (std::vector<std::string>{"as1"}));
  EXPECT_EQ(slugs(db_->published_articles({.tag_id = tag}, 10, 0)),
            (std::vector<std::string>{"as1", "b1"}));
  EXPECT_EQ(slugs(db_->published_articles({.author_id = b}, 10, 0)),
            (std::vector<std::string>{"as1", "b1"}));
  EXPECT_EQ(slugs(db_->published_articles({}, 1, 1)), (std::vector<std::string>{"b1"}));
  EXPECT_EQ(db_->count_published_articles({}), 3);
  EXPECT_EQ(db_->count_published_articles({.category_id = world}), 2);
  EXPECT_EQ(db_->count_published_articles({.tag_id = tag}), 2);
  EXPECT_EQ(db_->count_published_articles({.author_id = a}), 2);
  auto listed = db_->published_articles({}, 10, 0);
  ASSERT_EQ(listed[1].authors.size(), 2u);  // authors attached to summaries, in order
  EXPECT_EQ(listed[1].authors[0].display_name, "Ann");
  EXPECT_EQ(slugs(db_->published_pages()), (std::vector<std::string>{"page"}));
}

TEST_F(SqliteStoreTest, LeadArticleIsTheNewestMarkedOne) {
  Id a = author("a", "Ann");
  EXPECT_FALSE(db_->lead_article());
  NewArticle n;
  n.slug = "lead";
  n.title = "Lead";
  n.status = Status::Published;
  n.published_at = 50;
  n.author_ids = {a};
  n.is_lead = true;
  db_->add_article(n);
  article("newer", 0, {a}, 100);
  auto lead = db_->lead_article();
  ASSERT_TRUE(lead);
  EXPECT_EQ(lead->slug, "lead");
  ASSERT_EQ(lead->authors.size(), 1u);
}

TEST_F(SqliteStoreTest, RelatedArticlePrefersCategoryThenSharedTagsThenNewest) {
  Id a = author("a", "Ann");
  Id news = db_->add_category({"News", "news", 0, "", 0});
  Id other = db_->add_category({"Other", "other", 0, "", 0});
  Id t1 = db_->add_tag("One", "one"), t2 = db_->add_tag("Two", "two");
  article("me", news, {a}, 100, {t1, t2});
  article("other-two-tags", other, {a}, 500, {t1, t2});
  article("same-cat-old", news, {a}, 50);
  article("same-cat-one-tag", news, {a}, 40, {t1});
  auto me = db_->published_by_slug("me");
  auto related = db_->related_article(*me);
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "same-cat-one-tag");  // same category, shares a tag
  auto other_article = db_->published_by_slug("other-two-tags");
  related = db_->related_article(*other_article);
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "me");  // no category sibling: most shared tags
  // The ranking reads each candidate's primary category from its listing rows: moving an
  // article to another category (and a newer one to a subcategory, still listed under
  // News) changes the answer at once.
  Id sub = db_->add_category({"Sub", "sub", news, "", 0});
  article("in-a-subcategory", sub, {a}, 90, {t1});
  auto moved = db_->article_for_edit(db_->article_id_by_slug("same-cat-one-tag").value());
  moved->fields.category_id = other;
  ASSERT_TRUE(db_->update_article(moved->id, moved->fields));
  EXPECT_EQ(scalar("SELECT count(*) FROM listings WHERE article_id = " + std::to_string(moved->id) +
                   " AND category_id <> " + std::to_string(other)), 0);
  related = db_->related_article(*me);
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "same-cat-old");  // the only one whose primary category is News
  // Nothing in common: the newest other article.
  Id lonely_cat = db_->add_category({"Lonely", "lonely", 0, "", 0});
  article("lonely", lonely_cat, {a}, 10);
  related = db_->related_article(*db_->published_by_slug("lonely"));
  ASSERT_TRUE(related);
  EXPECT_EQ(related->slug, "other-two-tags");
}

TEST_F(SqliteStoreTest, ApprovedCommentsOnlyOldestFirstWithoutEmail) {
  Id a = author("a", "Ann");
  Id art = article("story", 0, {a}, 100);
  store::NewComment c;
  c.article_id = art;
  c.author_name = "Reader";
  c.author_email = "secret@example.org";
  c.body = "First";
  c.status = CommentStatus::Approved;
  c.created_at = 200;
  Id first = db_->add_comment(c);
  c.parent_id = first;
  c.body = "Reply";
  c.created_at = 300;
  db_->add_comment(c);
  c.parent_id = 0;
  c.body = "Held";
  c.status = CommentStatus::Pending;
  db_->add_comment(c);
  c.body = "Spam";
  c.status = CommentStatus::Spam;
  db_->add_comment(c);
  auto comments = db_->approved_comments(art);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].body, "First");
  EXPECT_EQ(comments[1].parent_id, first);
  EXPECT_EQ(scalar("SELECT count(*) FROM comments WHERE author_email = 'secret@example.org'"), 4);
}

TEST_F(SqliteStoreTest, TagsAuthorsAndSettings) {
  Id mariam = author("mlogin", "Mariam");
  Id water = db_->add_tag("Water", "water");
  EXPECT_EQ(db_->user_id_by_login("mlogin"), mariam);
  EXPECT_FALSE(db_->user_id_by_login("nobody"));
  EXPECT_EQ(db_->tag_id_by_slug("water"), water);
  EXPECT_FALSE(db_->tag_id_by_slug("fire"));
  EXPECT_EQ(db_->tag_by_slug("water")->name, "Water");
  EXPECT_FALSE(db_->tag_by_slug("fire"));
  auto au = db_->author_by_slug("mlogin-slug");
  ASSERT_TRUE(au);
  EXPECT_EQ(au->display_name, "Mariam");
  EXPECT_EQ(au->bio, "Bio of Mariam");
  EXPECT_FALSE(db_->author_by_slug("mlogin"));  // the login is not a public handle
  EXPECT_FALSE(db_->setting("title"));
  db_->set_setting("title", "Khabar");
  db_->set_setting("title", "Khabar News");
  EXPECT_EQ(db_->setting("title"), "Khabar News");
}

TEST_F(SqliteStoreTest, BatchIsAllOrNothingAndSeesItsOwnWrites) {
  db_->batch([&] {
    Id world = db_->add_category({"World", "world", 0, "", 0});
    EXPECT_EQ(db_->category_id_by_path("world"), world);  // visible inside the batch
  });
  EXPECT_TRUE(db_->category_id_by_path("world"));
  EXPECT_THROW(db_->batch([&] {
    db_->add_category({"Sport", "sport", 0, "", 0});
    db_->add_category({"Sport", "sport", 0, "", 0});  // duplicate: the batch fails
  }),
               store::StoreError);
  EXPECT_FALSE(db_->category_id_by_path("sport"));  // nothing half-written
  EXPECT_EQ(db_->categories().size(), 1u);
}

TEST_F(SqliteStoreTest, ConcurrentReadersWhileWriting) {
  Id a = author("a", "Ann");
  for (int i = 0; i < 20; ++i) article("s" + std::to_string(i), 0, {a}, 100 + i);
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t)
    readers.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        auto items = db_->published_articles({}, 10, 0);
        if (items.size() != 10 || items[0].authors.empty()) ++failures;
      }
    });
  for (int i = 20; i < 60; ++i) article("s" + std::to_string(i), 0, {a}, 100 + i);
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(db_->count_published_articles({}), 60);
}

// Time comes from the clock the store is given: tests move it instead of writing SQL, and
// every stamp of one write is the clock's instant.
TEST_F(SqliteStoreTest, RowsAreStampedByTheGivenClock) {
  content::ManualClock clock(1'800'000'000);
  db_.reset();
  db_ = store::open_sqlite_store(path_, {.clock = &clock});
  Id a = author("clocked", "Clock Reader");
  store::NewArticle draft;
  draft.slug = "on-the-clock";
  draft.title = "On the clock";
  draft.author_ids = {a};
  Id id = db_->add_article(draft);
  EXPECT_EQ(db_->desk_article(id)->updated_at, 1'800'000'000);
  clock.advance(3600);
  draft.title = "On the clock, corrected";
  db_->update_article(id, draft);
  EXPECT_EQ(db_->desk_article(id)->updated_at, 1'800'003'600);
  clock.advance(60);
  ASSERT_TRUE(db_->set_article_status(id, Status::Published, clock.now(), clock.now()));
  store::NewComment c;
  c.article_id = id;
  c.author_email = "r@example.org";
  c.body = "Stamped";
  c.status = CommentStatus::Approved;
  db_->add_comment(c);
  auto comments = db_->approved_comments(id);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].created_at, 1'800'003'660);
}

// The change feed: each write reports, in its own transaction, what readers would see
// change, as typed changes; a cursor sees each commit once; a write that changes nothing
// public reports nothing.
TEST_F(SqliteStoreTest, WritesReportTypedChangesOnce) {
  using store::Change;
  using store::ChangeKind;
  std::int64_t cursor = db_->latest_change();
  Id a = author("a", "Ann");
  Id tag = db_->add_tag("Water", "water");
  Id art = article("story", 0, {a}, 100, {tag});
  auto changes = db_->changes_since(cursor);
  for (Change expected : {Change{ChangeKind::Article, art}, Change{ChangeKind::TagListing, tag},
                          Change{ChangeKind::AuthorListing, a}})
    EXPECT_NE(std::find(changes.begin(), changes.end(), expected), changes.end())
        << store::encode(expected) << " in " << store::encode(changes);
  EXPECT_TRUE(db_->changes_since(cursor).empty()) << "each commit is seen once";

  store::NewComment c;
  c.article_id = art;
  c.author_email = "r@example.org";
  c.body = "Held";
  Id held = db_->add_comment(c);
  EXPECT_TRUE(db_->changes_since(cursor).empty()) << "a held comment shows nowhere";
  db_->set_comment_status({held}, CommentStatus::Approved);
  EXPECT_EQ(db_->changes_since(cursor), (std::vector<Change>{{ChangeKind::Comments, art}}));

  db_->set_setting("title", "Herat Daily");
  EXPECT_EQ(db_->changes_since(cursor), (std::vector<Change>{{ChangeKind::Settings, 0}}));
  store::ProfileChange profile;
  profile.display_name = "Ann B.";
  profile.email = "a@example.org";
  profile.bio = "New bio";
  ASSERT_TRUE(db_->accounts().update_profile(a, profile));
  auto after_profile = db_->changes_since(cursor);
  EXPECT_NE(std::find(after_profile.begin(), after_profile.end(), Change{ChangeKind::AuthorProfile, a}),
            after_profile.end())
      << store::encode(after_profile);
}

// Eight copies of one comment sent at once (a reader's double click, a retrying proxy)
// store exactly one: the check runs in the transaction that would add it.
TEST_F(SqliteStoreTest, ConcurrentCopiesOfAReadersCommentStoreOne) {
  Id a = author("a", "Ann");
  Id art = article("story", 0, {a}, 100);
  store::NewComment c;
  c.article_id = art;
  c.author_name = "R";
  c.author_email = "r@example.org";
  c.body = "Only once, please";
  std::atomic<int> added{0};
  std::vector<std::thread> senders;
  for (int i = 0; i < 8; ++i)
    senders.emplace_back([&] {
      if (db_->add_reader_comment(c)) ++added;
    });
  for (auto& t : senders) t.join();
  EXPECT_EQ(added.load(), 1);
  EXPECT_EQ(db_->approved_comments(art, {1, 2, 3, 4, 5, 6, 7, 8}).size(), 1u);
}

TEST_F(SqliteStoreTest, CommentModerationQueries) {
  Id a = author("a", "Ann");
  Id art = article("story", 0, {a}, 100);
  Id other = article("other", 0, {a}, 100);
  store::NewComment c;
  c.article_id = art;
  c.author_name = "R";
  c.author_email = "r@example.org";
  c.body = "Held";
  Id held = db_->add_comment(c);
  c.body = "Approved";
  c.status = CommentStatus::Approved;
  Id approved = db_->add_comment(c);
  EXPECT_FALSE(db_->has_approved_comment_by("x@example.org"));
  EXPECT_TRUE(db_->has_approved_comment_by("r@example.org"));
  // A reader's duplicate (same email, same text, same article) is refused and not stored;
  // the same text elsewhere, or from someone else, is not a duplicate.
  c.status = CommentStatus::Pending;
  c.body = "Held";
  EXPECT_EQ(db_->add_reader_comment(c), std::nullopt);
  c.article_id = other;
  auto elsewhere = db_->add_reader_comment(c);
  ASSERT_TRUE(elsewhere.has_value());
  c.article_id = art;
  c.author_email = "s@example.org";
  auto someone_else = db_->add_reader_comment(c);
  ASSERT_TRUE(someone_else.has_value());
  EXPECT_EQ(db_->delete_comments({*elsewhere, *someone_else}).size(), 2u);
  EXPECT_EQ(db_->approved_comments(art).size(), 1u);
  auto with_own = db_->approved_comments(art, {held});
  ASSERT_EQ(with_own.size(), 2u);
  EXPECT_EQ(with_own[0].status, CommentStatus::Pending);
  EXPECT_EQ(db_->approved_comments(other, {held}).size(), 0u);  // own ids of another article
  auto queue = db_->comments_for_moderation(CommentStatus::Pending, 10);
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].author_email, "r@example.org");
  EXPECT_EQ(queue[0].article_slug, "story");
  EXPECT_EQ(db_->set_comment_status({held, 999}, CommentStatus::Spam), std::vector<Id>{held});
  EXPECT_EQ(db_->comment(held)->status, CommentStatus::Spam);
  EXPECT_EQ(db_->delete_comments({approved}), std::vector<Id>{approved});
  EXPECT_FALSE(db_->comment(approved));
}

TEST_F(SqliteStoreTest, GroupCommitSharesOneTransactionAndAcknowledgesAfterIt) {
  Id a = author("a", "Ann");
  Id art = article("story", 0, {a}, 100);
  auto before = db_->write_stats();
  constexpr int kWriters = 20;
  std::atomic<int> queued{0};
  std::vector<Id> ids(kWriters);
  std::vector<std::thread> writers;
  // Hold the writer (as a long write would) while the comments arrive.
  std::thread holder([&] {
    db_->batch([&] {
      while (queued.load() < kWriters) std::this_thread::yield();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  for (int i = 0; i < kWriters; ++i)
    writers.emplace_back([&, i] {
      store::NewComment c;
      c.article_id = art;
      c.author_name = "R" + std::to_string(i);
      c.body = "Comment " + std::to_string(i);
      c.status = CommentStatus::Approved;
      ++queued;
      ids[i] = db_->add_comment(c);
      // Acknowledged: committed, so a fresh reader sees it.
      EXPECT_TRUE(db_->comment(ids[i])) << i;
    });
  for (auto& w : writers) w.join();
  holder.join();
  auto after = db_->write_stats();
  EXPECT_EQ(after.grouped_writes - before.grouped_writes, std::uint64_t{kWriters});
  // The holder's transaction plus at most two groups (the first leader may take only
  // itself before the others queue).
  EXPECT_LE(after.transactions - before.transactions, 3u);
  EXPECT_EQ(db_->approved_comments(art).size(), std::size_t{kWriters});
}

TEST_F(SqliteStoreTest, AFailingGroupedWriteFailsAlone) {
  Id a = author("a", "Ann");
  Id art = article("story", 0, {a}, 100);
  store::NewComment bad;
  bad.article_id = 424242;  // no such article: the foreign key fails
  bad.author_name = "X";
  bad.body = "x";
  EXPECT_THROW(db_->add_comment(bad), store::StoreError);
  store::NewComment good = bad;
  good.article_id = art;
  EXPECT_GT(db_->add_comment(good), 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM comments"), 1);
}

// The scheduler's clock is the `now` it is given: a time before the schedule publishes
// nothing, the exact second publishes, and a restart long after publishes what it missed.
TEST_F(SqliteStoreTest, PublishDueFollowsTheClockItIsGiven) {
  Id cat = db_->add_category({"World", "world", 0, "", 0});
  Id a = article("due-at-noon", cat, {author("w", "Writer")}, 1'800'000'000, {}, Status::Draft);
  Id b = article("due-an-hour-later", cat, {}, 1'800'000'000, {}, Status::Draft);
  ASSERT_TRUE(db_->schedule_article(a, 1'800'000'000, 1'799'990'000));
  ASSERT_TRUE(db_->schedule_article(b, 1'800'003'600, 1'799'990'000));
  EXPECT_TRUE(db_->publish_due(1'799'999'999).empty());
  EXPECT_FALSE(db_->published_by_slug("due-at-noon"));
  EXPECT_EQ(db_->publish_due(1'800'000'000), std::vector<Id>{a});
  EXPECT_TRUE(db_->published_by_slug("due-at-noon"));
  EXPECT_EQ(slugs(db_->published_articles({.category_id = cat}, 10, 0)), std::vector<std::string>{"due-at-noon"});
  // Days later (a server that was down): the missed one goes out, with its scheduled time.
  EXPECT_EQ(db_->publish_due(1'800'500'000), std::vector<Id>{b});
  EXPECT_EQ(db_->published_by_slug("due-an-hour-later")->published_at, 1'800'003'600);
  EXPECT_TRUE(db_->publish_due(1'800'500'001).empty());
}

// Extra categories list an article in them (and their ancestors); deleting for good
// takes its listings, comments and revisions with it.
TEST_F(SqliteStoreTest, ExtraCategoriesAndDeletingForGood) {
  Id world = db_->add_category({"World", "world", 0, "", 0});
  Id asia = db_->add_category({"Asia", "asia", world, "", 0});
  Id sport = db_->add_category({"Sport", "sport", 0, "", 0});
  NewArticle x;
  x.slug = "cricket-in-asia";
  x.title = "Cricket";
  x.status = Status::Published;
  x.published_at = 100;
  x.category_id = sport;
  x.extra_category_ids = {asia};
  Id id = db_->add_article(x);
  EXPECT_EQ(slugs(db_->published_articles({.category_id = world}, 10, 0)), std::vector<std::string>{"cricket-in-asia"});
  EXPECT_EQ(db_->article_for_edit(id)->fields.extra_category_ids, std::vector<Id>{asia});
  db_->add_comment({id, 0, "A", "a@example.org", "", "Hello", CommentStatus::Approved, 1, ""});
  db_->save_article(id, x, 1, 0, 200);
  EXPECT_TRUE(db_->delete_article(id));
  EXPECT_FALSE(db_->delete_article(id));
  EXPECT_EQ(scalar("SELECT (SELECT count(*) FROM listings) + (SELECT count(*) FROM comments) + "
                   "(SELECT count(*) FROM revisions) + (SELECT count(*) FROM article_categories)"), 0);
}
