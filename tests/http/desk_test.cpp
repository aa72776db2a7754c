// The desk on a real server: scheduling in the site's time zone, deleting for good only
// from the trash, list filters and bulk moves, extra categories, tags, the menu, and
// reader pages showing dates in the site's time zone.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <regex>

#include "content/clock.h"
#include "store/open.h"
#include "support/admin_client.h"
#include "support/clock.h"
#include "support/demo_site.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

// A Unix time as a datetime-local value at `offset` seconds east of UTC.
std::string local_value(std::int64_t t, int offset) {
  std::time_t shifted = static_cast<std::time_t>(t + offset);
  std::tm tm{};
  gmtime_r(&shifted, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M", &tm);
  return buf;
}

constexpr int kKabul = 16200;  // the site's zone, Asia/Kabul: +04:30, no daylight saving

class Desk : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
    write([](khabar::store::Transaction& tx) { tx.set_setting("timezone", "Asia/Kabul"); });
    server_ = std::make_unique<ServerProcess>(data_);
    editor_ = std::make_unique<AdminClient>(signed_in("desk-editor", "editor"));
  }
  AdminClient signed_in(const std::string& login, const std::string& role) {
    return signed_in_user(server_->port(), data_, login, role);
  }
  std::string create(AdminClient& c, const Fields& fields) { return create_article(c, fields); }
  static Fields article(const std::string& title, Fields more = {}) {
    Fields f = {{"title", title},
                {"body", "Text of " + title + ".\n\nSecond paragraph."},
                {"language", "en"},
                {"version", "0"}};
    for (auto& [k, v] : more) {
      auto same =
          std::find_if(f.begin(), f.end(), [&](const auto& field) { return field.first == k; });
      if (same != f.end() && k != "extra_category")
        same->second = v;
      else
        f.emplace_back(k, v);
    }
    return f;
  }
  std::string category(const std::string& slug) {
    for (const auto& c : db().snapshot()->categories())
      if (c.slug == slug) return std::to_string(c.id);
    return "";
  }
  // The server's store, opened beside it (the same file, another process): what the
  // tests read and the few things they set up. Its clock is `clock_` (the wall's unless a
  // test sets it), so a test moves time by moving that, not by writing SQL.
  khabar::store::Store& db() {
    if (!db_)
      db_ =
          khabar::store::open_store({.location = (data_ / "khabar.db").string(), .clock = &clock_});
    return *db_;
  }
  void write(const std::function<void(khabar::store::Transaction&)>& work) {
    auto tx = db().begin();
    work(*tx);
    tx->commit().or_throw();
  }
  khabar::store::DeskArticle desk(const std::string& id) {
    auto a = db().snapshot()->desk_article(std::stoll(id));
    if (!a) throw std::runtime_error("no article " + id);
    return *a;
  }
  bool exists(const std::string& id) {
    return db().snapshot()->desk_article(std::stoll(id)).has_value();
  }
  int port() const { return server_->port(); }
  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<AdminClient> editor_;
  khabar::content::ManualClock clock_{unix_now()};
  std::unique_ptr<khabar::store::Store> db_;
};

