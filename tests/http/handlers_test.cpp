// The reader site's and the admin's handlers called in-process (no sockets, no server),
// on a ManualClock: time moves when the test says so. (DESIGN.md: handlers are testable
// without the network.)
#include <gtest/gtest.h>
#include <strings.h>

#include "admin/admin.h"
#include "admin/session.h"
#include "app/demo.h"
#include "app/store_errors.h"
#include "content/clock.h"
#include "content/time_zone.h"
#include "content/urls.h"
#include "http/static_files.h"
#include "newsroom/workflow.h"
#include "render/theme.h"
#include "security/password.h"
#include "security/secret.h"
#include "site/site.h"
#include "store/open.h"
#include "support/html.h"
#include "support/temp_dir.h"

using namespace khabar;

namespace {

constexpr content::Timestamp kStart = 1'800'000'000;  // 2027-01-15 08:00 UTC
constexpr const char* kArticle = "/kabul-opens-three-new-public-libraries-before-winter/";

std::string header(const http::Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers)
    if (strcasecmp(n.c_str(), std::string(name).c_str()) == 0) return v;
  return "";
}

class Handlers : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_store(
        {.location = (dir_.path() / "khabar.db").string(), .create = true, .clock = &clock_});
    {
      auto tx = db_->begin();
      tx->set_setting("title", "Handler Daily");
      tx->set_setting("url", "http://127.0.0.1:8080");
      tx->set_setting("time_zone", "UTC");
      tx->commit().or_throw();
    }
    app::fill_demo(*db_, clock_.now());
    std::string error;
    theme_ = render::Theme::load(KHABAR_SOURCE_DIR "/themes/default", &error);
    ASSERT_TRUE(theme_) << error;
    assets_ = std::make_unique<http::StaticFiles>(theme_->static_dir());
    site_ = std::make_unique<site::Site>(*db_, *theme_, *assets_, secret_,
                                         site::SiteOptions{.clock = &clock_});
    admin_ = std::make_unique<admin::Admin>(*db_, *theme_, *assets_, secret_, dir_.path() / "media",
                                            clock_);
    // An editor with a session (its token in the cookie; the store keeps its digest).
    auto tx = db_->begin();
    editor_ = tx->add_user({"desk", "desk@example.org", "Desk Editor", "desk-editor", "", "editor"})
                  .or_throw();
    tx->commit().or_throw();
    db_->accounts().add_session(
        {security::token_digest(session_), editor_, clock_.now(), clock_.now(), "test"});
  }

  http::Request get(std::string path) const {
    http::Request r;
    r.method = "GET";
    r.target = r.path = std::move(path);
    r.headers = {{"cookie", "khabar_session=" + session_}};
    return r;
  }
  http::Request post(std::string path, std::string form) const {
    http::Request r = get(std::move(path));
    r.method = "POST";
    r.headers.push_back({"content-type", "application/x-www-form-urlencoded"});
    r.body = "_csrf=" + admin::csrf_token(secret_, session_) + "&" + form;
    return r;
  }
  http::Response admin(const http::Request& r) const { return admin_->handle(r, "127.0.0.1"); }

  // Signs in through the form as a browser would: the form (its cookie and its token,
  // each good once), then the post, from `client`.
  http::Response sign_in(const std::string& login, const std::string& password,
                         const std::string& client = "198.51.100.2") const {
    http::Request form;
    form.method = "GET";
    form.target = form.path = "/admin/login";
    auto page = admin_->handle(form, client);
    std::string cookie = header(page, "Set-Cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    std::string marker = "name=\"_csrf\" value=\"";
    auto at = page.body.find(marker);
    EXPECT_NE(at, std::string::npos) << page.body;
    at += marker.size();
    std::string token = page.body.substr(at, page.body.find('"', at) - at);
    http::Request r;
    r.method = "POST";
    r.target = r.path = "/admin/login";
    r.headers = {{"cookie", cookie},
                 {"content-type", "application/x-www-form-urlencoded"},
                 {"origin", "http://127.0.0.1:8080"}};
    r.body = "_csrf=" + content::percent_encode(token) +
             "&login=" + content::percent_encode(login) +
             "&password=" + content::percent_encode(password);
    return admin_->handle(r, client);
  }
  // An account that signs in with `password`.
  content::Id account(const std::string& login, const std::string& password) {
    auto tx = db_->begin();
    content::Id id =
        tx->add_user({login, login + "@example.org", "Reporter " + login, login, "", "author"})
            .or_throw();
    tx->commit().or_throw();
    db_->accounts().set_password_hash(id, security::hash_password(password), clock_.now());
    return id;
  }
  http::Response page(std::string path) const {
    http::Request r;
    r.method = "GET";
    r.target = r.path = std::move(path);
    return site_->handle(r);
  }

  test::TempDir dir_;
  content::ManualClock clock_{kStart};
  std::unique_ptr<store::Store> db_;
  std::unique_ptr<render::Theme> theme_;
  std::unique_ptr<http::StaticFiles> assets_;
  security::Secret secret_{security::new_secret_hex()};
  std::unique_ptr<site::Site> site_;
  std::unique_ptr<admin::Admin> admin_;
  std::string session_ = std::string(64, 'c');
  content::Id editor_ = 0;
};

}  // namespace

