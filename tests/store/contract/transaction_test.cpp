// The contract: transactions (store/transaction.h), the change feed, snapshots and
// readers' comments (store/store.h).
#include <algorithm>
#include <atomic>
#include <thread>

#include "store/contract/contract.h"

namespace khabar::test {
namespace {

using namespace content;
using store::Change;
using store::ChangeKind;

// A store just opened, and one in use (a transaction open), can answer: /readyz says ok.
TEST_P(StoreContract, AnOpenStoreIsHealthyWhileWritesGoOn) {
  EXPECT_TRUE(db_->health()) << db_->health().to_string();
  auto tx = db_->begin();
  EXPECT_TRUE(db_->health()) << db_->health().to_string();
  EXPECT_TRUE(tx->rollback());
  EXPECT_TRUE(db_->health());
}

TEST_P(StoreContract, ATransactionSeesItsOwnWritesAndReadersSeeThemAtCommit) {
  auto tx = db_->begin();
  Id world = tx->add_category({"World", "world", 0, "", 0}).or_throw();
  Id ann = tx->add_user({"ann", "", "Ann", "ann", "", "author"}).or_throw();
  EXPECT_EQ(tx->category_id_by_path("world"), world);
  EXPECT_EQ(tx->user_id_by_slug("ann"), ann);
  EXPECT_TRUE(db_->snapshot()->categories().empty()) << "readers see nothing before the commit";
  EXPECT_FALSE(db_->snapshot()->author_by_slug("ann"));
  ASSERT_TRUE(tx->commit());
  EXPECT_EQ(db_->snapshot()->categories().size(), 1u);
  EXPECT_TRUE(db_->snapshot()->author_by_slug("ann"));
  EXPECT_EQ(tx->commit().code(), store::Code::Invalid) << "a transaction ends once";
  EXPECT_EQ(tx->rollback().code(), store::Code::Invalid);
}

TEST_P(StoreContract, RollbackAndDroppingForgetEverything) {
  {
    auto tx = db_->begin();
    tx->add_category({"Sport", "sport", 0, "", 0}).or_throw();
    tx->set_setting("title", "Never");
    tx->accounts();  // account writes join it too (below)
    ASSERT_TRUE(tx->rollback());
  }
  {
    auto tx = db_->begin();
    tx->add_category({"Sport", "sport", 0, "", 0}).or_throw();
    // dropped without commit: an exception, an early return
  }
  Id ann = author("ann", "Ann");
  try {
    auto tx = db_->begin();
    tx->accounts().add_password_link("in-transaction", ann, kStart + 1000);
    tx->add_tag("Water", "water").or_throw();
    throw std::runtime_error("stop");
  } catch (const std::runtime_error&) {
  }
  EXPECT_TRUE(db_->snapshot()->categories().empty());
  EXPECT_FALSE(db_->snapshot()->setting("title"));
  EXPECT_FALSE(db_->snapshot()->tag_by_slug("water"));
  EXPECT_FALSE(db_->accounts().password_link_user("in-transaction", kStart));
  // And the writer is free again.
  EXPECT_TRUE(category({"Sport", "sport", 0, "", 0}));
}

TEST_P(StoreContract, ARefusedCallChangesNothingAndTheTransactionGoesOn) {
  Id ann = author("ann", "Ann");
  article("taken", 0, {ann}, 100);
  auto tx = db_->begin();
  store::NewArticle a;
  a.slug = "taken";
  a.title = "Same slug";
  a.author_ids = {ann};
  a.tag_ids = {};
  EXPECT_EQ(tx->add_article(a).code(), store::Code::Conflict);
  EXPECT_EQ(tx->add_user({"ann", "", "Ann again", "ann-2", "", "author"}).code(),
            store::Code::Conflict);
  a.slug = "free";
  EXPECT_TRUE(tx->add_article(a));
  ASSERT_TRUE(tx->commit());
  EXPECT_EQ(db_->snapshot()->count_articles(Status::Draft), 1);
  EXPECT_EQ(db_->accounts().count_accounts(), 1);
}

TEST_P(StoreContract, OneTransactionAtATimeOnAThreadAndWritersWaitTheirTurn) {
  auto tx = db_->begin();
  EXPECT_THROW(db_->begin(), store::StoreError) << "no nesting";
  std::atomic<bool> second_began{false};
  std::thread other([&] {
    auto mine = db_->begin();  // waits for the first
    second_began = true;
    mine->set_setting("title", "Second");
    EXPECT_TRUE(mine->commit());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(second_began.load());
  tx->set_setting("title", "First");
  ASSERT_TRUE(tx->commit());
  other.join();
  EXPECT_EQ(db_->snapshot()->setting("title"), "Second");
}

TEST_P(StoreContract, ConcurrentReadersWhileWriting) {
  Id a = author("a", "Ann");
  for (int i = 0; i < 20; ++i) article("s" + std::to_string(i), 0, {a}, 100 + i);
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t)
    readers.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        auto items = db_->snapshot()->published_articles({}, 10, 0);
        if (items.size() != 10 || items[0].authors.empty()) ++failures;
      }
    });
  for (int i = 20; i < 60; ++i) article("s" + std::to_string(i), 0, {a}, 100 + i);
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(db_->snapshot()->count_published_articles({}), 60);
}

