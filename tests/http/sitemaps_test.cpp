// Issue 17: the sitemaps on a real server, read by a real XML parser (Python's
// xml.etree, run as /usr/bin/python3) and checked against the sitemaps.org protocol and
// Google's image and news extensions (protocol checks written from the specifications:
// the schemas themselves are not in Debian): counts, sizes, lastmod values, the news
// window and cap, languages, nothing private, and exact invalidation.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "content/urls.h"
#include "store/open.h"
#include "support/clock.h"
#include "support/demo_site.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"
#include "support/tool.h"

using namespace khabar::test;
using khabar::content::Status;

namespace {

// What a sitemap holds: its root element and, per <url> or <sitemap>, its loc, lastmod
// (as written and in Unix seconds), every element name below it, its image locs and
// its news fields.
constexpr const char* kReader = R"PY(
import json, sys, xml.etree.ElementTree as ET
from datetime import datetime
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
IMG = "{http://www.google.com/schemas/sitemap-image/1.1}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
root = ET.parse(sys.argv[1]).getroot()
def when(s):
    return int(datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()) if s else 0
entries = []
for e in root:
    news = e.find(NEWS + "news")
    entries.append({
        "tag": e.tag, "loc": e.findtext(SM + "loc") or "",
        "lastmod": e.findtext(SM + "lastmod") or "", "lastmod_unix": when(e.findtext(SM + "lastmod")),
        "elements": sorted({d.tag for d in e.iter()}),
        "images": [i.findtext(IMG + "loc") for i in e.findall(IMG + "image")],
        "news": None if news is None else {
            "name": news.findtext(NEWS + "publication/" + NEWS + "name"),
            "language": news.findtext(NEWS + "publication/" + NEWS + "language"),
            "date": when(news.findtext(NEWS + "publication_date")),
            "title": news.findtext(NEWS + "title")},
    })
print(json.dumps({"root": root.tag, "entries": entries}))
)PY";

constexpr const char* kSitemapNs = "{http://www.sitemaps.org/schemas/sitemap/0.9}";
// W3C Datetime as the protocol takes it, here always to the second with an offset.
const std::regex kW3cTime(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z))");

class Sitemaps : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
    std::ofstream(dir_.path() / "read_sitemap.py") << kReader;
    site_url_ = store()->snapshot()->setting("url").value_or("");
    server_ = std::make_unique<ServerProcess>(data_);
  }

  std::unique_ptr<khabar::store::Store> store() {
    return khabar::store::open_store({.location = (data_ / "khabar.db").string()});
  }
  void write(const std::function<void(khabar::store::Transaction&)>& work) {
    auto s = store();
    auto tx = s->begin();
    work(*tx);
    tx->commit().or_throw();
  }
  khabar::content::Id publish(const std::string& slug, std::int64_t at,
                              const std::string& language = "en") {
    khabar::content::Id id = 0;
    write([&](khabar::store::Transaction& tx) {
      khabar::store::NewArticle a;
      a.slug = slug;
      a.title = "Title of " + slug;
      a.body_markdown = "Text.";
      a.language = language;
      a.status = Status::Published;
      a.published_at = at;
      id = tx.add_article(a).or_throw();
    });
    return id;
  }

  // The sitemap at `path` (a site-relative path or an absolute URL of the site), parsed;
  // the raw body in `body`. Fails the test on a status other than 200 or bad XML.
  nlohmann::json parsed(std::string path, std::string* body = nullptr) {
    if (path.starts_with(site_url_)) path = path.substr(site_url_.size());
    auto r = http_get(server_->port(), path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.header("content-type"), "application/xml; charset=utf-8") << path;
    EXPECT_LE(r.body.size(), 10u << 20) << path;
    if (body) *body = r.body;
    auto file = dir_.path() / "sitemap.xml";
    std::ofstream(file, std::ios::binary) << r.body;
    std::string command =
        "/usr/bin/python3 " + (dir_.path() / "read_sitemap.py").string() + " " + file.string();
    auto run = run_tool(command);
    EXPECT_EQ(run.status, 0) << path << ": not well-formed XML";
    std::string out = run.output;
    return out.empty() ? nlohmann::json::object() : nlohmann::json::parse(out);
  }
  std::string x_cache(const std::string& path) {
    return http_get(server_->port(), path).header("x-cache");
  }

  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
  std::string site_url_;
};

}  // namespace