// A save is stamped with the clock's instant (the revision, the article), and a save from
// a form opened before someone else's is a 409 that stores nothing.
TEST_F(Handlers, SavesAreStampedByTheClockAndAStaleOneIsAConflict) {
  auto article =
      db_->snapshot()->published_by_slug("kabul-opens-three-new-public-libraries-before-winter");
  ASSERT_TRUE(article);
  std::string edit = "/admin/articles/" + std::to_string(article->id) + "/edit";
  auto form = admin(get(edit));
  ASSERT_EQ(form.status, 200) << form.body;
  int version = db_->snapshot()->article_for_edit(article->id)->version;
  clock_.advance(600);
  std::string fields =
      "title=Kabul+opens+three+libraries&slug=" + article->slug +
      "&language=en&body=New+text.&category=" + std::to_string(article->category_id);
  auto saved = admin(post(edit, fields + "&version=" + std::to_string(version)));
  EXPECT_EQ(saved.status, 303) << saved.body;
  auto after = db_->snapshot()->article_for_edit(article->id);
  EXPECT_EQ(after->fields.body_markdown, "New text.");
  EXPECT_EQ(after->updated_at, kStart + 600);
  EXPECT_EQ(db_->snapshot()->revisions(article->id).front().created_at, kStart + 600);

  clock_.advance(60);
  auto stale = admin(post(edit, "title=Mine&slug=" + article->slug +
                                    "&language=en&body=Stale.&version=" + std::to_string(version)));
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Someone else saved this article"), std::string::npos);
  EXPECT_EQ(db_->snapshot()->article_for_edit(article->id)->fields.body_markdown, "New text.");
  EXPECT_EQ(db_->snapshot()->article_for_edit(article->id)->updated_at, kStart + 600);
}

// Scheduling from the desk and publishing when the clock gets there, seen on the reader
// site: nothing before, the article (with its scheduled time) after.
TEST_F(Handlers, AScheduledArticleAppearsWhenTheClockReachesItsTime) {
  auto tx = db_->begin();
  store::NewArticle a;
  a.slug = "budget-vote-tomorrow";
  a.title = "Budget vote tomorrow";
  a.body_markdown = "The vote.";
  a.author_ids = {editor_};
  content::Id id = tx->add_article(a).or_throw();
  tx->commit().or_throw();
  std::string at = content::format_local_time(content::TimeZone().local(kStart + 7200));
  auto scheduled =
      admin(post("/admin/articles/" + std::to_string(id), "action=schedule&publish_at=" + at));
  EXPECT_EQ(scheduled.status, 303) << scheduled.body;
  EXPECT_EQ(db_->snapshot()->desk_article(id)->status, content::Status::Scheduled);

  clock_.advance(7199);
  EXPECT_TRUE(newsroom::publish_due(*db_, clock_.now())->empty());
  EXPECT_EQ(page("/budget-vote-tomorrow/").status, 404);
  clock_.advance(1);
  EXPECT_EQ(*newsroom::publish_due(*db_, clock_.now()), std::vector<content::Id>{id});
  auto published = page("/budget-vote-tomorrow/");
  EXPECT_EQ(published.status, 200);
  EXPECT_NE(published.body.find("2027-01-15T10:00:00"), std::string::npos)
      << published.body.substr(published.body.find("datetime"), 80);
}

