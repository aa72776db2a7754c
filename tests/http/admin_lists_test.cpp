// Issue 13: an admin that scales. The categories, tags, users, media and comments screens
// show 50 a page, search (comments within their status), and stay under 100 KB of HTML however
// many there are; a category is changed on its own page, whose menus name every category.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "content/urls.h"
#include "store/open.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

constexpr std::size_t kLimit = 100 * 1024;

std::size_t rows(const std::string& html, const std::string& id_prefix) {
  std::size_t n = 0, at = 0;
  while ((at = html.find("<tr id=\"" + id_prefix, at)) != std::string::npos) ++n, ++at;
  return n;
}

std::string pager_text(const std::string& html) {
  return Html::first_text(html, "nav", "class", "pager");
}

class AdminLists : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    data_ = dir_->path() / "site";
    make_demo_site(data_);
    auto db = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    auto tx = db->begin();
    khabar::content::Id parent = 0;
    for (int i = 0; i < 1000; ++i) {
      khabar::store::NewCategory c;
      c.name = "Province " + std::to_string(i);
      c.slug = "province-" + std::to_string(i);
      c.parent_id = i % 10 == 0 ? 0 : parent;
      auto id = tx->add_category(c).or_throw();
      if (i % 10 == 0) parent = id;
    }
    for (int i = 0; i < 20000; ++i)
      tx->add_tag("topic " + std::to_string(i), "topic-" + std::to_string(i)).or_throw();
    for (int i = 0; i < 200; ++i)
      tx->add_user({"writer" + std::to_string(i), "writer" + std::to_string(i) + "@example.org",
                    "Writer " + std::to_string(i), "writer-" + std::to_string(i), "", "author"})
          .or_throw();
    for (int i = 0; i < 300; ++i) {
      khabar::store::NewMedia m;
      m.original = {"2026/11/photo" + std::to_string(i) + ".jpg", "image/jpeg", 1200, 800, 1000};
      m.alt = "Photo " + std::to_string(i);
      m.original_name = "photo" + std::to_string(i) + ".jpg";
      tx->add_media(m).or_throw();
    }
    tx->commit().or_throw();
    auto article =
        db->snapshot()->published_by_slug("kabul-opens-three-new-public-libraries-before-winter");
    for (int i = 0; i < 500; ++i) {
      khabar::store::NewComment c;
      c.article_id = article->id;
      c.author_name = "Reader " + std::to_string(i);
      c.author_email = "reader" + std::to_string(i) + "@example.com";
      c.body = "Comment number " + std::to_string(i);
      c.created_at = now - i;
      ASSERT_TRUE(db->add_reader_comment(c));
    }
    server_ = new ServerProcess(data_);
    admin_ = new AdminClient(signed_in_user(server_->port(), data_, "zarmina", "administrator"));
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
    delete dir_;
  }

  static TempDir* dir_;
  static std::filesystem::path data_;
  static ServerProcess* server_;
  static AdminClient* admin_;
};

TempDir* AdminLists::dir_ = nullptr;
std::filesystem::path AdminLists::data_;
ServerProcess* AdminLists::server_ = nullptr;
AdminClient* AdminLists::admin_ = nullptr;