TEST_P(StoreContract, ASnapshotSeesOneStateWhileOthersWrite) {
  article("first", 0, {}, 100);
  auto old_view = db_->snapshot();
  EXPECT_EQ(old_view->count_published_articles({}), 1);
  std::thread writer([&] { article("second", 0, {}, 200); });
  writer.join();
  article("third", 0, {}, 300);  // this thread's own commit, too
  EXPECT_EQ(old_view->count_published_articles({}), 1) << "a page never mixes two states";
  EXPECT_FALSE(old_view->published_by_slug("third"));
  EXPECT_EQ(slugs(old_view->published_articles({}, 10, 0)), std::vector<std::string>{"first"});
  // A snapshot opened later sees every commit before it, beside the old one.
  auto new_view = db_->snapshot();
  EXPECT_EQ(new_view->count_published_articles({}), 3);
  EXPECT_TRUE(new_view->published_by_slug("third"));
  EXPECT_EQ(old_view->count_published_articles({}), 1);
  old_view.reset();
  EXPECT_EQ(db_->snapshot()->count_published_articles({}), 3) << "a pooled reader starts fresh";
}

// A snapshot may be handed to another thread (one at a time), and many are open at once.
TEST_P(StoreContract, SnapshotsAreIndependentOfThreads) {
  article("one", 0, {}, 100);
  auto view = db_->snapshot();
  EXPECT_EQ(view->count_published_articles({}), 1);
  article("two", 0, {}, 200);
  std::int64_t seen_there = -1;
  std::thread([&] { seen_there = view->count_published_articles({}); }).join();
  EXPECT_EQ(seen_there, 1);
  std::vector<std::unique_ptr<store::Snapshot>> many;
  for (int i = 0; i < 40; ++i) many.push_back(db_->snapshot());
  for (auto& s : many) EXPECT_EQ(s->count_published_articles({}), 2);
}