// An admin session ends after the idle time on the clock, not on the wall.
TEST_F(Handlers, SessionsEndAfterTheIdleTimeOnTheClock) {
  EXPECT_EQ(admin(get("/admin/")).status, 200);
  clock_.advance(24 * 3600);  // far past the idle limit
  auto later = admin(get("/admin/"));
  EXPECT_EQ(later.status, 303);
  EXPECT_NE(header(later, "location").find("/admin/login"), std::string::npos);
}

// A session also ends when it is older than its lifetime, however busy: the idle limit is
// 12 hours and the lifetime 14 days (the defaults).
TEST_F(Handlers, SessionsEndAfterTheirLifetimeHoweverBusy) {
  for (int hours = 11; hours < 336; hours += 11) {
    clock_.advance(11 * 3600);
    ASSERT_EQ(admin(get("/admin/")).status, 200) << "still in use after " << hours << " h";
  }
  clock_.set(kStart + 336 * 3600 + 1);
  EXPECT_EQ(admin(get("/admin/")).status, 303);
  EXPECT_FALSE(db_->accounts().session(security::token_digest(session_))) << "and it is gone";
}

// Five failures hold an account back for 30 s; each failure after that doubles the wait,
// and after the 15-minute window nothing holds it back.
TEST_F(Handlers, TheSignInThrottleGrowsAndEndsOnTheClock) {
  const std::string password = "a long and unguessable sentence 7";
  account("samira", password);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(sign_in("samira", "wrong " + std::to_string(i)).status, 403);
  auto held = sign_in("samira", password);  // right, but too late
  EXPECT_EQ(held.status, 429);
  EXPECT_EQ(header(held, "Retry-After"), "30");
  clock_.advance(29);
  EXPECT_EQ(header(sign_in("samira", password, "198.51.100.3"), "Retry-After"), "1")
      << "from any client";
  clock_.advance(2);
  EXPECT_EQ(sign_in("samira", "wrong again").status, 403);
  auto longer = sign_in("samira", password);
  EXPECT_EQ(longer.status, 429);
  EXPECT_EQ(header(longer, "Retry-After"), "60");
  clock_.advance(15 * 60 + 1);
  EXPECT_EQ(sign_in("samira", password).status, 303) << "the window has passed";
}

// The reader site renders on the clock too: the comment form's token names the clock's
// second, cached or not.
TEST_F(Handlers, TheReaderSiteReadsTheClockItIsGiven) {
  auto r = page(kArticle);
  ASSERT_EQ(r.status, 200);
  ASSERT_TRUE(r.splice);
  std::string now_token = r.splice->fresh();
  clock_.advance(3600);
  EXPECT_NE(r.splice->fresh(), now_token) << "the token carries the time it is served";
}

// Each store outcome that is not a bug has its answer (docs/store.md); the others are
// left to the server's last-resort 500.
TEST(StoreErrors, EachCodeHasItsAnswer) {
  auto not_found = app::store_error_response({store::Code::NotFound, "no article 12"});
  ASSERT_TRUE(not_found);
  EXPECT_EQ(not_found->status, 404);
  auto conflict = app::store_error_response({store::Code::Conflict, "stale"});
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->status, 409);
  auto unavailable = app::store_error_response({store::Code::Unavailable, "database is locked"});
  ASSERT_TRUE(unavailable);
  EXPECT_EQ(unavailable->status, 503);
  EXPECT_EQ(header(*unavailable, "Retry-After"), "5");
  EXPECT_NE(unavailable->body.find("Nothing you sent was stored"), std::string::npos);
  EXPECT_FALSE(app::store_error_response({store::Code::Corrupt, "not a database"}));
  EXPECT_FALSE(app::store_error_response({store::Code::Invalid, "a bug"}));
}