TEST_F(AdminLists, CategoriesPageSearchAndAreChangedOnTheirOwnPage) {
  auto first = admin_->get("/admin/categories");
  ASSERT_EQ(first.status, 200);
  EXPECT_LT(first.body.size(), kLimit);
  EXPECT_EQ(rows(first.body, "category-"), 50u);
  EXPECT_NE(pager_text(first.body).find("1–50 of 10"), std::string::npos)
      << pager_text(first.body);  // 1,000 and the demo's
  EXPECT_NE(first.body.find("rel=\"next\" href=\"/admin/categories?page=2\""), std::string::npos);
  auto found = admin_->get("/admin/categories?q=province+999");
  EXPECT_EQ(rows(found.body, "category-"), 1u);
  EXPECT_NE(found.body.find("Province 990 › Province 999"), std::string::npos);  // its trail
  std::string id = found.body.substr(found.body.find("<tr id=\"category-") + 17);
  id = id.substr(0, id.find('"'));
  auto own = admin_->get("/admin/categories/" + id);
  ASSERT_EQ(own.status, 200);
  EXPECT_LT(own.body.size(), kLimit);
  EXPECT_NE(own.body.find("value=\"province-999\""), std::string::npos);
  auto renamed = admin_->post("/admin/categories/" + id, {{"action", "save"},
                                                          {"name", "Province Nine"},
                                                          {"slug", "province-999"},
                                                          {"parent", "0"},
                                                          {"position", "0"},
                                                          {"description", ""}});
  EXPECT_EQ(renamed.status, 303);
  EXPECT_NE(admin_->get("/admin/categories?q=nine").body.find("Province Nine"), std::string::npos);
  // A mistake is shown on the category's own page, with what was typed.
  auto wrong = admin_->post("/admin/categories/" + id,
                            {{"action", "save"}, {"name", ""}, {"slug", "x"}, {"parent", "0"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("A category needs a name"), std::string::npos);
  EXPECT_NE(wrong.body.find("action=\"/admin/categories/" + id + "\""), std::string::npos);
}

TEST_F(AdminLists, TwentyThousandTagsFiftyAPage) {
  auto first = admin_->get("/admin/tags");
  ASSERT_EQ(first.status, 200);
  EXPECT_LT(first.body.size(), kLimit);
  EXPECT_EQ(rows(first.body, "tag-"), 50u);
  EXPECT_NE(pager_text(first.body).find("of 20"), std::string::npos) << pager_text(first.body);
  std::string shown = pager_text(first.body);
  std::size_t total = std::stoul(shown.substr(shown.find("of ") + 3));
  ASSERT_GE(total, 20000u);
  std::size_t pages = (total + 49) / 50;
  auto last = admin_->get("/admin/tags?page=" + std::to_string(pages));
  EXPECT_EQ(rows(last.body, "tag-"), total - (pages - 1) * 50);
  EXPECT_EQ(last.body.find("rel=\"next\""), std::string::npos);
  EXPECT_NE(
      last.body.find("rel=\"prev\" href=\"/admin/tags?page=" + std::to_string(pages - 1) + "\""),
      std::string::npos);
  auto found = admin_->get("/admin/tags?q=topic+19999");
  EXPECT_EQ(rows(found.body, "tag-"), 1u);
  EXPECT_NE(pager_text(found.body).find("1–1 of 1"), std::string::npos);
  auto none = admin_->get("/admin/tags?q=nothing-like-this");
  EXPECT_NE(pager_text(none.body).find("Nothing matches"), std::string::npos);
  auto many = admin_->get("/admin/tags?q=topic+1&page=2");  // "topic 1", "topic 10"...
  EXPECT_EQ(rows(many.body, "tag-"), 50u);
  EXPECT_NE(many.body.find("href=\"/admin/tags?q=topic%201&amp;page=3\""), std::string::npos);
}

TEST_F(AdminLists, UsersMediaAndCommentsArePaged) {
  auto users = admin_->get("/admin/users");
  ASSERT_EQ(users.status, 200);
  EXPECT_LT(users.body.size(), kLimit);
  EXPECT_EQ(rows(users.body, "user-"), 50u);
  auto one = admin_->get("/admin/users?q=writer77%40example.org");
  EXPECT_EQ(rows(one.body, "user-"), 1u);
  EXPECT_NE(one.body.find("Writer 77"), std::string::npos);

  auto media = admin_->get("/admin/media");
  ASSERT_EQ(media.status, 200);
  EXPECT_LT(media.body.size(), kLimit);
  EXPECT_NE(media.body.find("rel=\"next\" href=\"/admin/media?page=2\""), std::string::npos);
  auto searched = admin_->get("/admin/media?q=photo299");
  EXPECT_NE(searched.body.find("photo299.jpg"), std::string::npos);
  EXPECT_EQ(searched.body.find("rel=\"next\""), std::string::npos);

  auto comments = admin_->get("/admin/comments?status=pending");
  ASSERT_EQ(comments.status, 200);
  EXPECT_LT(comments.body.size(), kLimit);
  EXPECT_NE(comments.body.find("Comment number 0"), std::string::npos);
  EXPECT_EQ(comments.body.find("Comment number 50<"), std::string::npos);
  // Keyset pages: "Next page" goes on from the last comment shown, "Previous page" back.
  auto link = [](const std::string& body, const std::string& rel) {
    Html html(body);
    auto* a = html.first("a", "rel", rel);
    return a ? Html::attr(a, "href") : std::string();
  };
  EXPECT_EQ(link(comments.body, "prev"), "");
  std::string next = link(comments.body, "next");
  ASSERT_TRUE(next.starts_with("/admin/comments?status=pending&older=")) << next;
  auto second = admin_->get(next);
  EXPECT_NE(second.body.find("Comment number 50<"), std::string::npos);
  EXPECT_NE(second.body.find("Comment number 99<"), std::string::npos);
  EXPECT_EQ(second.body.find("Comment number 49<"), std::string::npos);
  EXPECT_EQ(second.body.find("Comment number 100<"), std::string::npos);
  auto back = admin_->get(link(second.body, "prev"));
  EXPECT_NE(back.body.find("Comment number 0<"), std::string::npos);
  EXPECT_NE(back.body.find("Comment number 49<"), std::string::npos);
  EXPECT_EQ(back.body.find("Comment number 50<"), std::string::npos);
  EXPECT_EQ(link(back.body, "prev"), "") << "the newest page";
  std::string page = comments.body;
  for (int n = 1; n < 10; ++n) page = admin_->get(link(page, "next")).body;
  EXPECT_NE(page.find("Comment number 499<"), std::string::npos);
  EXPECT_EQ(link(page, "next"), "") << "the oldest page";
  // Searched by author, email or text, within the tab, paged the same way.
  auto listed = [](const std::string& body) {
    std::size_t n = 0, at = 0;
    while ((at = body.find("class=\"comment-item\" id=\"comment-", at)) != std::string::npos)
      ++n, ++at;
    return n;
  };
  auto found = admin_->get("/admin/comments?status=pending&q=READER42");
  EXPECT_NE(found.body.find("Comment number 42<"), std::string::npos);
  EXPECT_NE(found.body.find("Comment number 420<"), std::string::npos);
  EXPECT_EQ(found.body.find("Comment number 43<"), std::string::npos);
  EXPECT_EQ(link(found.body, "next"), "");
  auto text = admin_->get("/admin/comments?status=pending&q=number+1");  // 1, 10-19, 100-199
  EXPECT_EQ(listed(text.body), 50u);
  std::string more = link(text.body, "next");
  EXPECT_NE(more.find("&q=number%201&older="), std::string::npos) << more;
  auto text2 = admin_->get(more);
  EXPECT_EQ(listed(text2.body), 50u);
  auto text3 = admin_->get(link(text2.body, "next"));
  EXPECT_EQ(listed(text3.body), 11u);
  EXPECT_EQ(link(text3.body, "next"), "");
  EXPECT_NE(admin_->get("/admin/comments?status=spam&q=number").body.find("Nothing matches"),
            std::string::npos);
  EXPECT_NE(admin_->get("/admin/comments?status=pending&q=100%25").body.find("Nothing matches"),
            std::string::npos)
      << "% is a character, not a pattern";
}

// The article list names each article's bylines and category (with its trail).
TEST_F(AdminLists, TheArticleListShowsAuthorCategoryStatusAndDate) {
  auto list = admin_->get("/admin/articles");
  ASSERT_EQ(list.status, 200);
  Html page(list.body);
  std::vector<std::string> by, category, status, changed;
  for (auto* td : page.all("td", "data-label", "By")) by.push_back(Html::text(td));
  for (auto* td : page.all("td", "data-label", "Category")) category.push_back(Html::text(td));
  for (auto* td : page.all("td", "data-label", "Status")) status.push_back(Html::text(td));
  for (auto* td : page.all("td", "data-label", "Changed")) changed.push_back(Html::text(td));
  ASSERT_FALSE(by.empty());
  EXPECT_EQ(by.size(), category.size());
  EXPECT_EQ(by.size(), status.size());
  EXPECT_EQ(by.size(), changed.size());
  auto has = [](const std::vector<std::string>& v, const std::string& part) {
    return std::any_of(v.begin(), v.end(),
                       [&](const std::string& x) { return x.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(has(by, "Mariam Sadat")) << list.body.substr(0, 3000);
  EXPECT_TRUE(has(category, "›") || has(category, "Afghanistan")) << list.body.substr(0, 3000);
  EXPECT_TRUE(has(status, "published"));
  EXPECT_TRUE(std::all_of(changed.begin(), changed.end(),
                          [](const std::string& x) { return x.size() >= 16; }));  // a date
  // With 1,000 categories the filter is typed, not a menu of them all.
  EXPECT_LT(list.body.size(), kLimit);
  EXPECT_NE(list.body.find("name=\"category_path\""), std::string::npos);
  EXPECT_EQ(list.body.find("id=\"category\" name=\"category\""), std::string::npos);
  std::string one = category.front();
  std::string name = one.substr(one.rfind("› ") == std::string::npos ? 0 : one.rfind("› ") + 4);
  auto filtered =
      admin_->get("/admin/articles?category_path=" + khabar::content::percent_encode(name));
  Html narrowed(filtered.body);
  auto cells = narrowed.all("td", "data-label", "Category");
  ASSERT_FALSE(cells.empty()) << name;
  for (auto* td : cells) EXPECT_NE(Html::text(td).find(name), std::string::npos);
  EXPECT_NE(admin_->get("/admin/articles?category_path=no-such-place").body.find("Nothing here."),
            std::string::npos);
}

}  // namespace