// Time comes from the clock the store is given: tests move it instead of writing SQL, and
// every stamp of one write is the clock's instant.
TEST_P(StoreContract, RowsAreStampedByTheGivenClock) {
  Id a = author("clocked", "Clock Reader");
  EXPECT_EQ(db_->accounts().account(a)->created_at, kStart);
  store::NewArticle draft;
  draft.slug = "on-the-clock";
  draft.title = "On the clock";
  draft.author_ids = {a};
  Id id = add(draft);
  EXPECT_EQ(db_->snapshot()->desk_article(id)->updated_at, kStart);
  clock_.advance(3600);
  draft.title = "On the clock, corrected";
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.update_article(id, draft)); });
  EXPECT_EQ(db_->snapshot()->desk_article(id)->updated_at, kStart + 3600);
  clock_.advance(60);
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.set_article_status(id, Status::Published, clock_.now(), clock_.now()));
  });
  store::NewComment c;
  c.article_id = id;
  c.author_email = "r@example.org";
  c.body = "Stamped";
  c.status = CommentStatus::Approved;
  comment(c);
  c.body = "A reader's";
  ASSERT_TRUE(db_->add_reader_comment(c));
  auto comments = db_->snapshot()->approved_comments(id);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].created_at, kStart + 3660);
  EXPECT_EQ(comments[1].created_at, kStart + 3660);
}

// The change feed: each commit reports, with its data, what readers would see change, as
// typed changes; a cursor sees each commit once; what changes nothing public reports
// nothing; a rolled-back transaction reports nothing.
TEST_P(StoreContract, WritesReportTypedChangesOnce) {
  std::int64_t cursor = db_->latest_change();
  Id a = author("a", "Ann");
  Id water = tag("Water", "water");
  Id cat = category({"News", "news", 0, "", 0});
  Id art = article("story", cat, {a}, 100, {water});
  auto changes = db_->changes_since(cursor);
  for (Change expected :
       {Change{ChangeKind::Article, art}, Change{ChangeKind::TagListing, water},
        Change{ChangeKind::AuthorListing, a}, Change{ChangeKind::CategoryListing, cat},
        Change{ChangeKind::Categories, 0}})
    EXPECT_NE(std::find(changes.begin(), changes.end(), expected), changes.end())
        << store::encode(expected) << " in " << store::encode(changes);
  EXPECT_TRUE(db_->changes_since(cursor).empty()) << "each commit is seen once";
  EXPECT_EQ(cursor, db_->latest_change());

  store::NewComment c;
  c.article_id = art;
  c.author_email = "r@example.org";
  c.body = "Held";
  Id held = comment(c);
  EXPECT_TRUE(db_->changes_since(cursor).empty()) << "a held comment shows nowhere";
  write([&](store::Transaction& tx) { tx.set_comment_status({held}, CommentStatus::Approved); });
  EXPECT_EQ(db_->changes_since(cursor), (std::vector<Change>{{ChangeKind::Comments, art}}));

  write([](store::Transaction& tx) { tx.set_setting("title", "Herat Daily"); });
  EXPECT_EQ(db_->changes_since(cursor), (std::vector<Change>{{ChangeKind::Settings, 0}}));
  {
    auto tx = db_->begin();
    tx->set_setting("title", "Rolled back");
  }
  EXPECT_TRUE(db_->changes_since(cursor).empty()) << "nothing committed, nothing reported";
  store::ProfileChange profile{"Ann B.", "a@example.org", "New bio"};
  ASSERT_TRUE(db_->accounts().update_profile(a, profile));
  auto after_profile = db_->changes_since(cursor);
  EXPECT_NE(
      std::find(after_profile.begin(), after_profile.end(), Change{ChangeKind::AuthorProfile, a}),
      after_profile.end())
      << store::encode(after_profile);
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.delete_tag(water)); });
  auto after_tag = db_->changes_since(cursor);
  EXPECT_NE(std::find(after_tag.begin(), after_tag.end(), Change{ChangeKind::Article, art}),
            after_tag.end())
      << "its articles showed its name";
}

TEST_P(StoreContract, MayHaveChangedIsFalseOnlyWhenNothingWasCommitted) {
  db_->may_have_changed();  // this thread's first look
  EXPECT_FALSE(db_->may_have_changed());
  std::thread elsewhere([&] { tag("Water", "water"); });
  elsewhere.join();
  EXPECT_TRUE(db_->may_have_changed());
  EXPECT_FALSE(db_->may_have_changed());
}