// The index names every child once with its lastmod; every child is a urlset of at most
// 2,000 URLs under 10 MB, each URL with a W3C lastmod; together the article children list
// every published article once, with its modified time and its library pictures; the
// listing children list the categories, tags and authors with published work (pages that
// answer 200); no tag Google deprecated, no login and no email anywhere.
TEST_F(Sitemaps, TheIndexAndItsChildrenListThePublishedSiteByTheProtocol) {
  // An old story with a library picture, in a month of its own (March 2020).
  khabar::content::Id picture = 0;
  write([&](khabar::store::Transaction& tx) {
    khabar::store::NewMedia m;
    m.original = {"2020/03/ab12cd34.jpg", "image/jpeg", 1600, 900, 1000};
    picture = tx.add_media(m).or_throw();
  });
  khabar::content::Id old = publish("old-story", 1583830000);  // 2020-03-10 08:46 UTC
  {
    auto s = store();
    auto editable = s->snapshot()->article_for_edit(old);
    ASSERT_TRUE(editable);
    auto tx = s->begin();
    khabar::store::NewArticle a = editable->fields;
    a.featured_media_id = picture;
    a.featured_image = "/media/2020/03/ab12cd34.jpg";
    tx->update_article(old, a).or_throw();
    tx->commit().or_throw();
  }

  std::string index_body;
  auto index = parsed("/sitemap.xml", &index_body);
  EXPECT_EQ(index["root"], std::string(kSitemapNs) + "sitemapindex");
  ASSERT_FALSE(index["entries"].empty());
  auto reader = store();  // kept open while its snapshot is read
  auto snap = reader->snapshot();
  std::map<std::string, int> article_urls;  // loc -> times listed
  std::set<std::string> listing_urls, children;
  std::string all_bodies = index_body;
  for (const auto& child : index["entries"]) {
    std::string loc = child["loc"];
    SCOPED_TRACE(loc);
    EXPECT_EQ(child["tag"], std::string(kSitemapNs) + "sitemap");
    EXPECT_TRUE(children.insert(loc).second) << "listed once";
    EXPECT_TRUE(std::regex_match(child["lastmod"].get<std::string>(), kW3cTime))
        << child["lastmod"];
    std::string body;
    auto set = parsed(loc, &body);
    all_bodies += body;
    EXPECT_EQ(set["root"], std::string(kSitemapNs) + "urlset");
    EXPECT_LE(set["entries"].size(), 2000u);
    EXPECT_FALSE(set["entries"].empty());
    bool articles = loc.find("/sitemap-articles-") != std::string::npos;
    for (const auto& url : set["entries"]) {
      std::string u = url["loc"];
      EXPECT_TRUE(u.starts_with(site_url_ + "/")) << u;
      EXPECT_TRUE(std::regex_match(url["lastmod"].get<std::string>(), kW3cTime)) << u;
      for (std::string deprecated :
           {"changefreq", "priority", "caption", "title", "geo_location", "license"})
        for (const auto& element : url["elements"])
          EXPECT_FALSE(element.get<std::string>().ends_with("}" + deprecated)) << u;
      if (articles) {
        ++article_urls[u];
        // The article's own modified time.
        std::string slug = u.substr(site_url_.size() + 1, u.size() - site_url_.size() - 2);
        auto a = snap->published_by_slug(*khabar::content::percent_decode(slug));
        ASSERT_TRUE(a) << u;
        EXPECT_EQ(url["lastmod_unix"], std::max(a->updated_at, a->published_at)) << u;
      } else {
        listing_urls.insert(u);
      }
    }
  }
  // Every published article once; the index's article children name their months.
  EXPECT_EQ(article_urls.size(), static_cast<std::size_t>(snap->count_published_articles({})));
  for (const auto& [loc, times] : article_urls) EXPECT_EQ(times, 1) << loc;
  EXPECT_TRUE(children.count(site_url_ + "/sitemap-articles-2020-03.xml"));
  auto march = parsed("/sitemap-articles-2020-03.xml");
  ASSERT_EQ(march["entries"].size(), 1u);
  EXPECT_EQ(march["entries"][0]["loc"], site_url_ + "/old-story/");
  EXPECT_EQ(march["entries"][0]["images"],
            (nlohmann::json::array({site_url_ + "/media/2020/03/ab12cd34.jpg"})));
  // The listings: the home page, the pages, categories, tags and authors, each answering.
  EXPECT_TRUE(listing_urls.count(site_url_ + "/"));
  EXPECT_TRUE(listing_urls.count(site_url_ + "/author/mariam-sadat/"));
  EXPECT_TRUE(listing_urls.count(site_url_ + "/tag/kabul/"));
  EXPECT_TRUE(listing_urls.count(site_url_ + "/category/world/asia/"));
  for (const auto& u : listing_urls) {
    auto r = http_get(server_->port(), u.substr(site_url_.size()));
    EXPECT_EQ(r.status, 200) << u;
  }
  // Nothing private: no login of the newsroom, no email.
  for (std::string login : {"msadat", "anoori", "slindqvist", "hkarimi", "@"})
    EXPECT_EQ(all_bodies.find(login), std::string::npos) << login;
  // Any other name is not a sitemap.
  for (std::string wrong :
       {"/sitemap-articles-2020-13.xml", "/sitemap-articles-2020-03-1.xml",
        "/sitemap-articles-2020-03-2.xml", "/sitemap-tags-2.xml", "/sitemap-tags-02.xml",
        "/sitemap-nothing.xml", "/sitemap-articles-1999-01.xml", "/sitemap-.xml"})
    EXPECT_EQ(http_get(server_->port(), wrong).status, 404) << wrong;
  auto wp = http_get(server_->port(), "/wp-sitemap.xml");
  EXPECT_EQ(wp.status, 301);
  EXPECT_EQ(wp.header("location"), "/sitemap.xml");
}