TEST_F(Desk, SchedulesAtATimeInTheSiteTimeZone) {
  std::int64_t at = (unix_now() / 60 + 90) * 60;  // a whole minute, an hour and a half ahead
  std::string id =
      create(*editor_, article("Budget vote tomorrow",
                               {{"move", "schedule"}, {"publish_at", local_value(at, kKabul)}}));
  EXPECT_EQ(desk(id).status, khabar::content::Status::Scheduled);
  EXPECT_EQ(desk(id).published_at, at);
  // The form and the list show the time in Kabul; the text keeps its paragraphs (a
  // textarea's content must not have its line breaks escaped into spaces).
  auto form = editor_->get("/admin/articles/" + id + "/edit");
  EXPECT_NE(form.body.find(">\nText of Budget vote tomorrow.\n\nSecond paragraph.</textarea>"),
            std::string::npos);
  EXPECT_EQ(input_value(form.body, "publish_at"), local_value(at, kKabul));
  EXPECT_NE(form.body.find("+04:30"), std::string::npos);
  EXPECT_NE(editor_->get("/admin/articles?status=scheduled")
                .body.find(local_value(at, kKabul).replace(10, 1, " ")),
            std::string::npos);
  // Not on the site yet.
  EXPECT_EQ(http_get(port(), "/budget-vote-tomorrow/").status, 404);
  // Saving a correction with the same time keeps the schedule as it is.
  EXPECT_EQ(editor_
                ->post("/admin/articles/" + id + "/edit",
                       article("Budget vote tomorrow",
                               {{"version", "1"}, {"publish_at", local_value(at, kKabul)}}))
                .status,
            303);
  EXPECT_EQ(desk(id).status, khabar::content::Status::Scheduled);
  EXPECT_EQ(desk(id).published_at, at);
  EXPECT_EQ(db().snapshot()->article_for_edit(std::stoll(id))->version, 2);
  // Moved: saving with another time reschedules; a time in the past is refused, nothing changes.
  std::int64_t later = at + 3600;
  auto moved =
      editor_->post("/admin/articles/" + id + "/edit",
                    article("Budget vote tomorrow",
                            {{"version", "2"}, {"publish_at", local_value(later, kKabul)}}));
  EXPECT_EQ(moved.status, 303);
  EXPECT_EQ(desk(id).published_at, later);
  auto past = editor_->post(
      "/admin/articles/" + id + "/edit",
      article("Budget vote tomorrow", {{"version", "3"},
                                       {"move", "schedule"},
                                       {"publish_at", local_value(unix_now() - 600, kKabul)}}));
  EXPECT_EQ(past.status, 422);
  EXPECT_NE(past.body.find("has passed"), std::string::npos);
  EXPECT_EQ(desk(id).published_at, later);
  auto garbage =
      editor_->post("/admin/articles/" + id + "/edit",
                    article("Budget vote tomorrow",
                            {{"version", "3"}, {"move", "schedule"}, {"publish_at", "tomorrow"}}));
  EXPECT_EQ(garbage.status, 422);
  EXPECT_NE(garbage.body.find("Asia/Kabul time"), std::string::npos);
  // Publish now instead: the scheduled time gives way to now.
  EXPECT_EQ(editor_
                ->post("/admin/articles/" + id + "/edit",
                       article("Budget vote tomorrow", {{"version", "3"}, {"move", "publish"}}))
                .status,
            303);
  EXPECT_LE(desk(id).published_at, unix_now());
  EXPECT_EQ(http_get(port(), "/budget-vote-tomorrow/").status, 200);

  // A contributor has no schedule button and cannot schedule by posting one.
  AdminClient contributor = signed_in("stringer", "contributor");
  EXPECT_EQ(contributor.get("/admin/articles/new").body.find("value=\"schedule\""),
            std::string::npos);
  auto refused = contributor.post(
      "/admin/articles/new",
      article("Sneaky schedule", {{"move", "schedule"}, {"publish_at", local_value(at, kKabul)}}));
  EXPECT_EQ(refused.status, 403);
  khabar::store::DeskFilter sneaky;
  sneaky.search = "Sneaky schedule";
  EXPECT_TRUE(db().snapshot()->desk_articles(sneaky).empty());
  // It submits instead.
  std::string mine = create(contributor, article("Stringer's report", {{"move", "submit"}}));
  EXPECT_EQ(desk(mine).status, khabar::content::Status::Pending);
}

