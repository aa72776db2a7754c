// RSS and Atom feeds read by a real feed parser (Debian's python3-feedparser, run as
// /usr/bin/python3): every listing's feed in both formats, with what RFC 4287 asks of
// Atom and nothing private in either.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "content/urls.h"
#include "store/open.h"
#include "support/admin_client.h"
#include "support/clock.h"
#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"
#include "support/tool.h"

using namespace khabar::test;

namespace {

constexpr const char* kArticleSlug = "kabul-opens-three-new-public-libraries-before-winter";

// What feedparser makes of a feed: its version, bozo flag, feed and entry fields.
constexpr const char* kReader = R"PY(
import feedparser, json, sys
d = feedparser.parse(open(sys.argv[1], "rb").read())
def entry(e):
    return {
        "title": e.get("title", ""), "link": e.get("link", ""), "id": e.get("id", ""),
        "published": e.get("published_parsed") is not None,
        "updated": e.get("updated_parsed") is not None,
        "authors": [a.get("name", "") for a in e.get("authors", [])],
        "tags": [t.get("term", "") for t in e.get("tags", [])],
        "summary": e.get("summary", ""),
        "content": [c.get("value", "") for c in e.get("content", [])],
        "language": (e.get("content") or [{}])[0].get("language") or "",
    }
print(json.dumps({
    "bozo": int(d.bozo), "version": d.version, "title": d.feed.get("title", ""),
    "updated": d.feed.get("updated_parsed") is not None,
    "links": [l.get("rel", "") + " " + l.get("href", "") for l in d.feed.get("links", [])],
    "entries": [entry(e) for e in d.entries],
}))
)PY";

class FeedFormats : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
    server_ = std::make_unique<ServerProcess>(data_);
    std::ofstream(dir_.path() / "read_feed.py") << kReader;
    auto store = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
    site_url_ = store->snapshot()->setting("url").value_or("");
  }

  // The feed at `path` as feedparser reads it (the raw body in `body`).
  nlohmann::json parsed(const std::string& path, std::string* body = nullptr) {
    auto r = http_get(server_->port(), path);
    EXPECT_EQ(r.status, 200) << path;
    if (body) *body = r.body;
    auto file = dir_.path() / "feed.xml";
    std::ofstream(file, std::ios::binary) << r.body;
    std::string command =
        "/usr/bin/python3 " + (dir_.path() / "read_feed.py").string() + " " + file.string();
    auto run = run_tool(command);
    EXPECT_EQ(run.status, 0) << command;
    std::string out = run.output;
    return nlohmann::json::parse(out);
  }

  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
  std::string site_url_;
};

}  // namespace

TEST_F(FeedFormats, AtomBesideEveryRssFeedReadByARealParser) {
  auto store = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
  auto article = store->snapshot()->published_by_slug(kArticleSlug);
  ASSERT_TRUE(article && !article->authors.empty());
  std::string author = "/author/" + article->authors[0].slug + "/";
  for (std::string listing : {std::string("/"), std::string("/category/world/asia/"),
                              std::string("/tag/kabul/"), author}) {
    SCOPED_TRACE(listing);
    std::string rss_body, atom_body;
    auto rss = parsed(listing + "feed/", &rss_body);
    EXPECT_EQ(rss["bozo"], 0);
    EXPECT_EQ(rss["version"], "rss20");
    auto atom = parsed(listing + "feed/atom/", &atom_body);
    EXPECT_EQ(atom["bozo"], 0);
    EXPECT_EQ(atom["version"], "atom10");
    EXPECT_EQ(atom["title"], rss["title"]);
    EXPECT_TRUE(atom["updated"]);
    EXPECT_NE(std::find(atom["links"].begin(), atom["links"].end(),
                        "self " + site_url_ + listing + "feed/atom/"),
              atom["links"].end());
    EXPECT_NE(
        std::find(atom["links"].begin(), atom["links"].end(), "alternate " + site_url_ + listing),
        atom["links"].end());
    ASSERT_FALSE(atom["entries"].empty());
    EXPECT_EQ(atom["entries"].size(), rss["entries"].size()) << "the same articles";
    for (const auto& e : atom["entries"]) {
      SCOPED_TRACE(e["link"].get<std::string>());
      EXPECT_TRUE(e["id"].get<std::string>().starts_with("tag:news.example,"))
          << e["id"] << ": a tag URI on the site's host (" << site_url_ << ")";
      EXPECT_TRUE(e["link"].get<std::string>().starts_with(site_url_ + "/"));
      EXPECT_TRUE(e["published"]);
      EXPECT_TRUE(e["updated"]);
      EXPECT_FALSE(e["title"].get<std::string>().empty());
      EXPECT_FALSE(e["summary"].get<std::string>().empty());
      ASSERT_EQ(e["content"].size(), 1u);
      EXPECT_NE(e["content"][0].get<std::string>().find("<p>"), std::string::npos)
          << "the full text, as HTML";
      EXPECT_FALSE(e["language"].get<std::string>().empty());
    }
    // Nothing private: no email, no login.
    for (const std::string* body : {&rss_body, &atom_body}) {
      EXPECT_EQ(body->find("@newsroom.example"), std::string::npos);
      EXPECT_EQ(body->find("@example"), std::string::npos);
    }
  }
  // The article's entry: its bylines, its category and tags, its stable id.
  auto home = parsed("/feed/atom/");
  bool seen = false;
  for (const auto& e : home["entries"]) {
    if (e["link"] != site_url_ + "/" + kArticleSlug + "/") continue;
    seen = true;
    EXPECT_EQ(e["authors"][0], article->authors[0].display_name);
    EXPECT_EQ(e["id"].get<std::string>().substr(e["id"].get<std::string>().rfind(':') + 1),
              "article-" + std::to_string(article->id));
    std::vector<std::string> tags = e["tags"];
    for (const auto& t : article->tags)
      EXPECT_NE(std::find(tags.begin(), tags.end(), t.name), tags.end()) << t.name;
  }
  EXPECT_TRUE(seen);
}