// The news sitemap: articles published in the last 48 hours, newest first, at most 1,000,
// with the publication's name (a setting, else the site title), each article's language
// as ISO 639 and its publication time; empty but valid when nothing is recent.
TEST_F(Sitemaps, TheNewsSitemapHasTheLast48HoursInTheirLanguages) {
  std::int64_t now = unix_now();
  // The demo's stories are recent: move them all out of the window first.
  auto demo = store()->snapshot()->published_articles({}, 1000, 0);
  write([&](khabar::store::Transaction& tx) {
    for (const auto& a : demo)
      tx.set_article_status(a.id, Status::Published, now, now - 60 * 86400 - a.id, std::nullopt)
          .or_throw();
  });
  auto empty = parsed("/news-sitemap.xml");
  EXPECT_EQ(empty["root"], std::string(kSitemapNs) + "urlset");
  EXPECT_TRUE(empty["entries"].empty());

  publish("pashto-now", now - 3600, "ps");
  publish("english-yesterday", now - 47 * 3600, "en");
  publish("dari-today", now - 7200, "prs");
  publish("three-days-ago", now - 49 * 3600, "en");
  write([](khabar::store::Transaction& tx) { tx.set_setting("news_publication", "Khabar News"); });
  auto news = parsed("/news-sitemap.xml");
  ASSERT_EQ(news["entries"].size(), 3u);
  std::vector<std::string> locs, languages;
  for (const auto& e : news["entries"]) {
    locs.push_back(e["loc"]);
    languages.push_back(e["news"]["language"]);
    EXPECT_EQ(e["news"]["name"], "Khabar News");
    EXPECT_EQ(e["news"]["title"],
              "Title of " + e["loc"].get<std::string>().substr(
                                site_url_.size() + 1,
                                e["loc"].get<std::string>().size() - site_url_.size() - 2));
  }
  EXPECT_EQ(locs, (std::vector<std::string>{site_url_ + "/pashto-now/", site_url_ + "/dari-today/",
                                            site_url_ + "/english-yesterday/"}));
  EXPECT_EQ(languages, (std::vector<std::string>{"ps", "fa", "en"}));
  EXPECT_EQ(news["entries"][0]["news"]["date"], now - 3600);

  // At most 1,000, the newest; and a month's child holds 2,000, the rest in the next.
  write([&](khabar::store::Transaction& tx) {
    for (int i = 0; i < 2001; ++i) {
      khabar::store::NewArticle a;
      a.slug = "flood-" + std::to_string(i);
      a.title = "Flood " + std::to_string(i);
      a.status = Status::Published;
      a.published_at = now - 1800 + i / 2;
      tx.add_article(a).or_throw();
    }
  });
  news = parsed("/news-sitemap.xml");
  ASSERT_EQ(news["entries"].size(), 1000u);
  EXPECT_EQ(news["entries"][0]["loc"], site_url_ + "/flood-2000/");
  // The floods' months (one, or two at the turn of a month): 2,000 a child at most.
  std::map<std::string, int> per_month;
  for (int i = 0; i < 2001; ++i) {
    std::time_t t = now - 1800 + i / 2;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char month[16];
    std::strftime(month, sizeof month, "%Y-%m", &tm);
    ++per_month[month];
  }
  std::size_t listed = 0;
  auto index = parsed("/sitemap.xml");
  for (const auto& [month, count] : per_month) {
    (void)count;
    for (std::string suffix : {"", "-2"}) {
      std::string loc = site_url_ + "/sitemap-articles-" + month + suffix + ".xml";
      bool named = false;
      for (const auto& e : index["entries"]) named |= e["loc"] == loc;
      if (!named) continue;
      listed += parsed(loc)["entries"].size();
    }
  }
  EXPECT_GE(listed, 2001u) << "the floods (and this month's other articles)";
}