// "Publish" means now, from whichever screen: a story scheduled for tomorrow and published
// early from the list comes out now (it used to keep tomorrow's date: a published story
// dated in the future), as from the editor; a published story keeps its date when moved
// and published again.
TEST_F(Desk, PublishingFromTheListOrTheEditorStampsNow) {
  std::int64_t tomorrow = unix_now() + 86400;
  std::string listed = create(
      *editor_, article("Early from the list",
                        {{"move", "schedule"}, {"publish_at", local_value(tomorrow, kKabul)}}));
  std::string edited = create(
      *editor_, article("Early from the editor",
                        {{"move", "schedule"}, {"publish_at", local_value(tomorrow, kKabul)}}));
  std::int64_t before = unix_now();
  ASSERT_EQ(editor_->post("/admin/articles/" + listed, {{"action", "publish"}}).status, 303);
  ASSERT_EQ(editor_
                ->post("/admin/articles/" + edited + "/edit",
                       article("Early from the editor", {{"version", "1"}, {"move", "publish"}}))
                .status,
            303);
  for (const std::string& id : {listed, edited}) {
    ASSERT_EQ(desk(id).status, khabar::content::Status::Published) << id;
    std::int64_t at = desk(id).published_at;
    EXPECT_GE(at, before) << id;
    EXPECT_LE(at, unix_now()) << id << ": published with a date in the future";
  }
  // Unpublished for a correction and published again from the list: a draft again, so
  // it is new news now, the same as the editor would do.
  ASSERT_EQ(editor_->post("/admin/articles/" + listed, {{"action", "unpublish"}}).status, 303);
  write([&](khabar::store::Transaction& tx) {  // it had been published long ago
    auto a = db().snapshot()->article_for_edit(std::stoll(listed))->fields;
    a.published_at = 1000;
    ASSERT_TRUE(tx.update_article(std::stoll(listed), a));
  });
  ASSERT_EQ(editor_->post("/admin/articles/" + listed, {{"action", "publish"}}).status, 303);
  EXPECT_GE(desk(listed).published_at, before);
}

TEST_F(Desk, ReaderPagesShowDatesInTheSiteTimeZone) {
  // 2026-11-27 22:00 UTC is 2026-11-28 02:30 in Kabul. (Not requested before: no cached copy.)
  clock_.set(1795816800);  // the store stamps the change (updated_at) with it
  write([&](khabar::store::Transaction& tx) {
    auto id = *tx.article_id_by_slug("kabul-opens-three-new-public-libraries-before-winter");
    auto a = db().snapshot()->article_for_edit(id)->fields;
    a.published_at = 1795816800;
    ASSERT_TRUE(tx.update_article(id, a));
  });
  auto page = http_get(port(), "/kabul-opens-three-new-public-libraries-before-winter/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<time datetime=\"2026-11-28T02:30:00+04:30\">28 November 2026</time>"),
            std::string::npos)
      << page.body.substr(page.body.find("dateline") - 20, 400);
  EXPECT_NE(page.body.find("\"datePublished\":\"2026-11-28T02:30:00+04:30\""), std::string::npos);
}

