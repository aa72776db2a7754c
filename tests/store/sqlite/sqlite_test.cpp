// What only the SQLite backend promises (beside the contract suite in ../contract/):
// the file, its schema and WAL journal, group commit.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <tuple>

#include "content/text.h"
#include "search/query.h"
#include "store/sqlite/search_tokenizer.h"
#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

using namespace khabar;
using namespace khabar::content;

namespace {

// What migrations 20 (sitemaps), 21 (crops) and 22 (banner) add, taken away to rewind a site to a
// version older than 20.
#define UNDO_MIGRATION_20                                                  \
  "DROP TABLE banner; DROP TABLE media_crops; "                            \
  "DROP TRIGGER listing_stats_insert; DROP TRIGGER listing_stats_delete; " \
  "DROP TABLE listing_stats; DROP TABLE article_images; "

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (dir_.path() / "khabar.db").string();
    db_ = store::open_sqlite_store(path_, {.create = true});
  }

  Id add_article(const std::string& slug) {
    auto tx = db_->begin();
    store::NewArticle a;
    a.slug = slug;
    a.title = slug;
    a.status = Status::Published;
    a.published_at = 100;
    Id id = tx->add_article(a).or_throw();
    tx->commit().or_throw();
    return id;
  }

  // Closes the store, runs `sql` on the file (a rewind to an older schema), and opens it
  // again with this Khabar, which migrates it to the newest version.
  void reopen_after(const char* sql) {
    db_.reset();
    sqlite3* raw = nullptr;
    sqlite3_open(path_.c_str(), &raw);
    EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    sqlite3_close(raw);
    db_ = store::open_sqlite_store(path_);
    EXPECT_EQ(scalar("PRAGMA user_version"), store::sqlite_schema_version());
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

// /readyz asks the store: a database file moved or deleted while open still answers
// reads, but what is written goes to a file nobody will find, so the store is not healthy;
// nor when another file took its place (a restore copied over a running site).
TEST_F(SqliteStoreTest, HealthSaysWhenTheFileWasMovedOrReplacedWhileOpen) {
  EXPECT_TRUE(db_->health()) << db_->health().to_string();
  std::filesystem::rename(path_, path_ + ".moved");
  auto gone = db_->health();
  EXPECT_EQ(gone.code(), store::Code::Unavailable);
  EXPECT_EQ(gone.message(), "the database file is gone (moved or deleted while open)");
  std::filesystem::copy_file(path_ + ".moved", path_);
  auto replaced = db_->health();
  EXPECT_EQ(replaced.code(), store::Code::Unavailable);
  EXPECT_EQ(replaced.message(), "the database file was replaced while open");
  std::filesystem::remove(path_);
  std::filesystem::rename(path_ + ".moved", path_);
  EXPECT_TRUE(db_->health()) << db_->health().to_string();
}

// The email of a comment is in the file (for the moderators), the address of the client
// is not (docs/privacy.md).
TEST_F(SqliteStoreTest, CommentsKeepTheEmailAndNothingOfTheAddress) {
  Id art = add_article("story");
  store::NewComment c;
  c.article_id = art;
  c.author_name = "Reader";
  c.author_email = "secret@example.org";
  c.body = "First";
  ASSERT_TRUE(db_->add_reader_comment(c));
  EXPECT_EQ(scalar("SELECT count(*) FROM comments WHERE author_email = 'secret@example.org' "
                   "AND ip_hash = ''"),
            1);
}

// Listing rows follow an article's category (the related-article ranking reads them).
TEST_F(SqliteStoreTest, ListingRowsFollowTheCategory) {
  Id art = add_article("story");
  auto tx = db_->begin();
  Id news = tx->add_category({"News", "news", 0, "", 0}).or_throw();
  Id other = tx->add_category({"Other", "other", 0, "", 0}).or_throw();
  store::NewArticle a;
  a.slug = "story";
  a.title = "story";
  a.status = Status::Published;
  a.published_at = 100;
  a.category_id = news;
  ASSERT_TRUE(tx->update_article(art, a));
  a.category_id = other;
  ASSERT_TRUE(tx->update_article(art, a));
  ASSERT_TRUE(tx->commit());
  EXPECT_EQ(scalar("SELECT count(*) FROM listings WHERE article_id = " + std::to_string(art) +
                   " AND category_id <> " + std::to_string(other)),
            0);
}

// Readers' comments arriving while the writer is busy share one transaction (one fsync),
// and each is acknowledged only once committed.
TEST_F(SqliteStoreTest, GroupCommitSharesOneTransactionAndAcknowledgesAfterIt) {
  Id art = add_article("story");
  auto before = store::sqlite_write_stats(*db_);
  constexpr int kWriters = 20;
  std::atomic<int> queued{0};
  std::vector<Id> ids(kWriters);
  std::vector<std::thread> writers;
  // Hold the writer (as a long write would) while the comments arrive.
  std::thread holder([&] {
    auto tx = db_->begin();
    while (queued.load() < kWriters) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(tx->commit());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  for (int i = 0; i < kWriters; ++i)
    writers.emplace_back([&, i] {
      store::NewComment c;
      c.article_id = art;
      c.author_name = "R" + std::to_string(i);
      c.author_email = "r" + std::to_string(i) + "@example.org";
      c.body = "Comment " + std::to_string(i);
      c.status = CommentStatus::Approved;
      ++queued;
      ids[i] = db_->add_reader_comment(c).or_throw();
      // Acknowledged: committed, so a fresh reader sees it.
      EXPECT_TRUE(db_->snapshot()->comment(ids[i])) << i;
    });
  for (auto& w : writers) w.join();
  holder.join();
  auto after = store::sqlite_write_stats(*db_);
  EXPECT_EQ(after.grouped_writes - before.grouped_writes, std::uint64_t{kWriters});
  // The holder's transaction plus at most two groups (the first leader may take only
  // itself before the others queue).
  EXPECT_LE(after.transactions - before.transactions, 3u);
  EXPECT_EQ(db_->snapshot()->approved_comments(art).size(), std::size_t{kWriters});
}

TEST_F(SqliteStoreTest, AFailingGroupedWriteFailsAlone) {
  Id art = add_article("story");
  // A write the database itself refuses (a trigger of the test's), past the store's checks.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "CREATE TRIGGER refuse BEFORE INSERT ON comments WHEN NEW.body = 'x' "
                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  store::NewComment bad;
  bad.article_id = art;
  bad.author_name = "X";
  bad.body = "x";
  EXPECT_THROW(db_->add_reader_comment(bad), store::StoreError);
  store::NewComment good = bad;
  good.body = "y";
  EXPECT_TRUE(db_->add_reader_comment(good));
  EXPECT_EQ(scalar("SELECT count(*) FROM comments"), 1);
}

// A reader's comment cannot join a transaction its thread has open: that would hold
// its acknowledgement hostage to the transaction (and deadlock group commit).
TEST_F(SqliteStoreTest, AReadersCommentRefusesToJoinAnOpenTransaction) {
  Id art = add_article("story");
  auto tx = db_->begin();
  store::NewComment c;
  c.article_id = art;
  c.body = "x";
  try {
    (void)db_->add_reader_comment(c);
    FAIL();
  } catch (const store::StoreError& e) {
    EXPECT_EQ(e.code, store::Code::Invalid);
  }
}

// A site made before search (schema 13) gets its index when a Khabar with search opens it.
// Issue 13: an excerpt an older import made with WordPress shortcodes in it loses them
// when the site is opened by this Khabar (migration 19); other brackets stay.
TEST_F(SqliteStoreTest, TheSummariesMigrationTakesShortcodesOutOfOldExcerpts) {
  Id old = 0, kept = 0;
  {
    auto tx = db_->begin();
    store::NewArticle a;
    a.slug = "old-import";
    a.title = "Old import";
    a.excerpt =
        "[caption id=\"attachment_12\" align=\"alignright\"] The canal [/caption] is dry [1].";
    a.status = Status::Published;
    a.published_at = 100;
    old = tx->add_article(a).or_throw();
    a.slug = "plain";
    a.excerpt = "Prices rose (in Kabul) again [2].";
    kept = tx->add_article(a).or_throw();
    tx->commit().or_throw();
  }
  db_.reset();
  sqlite3* raw = nullptr;
  sqlite3_open(path_.c_str(), &raw);
  ASSERT_EQ(
      sqlite3_exec(raw, UNDO_MIGRATION_20 "PRAGMA user_version = 18", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(raw);
  db_ = store::open_sqlite_store(path_);
  EXPECT_EQ(scalar("PRAGMA user_version"), store::sqlite_schema_version());
  EXPECT_EQ(db_->snapshot()->article_for_edit(old)->fields.excerpt, "The canal is dry [1].");
  EXPECT_EQ(db_->snapshot()->article_for_edit(kept)->fields.excerpt,
            "Prices rose (in Kabul) again [2].");
}

// Issue 17: a site made before the sitemaps (schema 19) gets its month counts, listing
// times and article pictures when this Khabar opens it, and they are kept from then on.
TEST_F(SqliteStoreTest, TheSitemapsMigrationCountsAnExistingSite) {
  {
    auto tx = db_->begin();
    store::NewMedia m;
    m.original = {"2020/03/ab.jpg", "image/jpeg", 800, 600, 100};
    m.variants = {{"2020/03/ab-640.webp", "image/webp", 640, 480, 50}};
    tx->add_media(m).or_throw();
    store::NewArticle a;
    a.slug = "march";
    a.title = "March";
    a.body_markdown = "![A](/media/2020/03/ab-640.webp)";
    a.status = Status::Published;
    a.published_at = 1583830000;  // 2020-03-10
    tx->add_article(a).or_throw();
    a.slug = "april";
    a.body_markdown = "No picture.";
    a.published_at = 1586500000;  // 2020-04-10
    tx->add_article(a).or_throw();
    a.slug = "april-draft";
    a.status = Status::Draft;
    tx->add_article(a).or_throw();
    tx->commit().or_throw();
  }
  reopen_after(UNDO_MIGRATION_20 "PRAGMA user_version = 19");
  auto months = db_->snapshot()->sitemap_months();
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].month, 202003);
  EXPECT_EQ(months[0].articles, 1);
  EXPECT_GT(months[0].modified_at, 0);
  EXPECT_EQ(months[1].articles, 1);
  auto march = db_->snapshot()->sitemap_articles(202003, 10, 0);
  ASSERT_EQ(march.size(), 1u);
  EXPECT_EQ(march[0].images, (std::vector<std::string>{"2020/03/ab.jpg"}));
  EXPECT_EQ(db_->snapshot()->sitemap_listings(store::ListingKind::Tag).size(), 0u);
  EXPECT_EQ(scalar("SELECT count(*) FROM listing_stats WHERE dirty = 1"), 0);
}

// Issue 17: articles imported before version 21 name their copied featured picture by
// URL only; opening the site links them to the library item (its figure, cards, crops).
// An outside URL, and an article that already has an item, are left as they are.
TEST_F(SqliteStoreTest, TheCropsMigrationLinksImportedFeaturedPictures) {
  Id copied = 0, other = 0;
  {
    auto tx = db_->begin();
    store::NewMedia m;
    m.original = {"2013/03/rooftops.jpg", "image/jpeg", 800, 600, 100};
    copied = tx->add_media(m).or_throw();
    m.original.file = "2013/03/other.jpg";
    other = tx->add_media(m).or_throw();
    store::NewArticle a;
    a.title = "Imported";
    a.status = Status::Published;
    a.published_at = 1363000000;
    for (auto [slug, image, media] :
         {std::tuple{"by-url", "/media/2013/03/rooftops.jpg", Id{0}},
          std::tuple{"outside", "https://old.example/wp-content/uploads/x.jpg", Id{0}},
          std::tuple{"chosen", "/media/2013/03/rooftops.jpg", other}}) {
      a.slug = slug;
      a.featured_image = image;
      a.featured_media_id = media;
      tx->add_article(a).or_throw();
    }
    tx->commit().or_throw();
  }
  reopen_after(
      "UPDATE articles SET featured_media_id = NULL WHERE slug = 'by-url'; "
      "DROP TABLE banner; DROP TABLE media_crops; PRAGMA user_version = 20");
  auto featured = [&](const char* slug) {
    auto a = db_->snapshot()->published_by_slug(slug);
    return a && a->featured_media ? a->featured_media->id : Id{0};
  };
  EXPECT_EQ(featured("by-url"), copied);
  EXPECT_EQ(featured("outside"), 0);
  EXPECT_EQ(featured("chosen"), other);
}

TEST_F(SqliteStoreTest, TheSearchMigrationIndexesAnExistingSite) {
  add_article("kandahar-pomegranates");
  db_.reset();
  sqlite3* raw = nullptr;
  sqlite3_open(path_.c_str(), &raw);
  ASSERT_EQ(store::sqlite::register_search_functions(raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DROP TABLE search_words; DROP TABLE search; DROP TABLE search_docs; "
                         "DROP TABLE search_text; DROP TABLE related_articles; "
                         "DROP TABLE search_queue; "
                         "ALTER TABLE revisions DROP COLUMN body_html; DROP INDEX tags_by_name; "
                         "DROP TABLE autosaves; ALTER TABLE users DROP COLUMN notices; "
                         "DROP TABLE known_devices; DROP TABLE mail_outbox; DROP TABLE mail_marks; "
                         "DROP TABLE corrections; " UNDO_MIGRATION_20 "PRAGMA user_version = 13",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(raw);
  sqlite3_close(raw);
  db_ = store::open_sqlite_store(path_);
  EXPECT_EQ(scalar("PRAGMA user_version"), store::sqlite_schema_version());
  store::SearchRequest r;
  r.query = search::parse_query("pomegranates");
  auto found = db_->snapshot()->search(r);
  ASSERT_EQ(found.hits.size(), 1u);
  EXPECT_EQ(found.hits[0].article.slug, "kandahar-pomegranates");
}

TEST_F(SqliteStoreTest, TheSecondSearchMigrationMakesTheIndexSmaller) {
  Id made = 0, written = 0;
  {
    auto tx = db_->begin();
    store::NewArticle a;
    a.slug = "made";
    a.title = "Kunar";
    a.body_markdown = "Floods in Kunar cut the road to Asadabad. The ښار asked for help.";
    a.excerpt = content::make_excerpt(a.body_markdown, 30);  // as the editor makes one
    a.status = Status::Published;
    a.published_at = 100;
    made = tx->add_article(a).or_throw();
    a.slug = "written";
    a.excerpt = "Pomegranates of Kandahar";
    written = tx->add_article(a).or_throw();
    tx->commit().or_throw();
  }
  db_.reset();
  // The site as version 14 left it: every standfirst in the index, no sizes.
  sqlite3* raw = nullptr;
  sqlite3_open(path_.c_str(), &raw);
  ASSERT_EQ(store::sqlite::register_search_functions(raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "ALTER TABLE revisions DROP COLUMN body_html; DROP INDEX tags_by_name; "
                         "DROP TABLE autosaves; ALTER TABLE users DROP COLUMN notices; "
                         "DROP TABLE known_devices; DROP TABLE mail_outbox; DROP TABLE mail_marks; "
                         "DROP TABLE corrections; " UNDO_MIGRATION_20
                         "ALTER TABLE search_docs DROP COLUMN words; "
                         "ALTER TABLE search_docs DROP COLUMN listed; "
                         "UPDATE search_text SET standfirst = "
                         "(SELECT excerpt FROM articles WHERE id = article_id); "
                         "DROP TABLE search_queue; "
                         "PRAGMA user_version = 14",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(raw);
  sqlite3_close(raw);
  EXPECT_EQ(scalar("SELECT count(*) FROM search_text WHERE standfirst <> ''"), 2);
  db_ = store::open_sqlite_store(path_);
  EXPECT_EQ(scalar("PRAGMA user_version"), store::sqlite_schema_version());
  auto id = [](Id n) { return std::to_string(n); };
  EXPECT_EQ(scalar("SELECT length(standfirst) FROM search_text WHERE article_id = " + id(made)), 0)
      << "a standfirst made from the body is left out";
  EXPECT_GT(scalar("SELECT length(standfirst) FROM search_text WHERE article_id = " + id(written)),
            0);
  EXPECT_GT(scalar("SELECT min(words) FROM search_docs"), 10) << "each row's size, for BM25";
  auto slugs = [&](const std::string& typed) {
    store::SearchRequest r;
    r.query = search::parse_query(typed);
    std::vector<std::string> out;
    for (const auto& h : db_->snapshot()->search(r).hits) out.push_back(h.article.slug);
    std::sort(out.begin(), out.end());
    return out;
  };
  using Slugs = std::vector<std::string>;
  EXPECT_EQ(slugs("pomegranates"), Slugs{"written"});
  EXPECT_EQ(slugs("asadabad"), (Slugs{"made", "written"}));
  EXPECT_EQ(slugs("ښار"), (Slugs{"made", "written"}));
  EXPECT_EQ(slugs("شار"), (Slugs{"made", "written"}));
}
