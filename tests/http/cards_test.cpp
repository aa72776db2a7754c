// Issue 14: the cards of the home page and the archives show their article's featured
// picture: a <picture> with the library's WebP and original-format srcsets, its width and
// height (nothing shifts as it loads), lazily loaded except the lead's, which is fetched
// first; a card without a picture stays a tidy text card. A new alt text shows at once.
#include <gtest/gtest.h>

#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"

using namespace khabar;
using namespace khabar::test;

namespace {

constexpr const char* kArticle = "/kabul-opens-three-new-public-libraries-before-winter/";
constexpr const char* kSport = "/national-cricket-team-names-three-uncapped-players/";

class Cards : public OwnDemoSite {
 protected:
  // A library picture (its files need not exist: only the page is read) as the
  // featured picture of the articles at `paths`.
  content::Id feature(const std::vector<std::string>& paths) {
    auto db = open_store();
    auto tx = db->begin();
    store::NewMedia m;
    m.original = {"2026/11/0123456789abcdef.jpg", "image/jpeg", 1600, 900, 200000};
    for (int w : {320, 640, 1024})
      for (const char* ext : {"webp", "jpg"})
        m.variants.push_back({"2026/11/0123456789abcdef-" + std::to_string(w) + "." + ext,
                              ext == std::string("webp") ? "image/webp" : "image/jpeg", w,
                              w * 9 / 16, 1000});
    m.alt = "Readers in the new library in Karte Char";
    auto media = tx->add_media(m).or_throw();
    for (const auto& path : paths) {
      std::string slug = path.substr(1, path.size() - 2);
      auto id = *tx->article_id_by_slug(slug);
      auto edit = db->snapshot()->article_for_edit(id);
      edit->fields.featured_media_id = media;
      edit->fields.featured_image = "/media/" + m.original.file;
      EXPECT_TRUE(tx->update_article(id, edit->fields));
    }
    EXPECT_TRUE(tx->commit());
    return media;
  }
};

// Each card inside the elements of class `section`: its headline's link, and its <img>
// (null for a text card).
std::vector<std::pair<std::string, const GumboNode*>> cards(const Html& html,
                                                            const std::string& section) {
  std::vector<std::pair<std::string, const GumboNode*>> out;
  for (auto* s : html.by_class(section))
    for (auto* card : Html::descendants(s, "article")) {
      std::string href;  // the headline's link
      for (auto* h3 : Html::descendants(card, "h3"))
        for (auto* a : Html::descendants(h3, "a")) href = Html::attr(a, "href");
      auto imgs = Html::descendants(card, "img");
      out.emplace_back(href, imgs.empty() ? nullptr : imgs[0]);
    }
  return out;
}

TEST_F(Cards, CardsShowTheFeaturedPictureTheLeadsFirst) {
  // Before any picture: text cards only.
  auto before = http_get(port(), "/");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("class=\"card-picture\""), std::string::npos);
  Html first(before.body);
  auto lead = cards(first, "lead");
  ASSERT_EQ(lead.size(), 1u);
  std::string lead_path = lead[0].first;
  ASSERT_EQ(lead_path, kArticle) << "the demo's lead story";
  feature({kArticle, kSport});

  auto home = http_get(port(), "/");
  Html html(home.body);
  lead = cards(html, "lead");
  ASSERT_EQ(lead.size(), 1u);
  ASSERT_NE(lead[0].second, nullptr) << home.body.substr(0, 4000);
  const GumboNode* img = lead[0].second;
  EXPECT_EQ(Html::attr(img, "src"), "/media/2026/11/0123456789abcdef.jpg");
  EXPECT_EQ(Html::attr(img, "width") + "x" + Html::attr(img, "height"), "1600x900");
  EXPECT_EQ(Html::attr(img, "alt"), "Readers in the new library in Karte Char");
  EXPECT_EQ(Html::attr(img, "fetchpriority"), "high");
  EXPECT_EQ(Html::attr(img, "loading"), "");
  EXPECT_NE(Html::attr(img, "srcset").find("-640.jpg 640w"), std::string::npos);
  auto sources = Html::descendants(img->parent, "source");
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_NE(Html::attr(sources[0], "srcset").find("-1024.webp 1024w"), std::string::npos);

  // Elsewhere on the page: the other pictured card loads lazily; the rest are text cards.
  int pictured = 0, text = 0;
  for (const char* section : {"latest", "category-section"})
    for (const auto& [href, picture] : cards(html, section)) {
      if (!picture) {
        ++text;
        continue;
      }
      ++pictured;
      EXPECT_TRUE(href == kArticle || href == kSport) << href;
      EXPECT_EQ(Html::attr(picture, "loading"), "lazy") << href;
      EXPECT_EQ(Html::attr(picture, "fetchpriority"), "") << href;
      EXPECT_EQ(Html::attr(picture, "width"), "1600");
    }
  EXPECT_GE(pictured, 1);
  EXPECT_GE(text, 3);

  // The category, tag and author archives show it too.
  for (const char* archive : {"/category/afghanistan/", "/tag/kabul/", "/author/mariam-sadat/"}) {
    auto page = http_get(port(), archive);
    ASSERT_EQ(page.status, 200) << archive;
    bool found = false;
    Html archive_html(page.body);
    for (const auto& [href, picture] : cards(archive_html, "cards"))
      found = found || (href == kArticle && picture);
    EXPECT_TRUE(found) << archive;
  }

  // A new alt text shows on the cards at once (the cached home page is dropped).
  {
    auto db = open_store();
    auto tx = db->begin();
    auto media = db->snapshot()->media_library({}).at(0).id;
    EXPECT_TRUE(tx->update_media_text(media, "A reading room in Karte Char", "", ""));
    EXPECT_TRUE(tx->commit());
  }
  EXPECT_NE(http_get(port(), "/").body.find("alt=\"A reading room in Karte Char\""),
            std::string::npos);
}

TEST_F(Cards, SearchResultsShowAThumbnailBesideTheText) {
  feature({kArticle});
  auto page = http_get(port(), "/search/?q=libraries");
  ASSERT_EQ(page.status, 200);
  Html html(page.body);
  int pictured = 0, text = 0;
  for (auto* result : html.by_class("result")) {
    std::string href;
    for (auto* h2 : Html::descendants(result, "h2"))
      for (auto* a : Html::descendants(h2, "a")) href = Html::attr(a, "href");
    auto imgs = Html::descendants(result, "img");
    if (imgs.empty()) {
      ++text;
      EXPECT_NE(href, kArticle);
      continue;
    }
    ++pictured;
    EXPECT_EQ(href, kArticle);
    EXPECT_EQ(Html::attr(imgs[0], "loading"), "lazy");
    EXPECT_EQ(Html::attr(imgs[0], "width") + "x" + Html::attr(imgs[0], "height"), "1600x900");
    EXPECT_EQ(Html::attr(imgs[0], "sizes"), "(min-width: 48rem) 9rem, 6rem");
    EXPECT_NE(Html::attr(imgs[0], "srcset").find("-320.jpg 320w"), std::string::npos);
    EXPECT_EQ(Html::attr(imgs[0]->parent->parent, "class"), "result-picture");
  }
  EXPECT_EQ(pictured, 1) << page.body.substr(0, 6000);
  EXPECT_GE(text, 1) << "the demo has other articles on libraries";
}

}  // namespace
