// The contract: accounts, sessions, one-time links, one-time TOTP steps and recovery
// codes, the throttle's counts, and what a password change or disabling an account ends
// (store/accounts.h).
#include "store/contract/contract.h"

namespace khabar::test {
namespace {

// An editor, the account these tests use.
content::Id add_amina(store::Store& db) {
  auto tx = db.begin();
  auto id = tx->add_user({"amina", "amina@example.org", "Amina", "amina", "", "editor"}).or_throw();
  tx->commit().or_throw();
  return id;
}

TEST_P(StoreContract, AccountsCarryRoleAndPrivateFields) {
  const content::Id amina_id = add_amina(*db_);
  auto a = db_->accounts().account_by_login("amina");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->role, content::Role::Editor);
  EXPECT_EQ(a->email, "amina@example.org");
  EXPECT_TRUE(a->password_hash.empty());
  EXPECT_FALSE(db_->accounts().account_by_login("Amina"));
  EXPECT_TRUE(db_->accounts().set_role(amina_id, content::Role::Author));
  EXPECT_EQ(db_->accounts().account(amina_id)->role, content::Role::Author);
  EXPECT_FALSE(db_->accounts().set_role(999, content::Role::Author));
  EXPECT_TRUE(
      db_->accounts().update_profile(amina_id, {"Amina K.", "new@example.org", "Reporter"}));
  EXPECT_EQ(db_->snapshot()->author_by_slug("amina")->display_name, "Amina K.");
  EXPECT_EQ(db_->accounts().count_accounts(), 1);
}

TEST_P(StoreContract, APublicSlugChangeKeepsTheOldAddresses) {
  const content::Id amina_id = add_amina(*db_);
  auto tx = db_->begin();
  auto other = tx->add_user({"karim", "k@example.org", "Karim", "karim", "", "author"}).or_throw();
  tx->commit().or_throw();
  EXPECT_TRUE(db_->accounts().set_public_slug(amina_id, "amina-karimi"));
  EXPECT_EQ(db_->accounts().account(amina_id)->slug, "amina-karimi");
  EXPECT_EQ(db_->snapshot()->author_by_slug("amina-karimi")->id, amina_id);
  EXPECT_FALSE(db_->snapshot()->author_by_slug("amina"));
  EXPECT_EQ(db_->snapshot()->redirect("/author/amina/"), "/author/amina-karimi/");
  // Again: both old addresses lead straight to the newest.
  EXPECT_TRUE(db_->accounts().set_public_slug(amina_id, "آمنه"));
  EXPECT_EQ(db_->snapshot()->redirect("/author/amina/"), "/author/%D8%A2%D9%85%D9%86%D9%87/");
  EXPECT_EQ(db_->snapshot()->redirect("/author/amina-karimi/"),
            "/author/%D8%A2%D9%85%D9%86%D9%87/");
  // Back to a slug once had: a page again, not a redirect.
  EXPECT_TRUE(db_->accounts().set_public_slug(amina_id, "amina"));
  EXPECT_FALSE(db_->snapshot()->redirect("/author/amina/"));
  EXPECT_EQ(db_->snapshot()->redirect("/author/amina-karimi/"), "/author/amina/");
  // Someone else's: refused, nothing changed.
  auto taken = db_->accounts().set_public_slug(amina_id, "karim");
  EXPECT_EQ(taken.code(), store::Code::Conflict);
  EXPECT_EQ(db_->accounts().account(amina_id)->slug, "amina");
  EXPECT_EQ(db_->accounts().account(other)->slug, "karim");
  EXPECT_EQ(db_->accounts().set_public_slug(999, "x").code(), store::Code::NotFound);
}

TEST_P(StoreContract, AccountsPasswordChangeAndDisablingEndSessions) {
  const content::Id amina_id = add_amina(*db_);
  db_->accounts().add_session({"s1", amina_id, 100, 100, "Firefox"});
  db_->accounts().add_session({"s2", amina_id, 100, 100, "Firefox"});
  EXPECT_EQ(db_->accounts().sessions_of(amina_id).size(), 2u);
  db_->accounts().touch_session("s2", 500);
  EXPECT_EQ(db_->accounts().session("s2")->last_seen_at, 500);
  EXPECT_EQ(db_->accounts().sessions_of(amina_id).front().id_digest, "s2");
  EXPECT_TRUE(db_->accounts().set_password_hash(amina_id, "$argon2id$x", 600, "s1"));
  EXPECT_TRUE(db_->accounts().session("s1"));
  EXPECT_FALSE(db_->accounts().session("s2"));
  EXPECT_EQ(db_->accounts().account(amina_id)->password_changed_at, 600);
  EXPECT_TRUE(db_->accounts().set_disabled(amina_id, true));
  EXPECT_TRUE(db_->accounts().sessions_of(amina_id).empty());
  EXPECT_TRUE(db_->accounts().account(amina_id)->disabled);
}

TEST_P(StoreContract, AccountsPasswordLinksWorkOnceAndExpire) {
  const content::Id amina_id = add_amina(*db_);
  db_->accounts().add_password_link("link-a", amina_id, 1000);
  db_->accounts().add_password_link("link-b", amina_id, 1000);
  EXPECT_EQ(db_->accounts().password_link_user("link-a", 999), amina_id);
  EXPECT_FALSE(db_->accounts().password_link_user("link-a", 1000));  // expired at 1000
  EXPECT_FALSE(db_->accounts().redeem_password_link("link-a", "$argon2id$y", 1001));
  EXPECT_TRUE(db_->accounts().redeem_password_link("link-a", "$argon2id$y", 500));
  EXPECT_EQ(db_->accounts().account(amina_id)->password_hash, "$argon2id$y");
  EXPECT_FALSE(db_->accounts().redeem_password_link("link-a", "$argon2id$z", 500));  // used
  EXPECT_FALSE(
      db_->accounts().redeem_password_link("link-b", "$argon2id$z", 500));  // voided with it
}

TEST_P(StoreContract, AccountsTotpStepsAndRecoveryCodesAreGoodOnce) {
  const content::Id amina_id = add_amina(*db_);
  EXPECT_TRUE(db_->accounts().set_two_factor(amina_id, "sealed", {"r1", "r2"}));
  EXPECT_EQ(db_->accounts().count_recovery_codes(amina_id), 2);
  EXPECT_TRUE(db_->accounts().use_totp_step(amina_id, 100));
  EXPECT_FALSE(db_->accounts().use_totp_step(amina_id, 100));
  EXPECT_FALSE(db_->accounts().use_totp_step(amina_id, 99));
  EXPECT_TRUE(db_->accounts().use_totp_step(amina_id, 101));
  EXPECT_TRUE(db_->accounts().use_recovery_code(amina_id, "r1"));
  EXPECT_FALSE(db_->accounts().use_recovery_code(amina_id, "r1"));
  EXPECT_FALSE(db_->accounts().use_recovery_code(amina_id, "nope"));
  EXPECT_EQ(db_->accounts().count_recovery_codes(amina_id), 1);
  EXPECT_TRUE(db_->accounts().set_two_factor(amina_id, "", {}));
  EXPECT_EQ(db_->accounts().account(amina_id)->totp_sealed, "");
  EXPECT_EQ(db_->accounts().count_recovery_codes(amina_id), 0);
}

TEST_P(StoreContract, AccountsLoginFailuresAreCountedInAWindow) {
  for (int at : {100, 200, 300}) db_->accounts().add_login_failure("account:x", at);
  db_->accounts().add_login_failure("client:y", 300);
  auto f = db_->accounts().login_failures("account:x", 150);
  EXPECT_EQ(f.count, 2);
  EXPECT_EQ(f.last, 300);
  db_->accounts().clear_login_failures("account:x");
  EXPECT_EQ(db_->accounts().login_failures("account:x", 0).count, 0);
  EXPECT_EQ(db_->accounts().login_failures("client:y", 0).count, 1);
}

TEST_P(StoreContract, AccountsListAvatarsAndEndingASession) {
  const content::Id amina_id = add_amina(*db_);
  EXPECT_EQ(db_->accounts().accounts().size(), 1u);
  EXPECT_EQ(db_->accounts().accounts()[0].id, amina_id);
  EXPECT_EQ(db_->accounts().count_accounts(), 1);
  EXPECT_TRUE(db_->accounts().set_avatar(amina_id, "2026/11/face.jpg"));
  EXPECT_EQ(db_->snapshot()->author_by_slug("amina")->avatar, "2026/11/face.jpg");
  EXPECT_FALSE(db_->accounts().set_avatar(9999, ""));
  db_->accounts().add_session({"s1", amina_id, 100, 100, "Firefox"});
  EXPECT_TRUE(db_->accounts().delete_session("s1"));
  EXPECT_FALSE(db_->accounts().delete_session("s1"));
  EXPECT_FALSE(db_->accounts().session("s1"));
}

TEST_P(StoreContract, NoticesAndKnownDevicesArePerAccount) {
  const content::Id amina_id = add_amina(*db_);
  EXPECT_EQ(db_->accounts().account(amina_id)->notices, store::kAllNotices);  // all on at first
  EXPECT_TRUE(db_->accounts().set_notices(amina_id, store::kNoticeComments));
  EXPECT_EQ(db_->accounts().account(amina_id)->notices, store::kNoticeComments);
  EXPECT_TRUE(db_->accounts().set_notices(amina_id, 0xff));  // only the known bits
  EXPECT_EQ(db_->accounts().account(amina_id)->notices, store::kAllNotices);
  EXPECT_FALSE(db_->accounts().set_notices(999, 0));
  EXPECT_TRUE(db_->accounts().remember_device(amina_id, "d1", 100));
  EXPECT_FALSE(db_->accounts().remember_device(amina_id, "d1", 200));  // seen before
  EXPECT_TRUE(db_->accounts().remember_device(amina_id, "d2", 300));
  auto tx = db_->begin();
  auto karim = tx->add_user({"karim", "k@example.org", "Karim", "karim", "", "author"}).or_throw();
  tx->commit().or_throw();
  EXPECT_TRUE(db_->accounts().remember_device(karim, "d1", 400));  // another account's
}

TEST_P(StoreContract, TheOutboxLeasesEachLetterToOneSenderUntilSentOrRetried) {
  auto& outbox = db_->outbox();
  EXPECT_EQ(outbox.count(), 0);
  outbox.enqueue("invitation", 7, "sealed-1", 100);
  outbox.enqueue("review", 0, "sealed-2", 101);
  EXPECT_EQ(outbox.count(), 2);
  EXPECT_TRUE(outbox.claim_due(99, 700, 10).empty());  // not due yet
  auto first = outbox.claim_due(200, 800, 1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].kind, "invitation");
  EXPECT_EQ(first[0].user_id, 7);
  EXPECT_EQ(first[0].sealed, "sealed-1");
  EXPECT_EQ(first[0].created_at, 100);
  EXPECT_EQ(first[0].attempts, 0);
  // Leased: another sender gets the other letter only, until the lease ends.
  auto second = outbox.claim_due(200, 800, 10);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].sealed, "sealed-2");
  EXPECT_TRUE(outbox.claim_due(799, 900, 10).empty());
  outbox.remove(second[0].id);
  outbox.retry_at(first[0].id, 1000, "timed out");
  EXPECT_TRUE(outbox.claim_due(999, 1100, 10).empty());
  auto again = outbox.claim_due(1000, 1600, 10);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 1);
  outbox.remove(again[0].id);
  EXPECT_EQ(outbox.count(), 0);
}

TEST_P(StoreContract, AMarkAdvancesOnlyPastItsThreshold) {
  auto& outbox = db_->outbox();
  EXPECT_TRUE(outbox.advance_mark("digest", 100, 50));    // never set: 0 < 50
  EXPECT_FALSE(outbox.advance_mark("digest", 120, 100));  // 100 is not before 100
  EXPECT_TRUE(outbox.advance_mark("digest", 200, 101));
  EXPECT_TRUE(outbox.advance_mark("other", 5, 1));  // marks are by name
  EXPECT_FALSE(outbox.advance_mark("digest", 300, 150));
}

}  // namespace
}  // namespace khabar::test