TEST_F(Desk, DeletesForGoodOnlyFromTheTrash) {
  AdminClient author = signed_in("trash-author", "author");
  std::string id = create(author, article("Short-lived draft"));
  write([&](khabar::store::Transaction& tx) {
    tx.add_comment(
          {std::stoll(id), 0, "A", "", "", "b", khabar::content::CommentStatus::Pending, 1, ""})
        .or_throw();
  });
  auto early = author.post("/admin/articles/" + id, {{"action", "delete"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(exists(id));
  ASSERT_EQ(author.post("/admin/articles/" + id, {{"action", "trash"}}).status, 303);
  EXPECT_NE(author.get("/admin/articles?status=trash").body.find("delete for good"),
            std::string::npos);
  // Someone else's trash is not an author's to empty.
  std::string theirs = create(*editor_, article("Editor's draft"));
  ASSERT_EQ(editor_->post("/admin/articles/" + theirs, {{"action", "trash"}}).status, 303);
  EXPECT_EQ(author.post("/admin/articles/" + theirs, {{"action", "delete"}}).status, 403);
  ASSERT_EQ(author.post("/admin/articles/" + id, {{"action", "delete"}}).status, 303);
  EXPECT_FALSE(exists(id));
  EXPECT_TRUE(db().snapshot()->revisions(std::stoll(id)).empty());
  EXPECT_EQ(db().snapshot()->count_comments(khabar::content::CommentStatus::Pending),
            0);  // its comment too
  EXPECT_TRUE(exists(theirs));
}

TEST_F(Desk, ListFiltersAndBulkMoves) {
  std::string health = category("health"), sport = category("sport");
  std::string a =
      create(*editor_, article("Cholera cases fall in Kandahar", {{"category", health}}));
  std::string b = create(*editor_, article("Clinic opens in Bamyan",
                                           {{"category", sport}, {"extra_category", health}}));
  std::string c = create(
      *editor_, article("د کرکټ لوبډله بریالۍ شوه", {{"category", sport}, {"language", "ps"}}));
  auto titles = [&](const std::string& query) {
    auto r = editor_->get("/admin/articles" + query);
    EXPECT_EQ(r.status, 200);
    std::string found;
    for (const auto& [id, title] :
         {std::pair{a, "Cholera"}, std::pair{b, "Clinic"}, std::pair{c, "کرکټ"}})
      if (r.body.find("id=\"article-" + id + "\"") != std::string::npos)
        found += std::string(found.empty() ? "" : ",") + title;
    return found;
  };
  // Categories are offered by their names, nested ones with their parents'.
  EXPECT_NE(editor_->get("/admin/articles/new").body.find(">World \u203A Asia</option>"),
            std::string::npos);
  EXPECT_EQ(titles("?q=clinic"), "Clinic");  // title words, any case
  // The reader search's index, over every status (these are drafts): body phrases,
  // prefixes, Pashto.
  EXPECT_EQ(titles("?q=%22second+paragraph%22+cholera"), "Cholera");
  EXPECT_EQ(titles("?q=%22second+paragraph%22").size(), std::string("Cholera,Clinic,کرکټ").size());
  EXPECT_EQ(titles("?q=kandah*"), "Cholera");
  EXPECT_EQ(titles("?q=%DA%A9%D8%B1%DA%A9%D9%BC"), "کرکټ");
  EXPECT_EQ(titles("?category=" + health), "Cholera,Clinic");  // primary or extra
  EXPECT_EQ(titles("?language=ps"), "کرکټ");
  std::string writer = std::to_string(db().accounts().account_by_login("desk-editor")->id);
  EXPECT_EQ(titles("?author=" + writer + "&category=" + sport), "Clinic,کرکټ");
  EXPECT_EQ(titles("?q=nothing-like-this"), "");

  // Bulk: publish two at once; an author's bulk move on others' articles is refused row by row.
  auto bulk = editor_->post(
      "/admin/articles/bulk",
      {{"action", "publish"}, {"ids", a}, {"ids", b}, {"return", "/admin/articles?q=c"}});
  EXPECT_EQ(bulk.status, 303);
  EXPECT_EQ(bulk.header("location"), "/admin/articles?q=c&done=publish%202");
  EXPECT_EQ(desk(a).status, khabar::content::Status::Published);
  EXPECT_EQ(desk(b).status, khabar::content::Status::Published);
  AdminClient author = signed_in("bulk-author", "author");
  auto refused = author.post("/admin/articles/bulk", {{"action", "trash"}, {"ids", a}, {"ids", c}});
  EXPECT_EQ(refused.status, 303);
  EXPECT_NE(refused.header("location").find("refused%202"), std::string::npos);
  EXPECT_NE(desk(a).status, khabar::content::Status::Trash);
  EXPECT_NE(desk(c).status, khabar::content::Status::Trash);

  // The extra category lists it on the reader site; taking it off removes it.
  EXPECT_NE(http_get(port(), "/category/health/").body.find("Clinic opens in Bamyan"),
            std::string::npos);
  EXPECT_NE(http_get(port(), "/category/sport/").body.find("Clinic opens in Bamyan"),
            std::string::npos);
  ASSERT_EQ(editor_
                ->post("/admin/articles/" + b + "/edit",
                       article("Clinic opens in Bamyan", {{"category", sport}, {"version", "1"}}))
                .status,
            303);
  EXPECT_EQ(http_get(port(), "/category/health/").body.find("Clinic opens in Bamyan"),
            std::string::npos);
}

TEST_F(Desk, TagsAreRenamedResluggedAndDeleted) {
  std::string id = create(
      *editor_, article("Kabul water plan", {{"tags", "Water, Kabul"}, {"move", "publish"}}));
  std::string water = std::to_string(db().snapshot()->tag_by_slug("water")->id);
  // 50 tags a page: the demo's many tags put Water past the first; the search finds it.
  EXPECT_NE(editor_->get("/admin/tags?q=WATER").body.find("id=\"tag-" + water + "\""),
            std::string::npos);
  ASSERT_EQ(editor_
                ->post("/admin/tags/" + water,
                       {{"action", "save"}, {"name", "Drinking water"}, {"slug", "drinking-water"}})
                .status,
            303);
  auto old = http_get(port(), "/tag/water/");
  EXPECT_EQ(old.status, 301);
  EXPECT_EQ(old.header("location"), "/tag/drinking-water/");
  EXPECT_EQ(http_get(port(), "/tag/drinking-water/").status, 200);
  EXPECT_NE(http_get(port(), "/kabul-water-plan/").body.find("Drinking water"), std::string::npos);
  // A slug another tag has is refused.
  EXPECT_EQ(
      editor_
          ->post("/admin/tags/" + water, {{"action", "save"}, {"name", "Kabul"}, {"slug", "kabul"}})
          .status,
      422);
  ASSERT_EQ(editor_->post("/admin/tags/" + water, {{"action", "delete"}}).status, 303);
  EXPECT_EQ(http_get(port(), "/tag/drinking-water/").status, 404);
  EXPECT_EQ(http_get(port(), "/kabul-water-plan/").body.find("Drinking water"), std::string::npos);
  EXPECT_TRUE(db().snapshot()->published_articles({.tag_id = std::stoll(water)}, 10, 0).empty());
  for (const auto& t : db().snapshot()->desk_tags()) EXPECT_NE(t.tag.id, std::stoll(water));
  AdminClient author = signed_in("tag-author", "author");
  EXPECT_EQ(author.post("/admin/tags", {{"name", "Mine"}}).status, 403);
  (void)id;
}

TEST_F(Desk, TheMenuReplacesTheCategoriesInTheHeader) {
  auto nav = [&] {
    auto home = http_get(port(), "/");
    auto start = home.body.find("<nav class=\"site-nav\"");
    return home.body.substr(start, home.body.find("</nav>", start) - start);
  };
  EXPECT_NE(nav().find(">Opinion</a>"), std::string::npos);  // no menu: the top-level categories
  std::string page = create(*editor_, article("About us", {{"kind", "page"}, {"move", "publish"}}));
  auto r = editor_->post("/admin/menu", {{"kind-0", "category"},
                                         {"category-0", category("sport")},
                                         {"position-0", "20"},
                                         {"kind-1", "page"},
                                         {"page-1", page},
                                         {"label-1", "Who we are"},
                                         {"position-1", "10"},
                                         {"kind-2", "link"},
                                         {"label-2", "Pashto edition"},
                                         {"url-2", "https://ps.example.org/"},
                                         {"position-2", "30"},
                                         {"kind-3", "category"},
                                         {"category-3", "0"}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  std::string html = nav();
  auto who = html.find(">Who we are</a>"), sport = html.find(">Sport</a>"),
       pashto = html.find(">Pashto edition</a>");
  ASSERT_NE(who, std::string::npos) << html;
  ASSERT_NE(sport, std::string::npos) << html;
  ASSERT_NE(pashto, std::string::npos) << html;
  EXPECT_LT(who, sport);
  EXPECT_LT(sport, pashto);
  EXPECT_EQ(html.find(">Opinion</a>"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://ps.example.org/\""), std::string::npos);
  // A javascript: link is refused; the menu stays as it was.
  auto bad = editor_->post(
      "/admin/menu", {{"kind-0", "link"}, {"label-0", "Click"}, {"url-0", "javascript:alert(1)"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(db().snapshot()->menu().size(), 3u);
  // Removing every entry brings the categories back.
  ASSERT_EQ(
      editor_
          ->post("/admin/menu",
                 {{"kind-0", "category"}, {"category-0", category("sport")}, {"remove-0", "on"}})
          .status,
      303);
  EXPECT_NE(nav().find(">Opinion</a>"), std::string::npos);
}

}  // namespace
