// The role matrix over real HTTP: every role x every admin action that has an endpoint
// x the user's own thing or someone else's. The expectations are written out here by
// hand (WordPress's semantics), not read from content/capabilities, so a wrong table
// fails this test. Each allowed action is checked in the database too; each refused one
// must leave it as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>

#include "store/open.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/images.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

enum Who { Own, Others, Site };

struct Case {
  std::string action;
  Who who;
  // administrator, editor, author, contributor
  std::array<bool, 4> allowed;
};

const std::vector<Case> kMatrix = {
    {"view dashboard", Site, {true, true, true, true}},
    {"create article", Site, {true, true, true, true}},
    {"edit draft", Own, {true, true, true, true}},
    {"edit draft", Others, {true, true, false, false}},
    {"edit published", Own, {true, true, true, false}},
    {"edit published", Others, {true, true, false, false}},
    {"submit for review", Own, {true, true, true, true}},
    {"submit for review", Others, {true, true, false, false}},
    {"schedule", Own, {true, true, true, false}},
    {"schedule", Others, {true, true, false, false}},
    {"publish", Own, {true, true, true, false}},
    {"publish", Others, {true, true, false, false}},
    {"unpublish", Own, {true, true, true, false}},
    {"unpublish", Others, {true, true, false, false}},
    {"trash", Own, {true, true, true, true}},
    {"trash", Others, {true, true, false, false}},
    {"restore", Own, {true, true, true, true}},
    {"restore", Others, {true, true, false, false}},
    {"delete for good", Own, {true, true, true, true}},
    {"delete for good", Others, {true, true, false, false}},
    {"upload media", Own, {true, true, true, true}},
    {"change media", Others, {true, true, false, false}},
    {"manage tags", Site, {true, true, false, false}},
    {"edit menu", Site, {true, true, false, false}},
    {"moderate comments", Site, {true, true, false, false}},
    {"manage categories", Site, {true, true, false, false}},
    {"list users", Site, {true, false, false, false}},
    {"manage users", Site, {true, false, false, false}},
    {"change settings", Site, {true, false, false, false}},
};

const std::array<std::string, 4> kRoles = {"administrator", "editor", "author", "contributor"};