// Exact invalidation: a publish changes its month's child, the index and the news
// sitemap; another month's child stays cached, and so do the tags' and categories'
// children when the new article has none of either.
TEST_F(Sitemaps, APublishChangesItsMonthTheIndexAndTheNewsSitemapOnly) {
  publish("old-story", 1583830000);  // March 2020
  std::int64_t now = unix_now();
  std::time_t t = now;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char month[16];
  std::strftime(month, sizeof month, "%Y-%m", &tm);
  const std::string current = std::string("/sitemap-articles-") + month + ".xml";
  const std::vector<std::string> all = {
      "/sitemap.xml",      "/news-sitemap.xml",      current, "/sitemap-articles-2020-03.xml",
      "/sitemap-tags.xml", "/sitemap-categories.xml"};
  for (const auto& p : all) {
    ASSERT_EQ(http_get(server_->port(), p).status, 200) << p;
    EXPECT_EQ(x_cache(p), "HIT") << p;
  }
  publish("breaking", now);
  // The server takes the change in on its next request.
  auto index = http_get(server_->port(), "/sitemap.xml");
  EXPECT_EQ(index.header("x-cache"), "MISS");
  EXPECT_NE(http_get(server_->port(), current).body.find(site_url_ + "/breaking/"),
            std::string::npos);
  EXPECT_NE(http_get(server_->port(), "/news-sitemap.xml").body.find(site_url_ + "/breaking/"),
            std::string::npos);
  EXPECT_EQ(x_cache("/sitemap-articles-2020-03.xml"), "HIT");
  EXPECT_EQ(x_cache("/sitemap-tags.xml"), "HIT");
  EXPECT_EQ(x_cache("/sitemap-categories.xml"), "HIT");
}