TEST_F(FeedFormats, EveryPageLinksBothFeeds) {
  Html home(http_get(server_->port(), "/").body);
  EXPECT_TRUE(home.first("link", "type", "application/rss+xml"));
  auto* atom = home.first("link", "type", "application/atom+xml");
  ASSERT_TRUE(atom);
  EXPECT_EQ(Html::attr(atom, "href"), "/feed/atom/");
  Html category(http_get(server_->port(), "/category/world/asia/").body);
  auto* listing_atom = category.first("link", "type", "application/atom+xml");
  ASSERT_TRUE(listing_atom);
  EXPECT_EQ(Html::attr(listing_atom, "href"), "/category/world/asia/feed/atom/");
  EXPECT_EQ(http_get(server_->port(), "/category/world/asia/feed/atom/").header("content-type"),
            "application/atom+xml; charset=utf-8");
  EXPECT_EQ(http_get(server_->port(), "/category/nowhere/feed/atom/").status, 404);
}

// The feed addresses of WordPress that old subscribers still poll lead to ours.
TEST_F(FeedFormats, WordPressFeedAddressesLeadToOurs) {
  for (auto [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"/?feed=rss2", "/feed/"},
                                                        {"/?feed=rss", "/feed/"},
                                                        {"/?feed=rdf", "/feed/"},
                                                        {"/?feed=atom", "/feed/atom/"},
                                                        {"/feed/rss2/", "/feed/"},
                                                        {"/feed/rdf/", "/feed/"},
                                                        {"/feed/rss2", "/feed/"}}) {
    auto r = http_get(server_->port(), from);
    EXPECT_EQ(r.status, 301) << from;
    EXPECT_EQ(r.header("location"), to) << from;
    EXPECT_EQ(http_get(server_->port(), to).status, 200) << to;
  }
  EXPECT_EQ(http_get(server_->port(), "/?feed=nonsense").status, 200) << "the home page";
}