// Eight copies of one comment sent at once (a reader's double click, a retrying proxy)
// store exactly one: the check runs in the transaction that would add it.
TEST_P(StoreContract, ConcurrentCopiesOfAReadersCommentStoreOne) {
  Id art = article("story", 0, {}, 100);
  store::NewComment c = by_reader(art, "Only once, please");
  std::atomic<int> added{0}, refused{0};
  std::vector<std::thread> senders;
  for (int i = 0; i < 8; ++i)
    senders.emplace_back([&] {
      auto id = db_->add_reader_comment(c);
      if (id)
        ++added;
      else if (id.code() == store::Code::Conflict)
        ++refused;
    });
  for (auto& t : senders) t.join();
  EXPECT_EQ(added.load(), 1);
  EXPECT_EQ(refused.load(), 7);
  EXPECT_EQ(db_->snapshot()->approved_comments(art, {1, 2, 3, 4, 5, 6, 7, 8}).size(), 1u);
}

TEST_P(StoreContract, AReadersDuplicateIsOnlyTheSameTextBySameEmailOnTheSameArticle) {
  Id art = article("story", 0, {}, 100);
  Id other = article("other", 0, {}, 100);
  store::NewComment c = by_reader(art, "Held");
  auto held = db_->add_reader_comment(c);
  ASSERT_TRUE(held);
  EXPECT_EQ(db_->add_reader_comment(c).code(), store::Code::Conflict);
  c.article_id = other;
  EXPECT_TRUE(db_->add_reader_comment(c));
  c.article_id = art;
  c.author_email = "s@example.org";
  EXPECT_TRUE(db_->add_reader_comment(c));
  c.author_email = "r@example.org";
  c.body = "Held, and more";
  EXPECT_TRUE(db_->add_reader_comment(c));
  auto with_own = db_->snapshot()->approved_comments(art, {*held});
  ASSERT_EQ(with_own.size(), 1u);
  EXPECT_EQ(with_own[0].status, CommentStatus::Pending);  // a reader's own held comment
  EXPECT_TRUE(
      db_->snapshot()->approved_comments(other, {*held}).empty());  // own ids of another article
  c.article_id = 424242;
  EXPECT_EQ(db_->add_reader_comment(c).code(), store::Code::NotFound) << "no such article";
  EXPECT_EQ(db_->snapshot()->count_comments(CommentStatus::Pending), 4);
}

// What the reader saw when writing may have changed by the time the comment is stored:
// checked in the transaction that would store it, and nothing is written then.
TEST_P(StoreContract, AReadersCommentIsCheckedAgainstTheArticleAsItIsNow) {
  Id art = article("story", 0, {}, 100);
  store::NewComment c = by_reader(art, "First");
  c.status = CommentStatus::Approved;
  Id first = db_->add_reader_comment(c).or_throw();
  c.body = "A reply";
  c.parent_id = 999999;
  EXPECT_EQ(db_->add_reader_comment(c).code(), store::Code::NotFound) << "no such parent";
  c.parent_id = first;
  EXPECT_TRUE(db_->add_reader_comment(c)) << "a reply to a comment of this article";
  Id elsewhere = article("elsewhere", 0, {}, 100);
  c.article_id = elsewhere;
  EXPECT_EQ(db_->add_reader_comment(c).code(), store::Code::NotFound)
      << "the parent is another article's";
  c.article_id = art;
  c.parent_id = 0;

  auto closed = db_->snapshot()->article_for_edit(art)->fields;
  closed.comments_open = false;
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.update_article(art, closed)); });
  c.body = "After closing";
  EXPECT_EQ(db_->add_reader_comment(c).code(), store::Code::Forbidden);
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.set_article_status(art, Status::Draft, kStart, 0));
  });
  EXPECT_EQ(db_->add_reader_comment(c).code(), store::Code::NotFound) << "unpublished meanwhile";
  EXPECT_EQ(db_->snapshot()->count_comments(CommentStatus::Approved), 2) << "nothing else stored";
}

}  // namespace
}  // namespace khabar::test