class Roles : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
    server_ = std::make_unique<ServerProcess>(data_);
    AdminClient setup(server_->port());
    setup.set_password(add_user(data_, "other-writer", "author", "Other Writer"),
                       strong_password("o"));
    other_id_ = std::to_string(user_id("other-writer"));
  }

  // The server's store, opened beside it: what the matrix sets up and reads back.
  khabar::store::Store& db() {
    if (!db_) db_ = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
    return *db_;
  }
  template <class Work>
  auto write(Work&& work) {
    auto tx = db().begin();
    auto result = work(*tx);
    tx->commit().or_throw();
    return result;
  }
  khabar::content::Id user_id(const std::string& login) {
    return db().accounts().account_by_login(login)->id;
  }
  khabar::store::DeskFilter titled(const std::string& title) {
    khabar::store::DeskFilter f;
    f.search = title;
    return f;
  }

  // A new article with `status`, by `author_id`.
  std::string article(const std::string& status, const std::string& author_id) {
    static int n = 0;
    khabar::store::NewArticle a;
    a.slug = "matrix-" + std::to_string(++n);
    a.title = "Matrix " + a.slug;
    a.status = *khabar::content::parse_status(status);
    a.published_at = status == "published" ? 1 : 0;
    a.author_ids = {std::stoll(author_id)};
    return std::to_string(
        write([&](khabar::store::Transaction& tx) { return tx.add_article(a).or_throw(); }));
  }

  std::string status_of(const std::string& id) {
    auto a = db().snapshot()->desk_article(std::stoll(id));
    return a ? std::string(to_string(a->status)) : "";
  }

  // Performs `c.action` as `client`; returns {HTTP status, whether the change happened}.
  std::pair<int, bool> attempt(AdminClient& client, const Case& c, const std::string& me) {
    std::string owner = c.who == Own ? me : other_id_;
    auto move = [&](const std::string& from, const std::string& name, const std::string& to) {
      std::string id = article(from, owner);
      int status = client.post("/admin/articles/" + id, {{"action", name}}).status;
      return std::pair{status, status_of(id) == to};
    };
    if (c.action == "view dashboard") {
      int s = client.get("/admin/").status;
      return {s, s == 200};
    }
    if (c.action == "create article") {
      std::string title = "Created by " + me + " " + std::to_string(++created_);
      int s = client
                  .post("/admin/articles/new",
                        {{"title", title}, {"body", "Text."}, {"language", "en"}, {"version", "0"}})
                  .status;
      return {s, db().snapshot()->desk_articles(titled(title)).size() == 1};
    }
    if (c.action == "edit draft" || c.action == "edit published") {
      std::string id = article(c.action == "edit draft" ? "draft" : "published", owner);
      std::string title = "Edited by " + me + " " + id;
      int s =
          client
              .post("/admin/articles/" + id + "/edit",
                    {{"title", title}, {"body", "New text."}, {"language", "en"}, {"version", "1"}})
              .status;
      return {s, db().snapshot()->desk_article(std::stoll(id))->title == title};
    }
    if (c.action == "submit for review") return move("draft", "submit", "pending");
    if (c.action == "publish") return move("pending", "publish", "published");
    if (c.action == "schedule") {
      std::string id = article("pending", owner);
      // Tomorrow in the site's time zone (UTC here), as a datetime-local value.
      std::time_t t = std::time(nullptr) + 86400;
      std::tm tm{};
      gmtime_r(&t, &tm);
      char when[32];
      std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M", &tm);
      int status =
          client.post("/admin/articles/" + id, {{"action", "schedule"}, {"publish_at", when}})
              .status;
      return std::pair{status, status_of(id) == "scheduled"};
    }
    if (c.action == "delete for good") {
      std::string id = article("trash", owner);
      int status = client.post("/admin/articles/" + id, {{"action", "delete"}}).status;
      return std::pair{status, status_of(id).empty()};
    }
    if (c.action == "upload media") {
      auto r = client.post_multipart(
          "/admin/media", {{"alt", "Matrix " + me}},
          {{"file", "m.png", make_image(40 + static_cast<int>(std::stoi(me)), 30, ".png")}});
      khabar::store::MediaFilter f;
      f.search = "Matrix " + me;
      return {r.status, db().snapshot()->media_library(f).size() == 1};
    }
    if (c.action == "change media") {
      khabar::store::NewMedia m;
      m.original = {"matrix/" + me + ".png", "image/png", 1, 1, 1};
      m.uploaded_by = std::stoll(other_id_);
      m.alt = "theirs";
      std::string id = std::to_string(
          write([&](khabar::store::Transaction& tx) { return tx.add_media(m).or_throw(); }));
      int s = client.post("/admin/media/" + id, {{"action", "save"}, {"alt", "changed by " + me}})
                  .status;
      return {s, db().snapshot()->media(std::stoll(id))->alt == "changed by " + me};
    }
    if (c.action == "manage tags") {
      std::string name = "Matrix tag " + me;
      int s = client.post("/admin/tags", {{"name", name}}).status;
      auto tags = db().snapshot()->desk_tags();
      return {s, std::count_if(tags.begin(), tags.end(),
                               [&](const auto& t) { return t.tag.name == name; }) == 1};
    }
    if (c.action == "edit menu") {
      std::string label = "Matrix link " + me;
      int s =
          client.post("/admin/menu", {{"kind-0", "link"}, {"label-0", label}, {"url-0", "/about/"}})
              .status;
      auto menu = db().snapshot()->menu();
      return {s, std::count_if(menu.begin(), menu.end(),
                               [&](const auto& m) { return m.label == label; }) == 1};
    }
    if (c.action == "unpublish") return move("published", "unpublish", "draft");
    if (c.action == "trash") return move("draft", "trash", "trash");
    if (c.action == "restore") return move("trash", "restore", "draft");
    if (c.action == "moderate comments") {
      khabar::content::Id on = db().snapshot()->published_articles({}, 1, 0).front().id;
      std::string id = std::to_string(write([&](khabar::store::Transaction& tx) {
        return tx
            .add_comment({on, 0, "Matrix", "", "", "matrix comment",
                          khabar::content::CommentStatus::Pending, 1, ""})
            .or_throw();
      }));
      int s = client.post("/admin/comments", {{"action", "approve"}, {"id", id}}).status;
      return {s, db().snapshot()->comment(std::stoll(id))->status ==
                     khabar::content::CommentStatus::Approved};
    }
    if (c.action == "manage categories") {
      std::string name = "Matrix section " + me;
      int s = client.post("/admin/categories", {{"name", name}}).status;
      auto all = db().snapshot()->categories();
      return {s, std::count_if(all.begin(), all.end(),
                               [&](const auto& c) { return c.name == name; }) == 1};
    }
    if (c.action == "list users") {
      auto r = client.get("/admin/users");
      return {r.status, r.body.find("other-writer") != std::string::npos};
    }
    if (c.action == "manage users") {
      db().accounts().set_disabled(std::stoll(other_id_), false);
      int s = client.post("/admin/users/" + other_id_, {{"action", "disable"}}).status;
      return {s, db().accounts().account(std::stoll(other_id_))->disabled};
    }
    if (c.action == "change settings") {
      std::string tagline = "Tagline by " + me;
      int s =
          client.post("/admin/settings", {{"title", "Khabar Test"}, {"tagline", tagline}}).status;
      return {s, db().snapshot()->setting("tagline") == tagline};
    }
    ADD_FAILURE() << "no probe for " << c.action;
    return {0, false};
  }

  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
  std::string other_id_;
  int created_ = 0;
  std::unique_ptr<khabar::store::Store> db_;
};

TEST_F(Roles, EveryRoleEveryActionOwnAndOthers) {
  for (std::size_t r = 0; r < kRoles.size(); ++r) {
    std::string login = "matrix-" + kRoles[r];
    AdminClient client(server_->port());
    ASSERT_EQ(client
                  .set_password(add_user(data_, login, kRoles[r], "Matrix " + kRoles[r]),
                                strong_password(login))
                  .status,
              303);
    ASSERT_EQ(client.sign_in(login, strong_password(login)).status, 303);
    std::string me = std::to_string(user_id(login));
    for (const Case& c : kMatrix) {
      SCOPED_TRACE(kRoles[r] + " / " + c.action +
                   (c.who == Own      ? " (own)"
                    : c.who == Others ? " (others')"
                                      : ""));
      auto [status, happened] = attempt(client, c, me);
      if (c.allowed[r]) {
        EXPECT_TRUE(status == 200 || status == 303) << status;
        EXPECT_TRUE(happened);
      } else {
        // Refused; someone else's media item is not even shown to exist (issue 18, finding 5).
        EXPECT_EQ(status, c.action == "change media" && c.who == Others ? 404 : 403);
        EXPECT_FALSE(happened);
      }
    }
  }
}

TEST_F(Roles, SignedOutRequestsChangeNothing) {
  AdminClient anonymous(server_->port());
  std::string id = article("draft", other_id_);
  auto r = anonymous.post("/admin/articles/" + id, {{"action", "publish"}, {"_csrf", "x"}}, false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(status_of(id), "draft");
  EXPECT_EQ(anonymous.get("/admin/users").status, 303);
}

}  // namespace