// Issues 13 and 17: a correction note is dated and shown under the text, marks the article
// updated (the page, NewsArticle's dateModified and correction, Atom's updated), reaches
// both feeds, stays in the revisions, and is only for a published article.
TEST_F(FeedFormats, ACorrectionNoteReachesThePageItsDataTheFeedsAndTheRevisions) {
  auto store = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
  auto article = store->snapshot()->published_by_slug(kArticleSlug);
  ASSERT_TRUE(article);
  ASSERT_LT(article->published_at, unix_now() - 3600) << "a story published earlier";
  std::string url = khabar::content::article_url(kArticleSlug);
  auto before = http_get(server_->port(), url);  // now cached
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("class=\"correction\""), std::string::npos);
  EXPECT_EQ(before.body.find("Updated <time"), std::string::npos);

  AdminClient editor = signed_in_user(server_->port(), data_, "desk-editor", "editor");
  std::string edit = "/admin/articles/" + std::to_string(article->id) + "/edit";
  auto form = editor.get(edit);
  ASSERT_EQ(form.status, 200);
  Fields fields = form_fields(form.body, edit);
  const std::string note =
      "An earlier version said the libraries open in March; they open in "
      "November. <b>not bold</b>";
  set_field(fields, "correction", note);
  auto saved = editor.post(edit, fields, false);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_NE(saved.header("location").find("done=corrected"), std::string::npos);
  auto noted = store->snapshot()->published_by_slug(kArticleSlug);
  ASSERT_EQ(noted->corrections.size(), 1u);
  EXPECT_EQ(noted->corrections[0].text, note);
  EXPECT_GE(noted->corrections[0].noted_at, unix_now() - 60);
  EXPECT_GE(noted->updated_at, noted->corrections[0].noted_at);
  EXPECT_EQ(noted->body_markdown, article->body_markdown) << "the text is as it was";

  // The page (no longer the cached one): "Correction:", its date and time, escaped text,
  // "Updated", and the NewsArticle's dateModified and correction.
  auto page = http_get(server_->port(), url);
  ASSERT_EQ(page.status, 200);
  Html html(page.body);
  auto* aside = html.first("aside", "class", "corrections");
  ASSERT_TRUE(aside) << "shown under the text";
  EXPECT_NE(page.body.find("&lt;b&gt;not bold&lt;/b&gt;"), std::string::npos) << "plain text";
  std::string shown = Html::text(aside);
  EXPECT_TRUE(shown.starts_with("Correction: ")) << shown;
  EXPECT_NE(shown.find("they open in November."), std::string::npos) << shown;
  auto times = Html::descendants(aside, "time");
  ASSERT_EQ(times.size(), 1u);
  std::string noted_iso = Html::attr(times[0], "datetime");
  EXPECT_FALSE(noted_iso.empty());
  EXPECT_NE(Html::text(times[0]).find(":"), std::string::npos) << "date and time";
  EXPECT_LT(page.body.find("class=\"story-body\""), page.body.find("class=\"corrections\""));
  EXPECT_NE(page.body.find("Updated <time"), std::string::npos);
  bool data = false;
  for (auto* script : html.all("script", "type", "application/ld+json")) {
    auto ld = nlohmann::json::parse(Html::text(script));
    if (ld["@type"] != "NewsArticle") continue;
    data = true;
    EXPECT_GE(ld["dateModified"].get<std::string>(), noted_iso);
    ASSERT_EQ(ld["correction"].size(), 1u);
    EXPECT_EQ(ld["correction"][0]["@type"], "CorrectionComment");
    EXPECT_EQ(ld["correction"][0]["text"], note);
    EXPECT_EQ(ld["correction"][0]["datePublished"], noted_iso);
  }
  EXPECT_TRUE(data);

  // Both feeds carry it, still well-formed; Atom's entry is updated later than published.
  std::string atom_body;
  auto atom = parsed("/feed/atom/", &atom_body);
  EXPECT_EQ(atom["bozo"], 0);
  bool in_atom = false;
  for (const auto& e : atom["entries"]) {
    if (e["link"] != site_url_ + url) continue;
    in_atom = true;
    std::string content = e["content"][0];
    EXPECT_NE(content.find("Correction:"), std::string::npos);
    EXPECT_NE(content.find("they open in November."), std::string::npos);
  }
  EXPECT_TRUE(in_atom);
  auto entry = atom_body.find("article-" + std::to_string(article->id) + "</id>");
  ASSERT_NE(entry, std::string::npos);
  auto published = atom_body.substr(atom_body.find("<published>", entry) + 11, 25);
  auto updated = atom_body.substr(atom_body.find("<updated>", entry) + 9, 25);
  EXPECT_GT(updated, published);
  auto rss = parsed("/feed/");
  EXPECT_EQ(rss["bozo"], 0);
  bool in_rss = false;
  for (const auto& e : rss["entries"])
    if (e["link"] == site_url_ + url) {
      in_rss = true;
      EXPECT_NE(e["summary"].get<std::string>().find("Correction: "), std::string::npos);
      EXPECT_NE(e["summary"].get<std::string>().find("they open in November."), std::string::npos);
    }
  EXPECT_TRUE(in_rss);

  // The editor lists it; the revisions show the save it came with.
  form = editor.get(edit);
  EXPECT_NE(form.body.find("class=\"correction-made\""), std::string::npos);
  EXPECT_EQ(field(form_fields(form.body, edit), "correction"), "") << "a new note each time";
  auto revisions = editor.get("/admin/articles/" + std::to_string(article->id) + "/revisions");
  EXPECT_NE(revisions.body.find("Correction note added:</strong> An earlier version said"),
            std::string::npos);

  // Not for an article readers have not seen: refused, nothing stored.
  auto draft_id = store->snapshot()->published_by_slug(kArticleSlug)->id;
  EXPECT_EQ(
      editor.post("/admin/articles/" + std::to_string(draft_id), {{"action", "unpublish"}}).status,
      303);
  form = editor.get(edit);
  EXPECT_EQ(form.body.find("name=\"correction\""), std::string::npos);
  fields = form_fields(form.body, edit);
  set_field(fields, "correction", "A second note.");
  auto refused = editor.post(edit, fields, false);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("A correction note is for a published article."), std::string::npos);
  EXPECT_NE(refused.body.find("A second note."), std::string::npos) << "kept in the form";
  EXPECT_EQ(store->snapshot()->article_for_edit(article->id)->corrections.size(), 1u);
}

