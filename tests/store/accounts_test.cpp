// The AccountStore contract on a real SQLite file: sessions, one-time links, one-time
// TOTP steps and recovery codes, the throttle's counts, and what a password change or
// disabling an account ends.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

using namespace khabar;

namespace {

class AccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_sqlite_store((dir_.path() / "khabar.db").string(), {.create = true});
    user_ = db_->add_user({"amina", "amina@example.org", "Amina", "amina", "", "editor"});
  }
  store::AccountStore& accounts() { return db_->accounts(); }
  void session(const std::string& digest, std::int64_t at = 100) {
    accounts().add_session({digest, user_, at, at, "Firefox"});
  }

  test::TempDir dir_;
  std::unique_ptr<store::Store> db_;
  content::Id user_ = 0;
};

TEST_F(AccountStoreTest, AccountsCarryRoleAndPrivateFields) {
  auto a = accounts().account_by_login("amina");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->role, content::Role::Editor);
  EXPECT_EQ(a->email, "amina@example.org");
  EXPECT_TRUE(a->password_hash.empty());
  EXPECT_FALSE(accounts().account_by_login("Amina"));
  EXPECT_TRUE(accounts().set_role(user_, content::Role::Author));
  EXPECT_EQ(accounts().account(user_)->role, content::Role::Author);
  EXPECT_FALSE(accounts().set_role(999, content::Role::Author));
  EXPECT_TRUE(accounts().update_profile(user_, {"Amina K.", "new@example.org", "Reporter"}));
  EXPECT_EQ(db_->author_by_slug("amina")->display_name, "Amina K.");
  EXPECT_EQ(accounts().count_accounts(), 1);
}

TEST_F(AccountStoreTest, PasswordChangeAndDisablingEndSessions) {
  session("s1");
  session("s2");
  EXPECT_EQ(accounts().sessions_of(user_).size(), 2u);
  accounts().touch_session("s2", 500);
  EXPECT_EQ(accounts().session("s2")->last_seen_at, 500);
  EXPECT_EQ(accounts().sessions_of(user_).front().id_digest, "s2");
  EXPECT_TRUE(accounts().set_password_hash(user_, "$argon2id$x", 600, "s1"));
  EXPECT_TRUE(accounts().session("s1"));
  EXPECT_FALSE(accounts().session("s2"));
  EXPECT_EQ(accounts().account(user_)->password_changed_at, 600);
  EXPECT_TRUE(accounts().set_disabled(user_, true));
  EXPECT_TRUE(accounts().sessions_of(user_).empty());
  EXPECT_TRUE(accounts().account(user_)->disabled);
}

TEST_F(AccountStoreTest, PasswordLinksWorkOnceAndExpire) {
  accounts().add_password_link("link-a", user_, 1000);
  accounts().add_password_link("link-b", user_, 1000);
  EXPECT_EQ(accounts().password_link_user("link-a", 999), user_);
  EXPECT_FALSE(accounts().password_link_user("link-a", 1000));  // expired at 1000
  EXPECT_FALSE(accounts().redeem_password_link("link-a", "$argon2id$y", 1001));
  EXPECT_TRUE(accounts().redeem_password_link("link-a", "$argon2id$y", 500));
  EXPECT_EQ(accounts().account(user_)->password_hash, "$argon2id$y");
  EXPECT_FALSE(accounts().redeem_password_link("link-a", "$argon2id$z", 500));  // used
  EXPECT_FALSE(accounts().redeem_password_link("link-b", "$argon2id$z", 500));  // voided with it
}

TEST_F(AccountStoreTest, TotpStepsAndRecoveryCodesAreGoodOnce) {
  EXPECT_TRUE(accounts().set_two_factor(user_, "sealed", {"r1", "r2"}));
  EXPECT_EQ(accounts().count_recovery_codes(user_), 2);
  EXPECT_TRUE(accounts().use_totp_step(user_, 100));
  EXPECT_FALSE(accounts().use_totp_step(user_, 100));
  EXPECT_FALSE(accounts().use_totp_step(user_, 99));
  EXPECT_TRUE(accounts().use_totp_step(user_, 101));
  EXPECT_TRUE(accounts().use_recovery_code(user_, "r1"));
  EXPECT_FALSE(accounts().use_recovery_code(user_, "r1"));
  EXPECT_FALSE(accounts().use_recovery_code(user_, "nope"));
  EXPECT_EQ(accounts().count_recovery_codes(user_), 1);
  EXPECT_TRUE(accounts().set_two_factor(user_, "", {}));
  EXPECT_EQ(accounts().account(user_)->totp_sealed, "");
  EXPECT_EQ(accounts().count_recovery_codes(user_), 0);
}

TEST_F(AccountStoreTest, LoginFailuresAreCountedInAWindow) {
  for (int at : {100, 200, 300}) accounts().add_login_failure("account:x", at);
  accounts().add_login_failure("client:y", 300);
  auto f = accounts().login_failures("account:x", 150);
  EXPECT_EQ(f.count, 2);
  EXPECT_EQ(f.last, 300);
  accounts().clear_login_failures("account:x");
  EXPECT_EQ(accounts().login_failures("account:x", 0).count, 0);
  EXPECT_EQ(accounts().login_failures("client:y", 0).count, 1);
}

TEST_F(AccountStoreTest, AccountWritesJoinABatchAndRollBackWithIt) {
  EXPECT_THROW(db_->batch([&] {
    accounts().add_password_link("in-batch", user_, 1000);
    throw std::runtime_error("stop");
  }),
               std::runtime_error);
  EXPECT_FALSE(accounts().password_link_user("in-batch", 0));
}

TEST_F(AccountStoreTest, DeskCountsAndStatusMoves) {
  store::NewArticle a;
  a.slug = "draft-one";
  a.title = "Draft";
  a.author_ids = {user_};
  content::Id id = db_->add_article(a);
  EXPECT_EQ(db_->count_articles(content::Status::Draft), 1);
  EXPECT_TRUE(db_->set_article_status(id, content::Status::Published, 777, 777));
  auto d = db_->desk_article(id);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, content::Status::Published);
  EXPECT_EQ(d->published_at, 777);
  EXPECT_EQ(d->author_ids, std::vector<content::Id>{user_});
  EXPECT_TRUE(db_->published_by_slug("draft-one"));
  EXPECT_EQ(db_->published_articles({}, 10, 0).size(), 1u);  // the listing row is there
  EXPECT_TRUE(db_->set_article_status(id, content::Status::Trash, 800, 0));
  EXPECT_TRUE(db_->published_articles({}, 10, 0).empty());
  store::DeskFilter trash;
  trash.status = content::Status::Trash;
  EXPECT_EQ(db_->desk_articles(trash).size(), 1u);
  store::DeskFilter someone_else;
  someone_else.author_id = user_ + 1;
  EXPECT_EQ(db_->desk_articles(someone_else).size(), 0u);
  EXPECT_FALSE(db_->set_article_status(9999, content::Status::Trash, 800, 0));
}

}  // namespace