// Issue 17: comment feeds, the site's and an article's, read by feedparser: the newest
// approved comments, each linking to itself on its article, with names and text and never
// an email; a new comment reaches both at once (the cached feeds are dropped).
TEST_F(FeedFormats, CommentFeedsOfTheSiteAndOfAnArticleCarryNoEmail) {
  auto store = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
  auto article = store->snapshot()->published_by_slug(kArticleSlug);
  ASSERT_TRUE(article);
  std::string article_url = site_url_ + khabar::content::article_url(kArticleSlug);
  std::size_t approved = 0;
  for (const auto& c : store->snapshot()->approved_comments(article->id))
    approved += c.status == khabar::content::CommentStatus::Approved;
  ASSERT_GT(approved, 0u);
  std::string site_body, one_body;
  auto site = parsed("/comments/feed/", &site_body);
  EXPECT_EQ(site["bozo"], 0);
  EXPECT_EQ(site["version"], "rss20");
  ASSERT_FALSE(site["entries"].empty());
  auto one = parsed(khabar::content::article_url(kArticleSlug) + "feed/", &one_body);
  EXPECT_EQ(one["bozo"], 0);
  EXPECT_EQ(one["entries"].size(), approved);
  for (const auto& e : one["entries"]) {
    EXPECT_TRUE(e["link"].get<std::string>().starts_with(article_url + "#comment-")) << e["link"];
    EXPECT_EQ(e["authors"].size(), 1u);
    EXPECT_TRUE(e["published"]);
    EXPECT_NE(e["title"].get<std::string>().find(article->title), std::string::npos);
  }
  for (const std::string* body : {&site_body, &one_body}) {
    EXPECT_EQ(body->find("@"), std::string::npos) << "an email in a comment feed";
    EXPECT_EQ(body->find("198.51.100."), std::string::npos);
  }
  // A comment approved now: first in both.
  {
    auto tx = store->begin();
    khabar::store::NewComment c;
    c.article_id = article->id;
    c.author_name = "Freshta";
    c.author_email = "freshta@private.example";
    c.body = "The library in Khair Khana opened today.";
    c.status = khabar::content::CommentStatus::Approved;
    c.created_at = unix_now();
    tx->add_comment(c).or_throw();
    tx->commit().or_throw();
  }
  site = parsed("/comments/feed/", &site_body);
  ASSERT_FALSE(site["entries"].empty());
  EXPECT_EQ(site["entries"][0]["authors"][0], "Freshta");
  EXPECT_EQ(site["entries"][0]["summary"], "The library in Khair Khana opened today.");
  one = parsed(khabar::content::article_url(kArticleSlug) + "feed/", &one_body);
  EXPECT_EQ(one["entries"].size(), approved + 1);
  EXPECT_EQ(one["entries"][0]["authors"][0], "Freshta");
  EXPECT_EQ(site_body.find("private.example"), std::string::npos);
  // WordPress's address of the site's comment feed; no feed for what is not an article.
  auto old = http_get(server_->port(), "/?feed=comments-rss2");
  EXPECT_EQ(old.status, 301);
  EXPECT_EQ(old.header("location"), "/comments/feed/");
  EXPECT_EQ(http_get(server_->port(), "/no-such-story/feed/").status, 404);
}
