// Writing what an import read (src/newsroom/imports.h) over every backend: a rerun
// updates in place, a deleted copy comes back, slugs and tags keep the desk's rules.
#include "newsroom/imports.h"

#include <gtest/gtest.h>

#include "newsroom/articles.h"
#include "store/contract/contract.h"

namespace khabar::test {
namespace {

using content::Id;

class NewsroomImports : public StoreContract {
 protected:
  static store::NewArticle item(const std::string& title, const std::string& slug) {
    store::NewArticle a;
    a.title = title;
    a.slug = slug;
    a.body_html = "<p>" + title + "</p>";
    a.status = content::Status::Published;
    a.published_at = kStart - 86400;
    return a;
  }
  newsroom::Imported import(const store::NewArticle& a, const std::string& key) {
    newsroom::Imported out;
    write([&](store::Transaction& tx) {
      auto r = newsroom::import_article(tx, "wp:post", key, a, "post-" + key);
      ASSERT_TRUE(r) << r.status().to_string();
      out = *r;
    });
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, NewsroomImports, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return info.param.name;
                         });

TEST_P(NewsroomImports, ARerunUpdatesInPlaceAndADeletedCopyComesBack) {
  article("floods", 0, {}, kStart - 500);  // the newsroom's own story has the slug
  auto first = import(item("Floods in Herat", "floods"), "41");
  EXPECT_TRUE(first.added);
  EXPECT_EQ(first.slug, "floods-2");
  auto again = import(item("Floods in Herat (updated)", "floods"), "41");
  EXPECT_FALSE(again.added) << "the same item, not a second copy";
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(again.slug, "floods-2") << "its own slug is kept";
  EXPECT_EQ(db_->snapshot()->published_by_slug("floods-2")->title, "Floods in Herat (updated)");
  EXPECT_EQ(db_->snapshot()->count_published_articles({}), 2);

  auto untitled = import(item("", ""), "42");
  EXPECT_EQ(untitled.slug, "post-42") << "no slug of its own: the fallback";

  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.delete_article(first.id)); });
  auto back = import(item("Floods in Herat", "floods"), "41");
  EXPECT_TRUE(back.added) << "deleted on the desk since: imported anew";
  EXPECT_NE(back.id, first.id);
  EXPECT_EQ(db_->begin()->import_target("wp:post", "41"), back.id);
}

TEST_P(NewsroomImports, TagsAreFoundBySlugOrMadeWithANameThatFits) {
  Id kabul = tag("Kabul", "kabul");
  write([&](store::Transaction& tx) {
    EXPECT_EQ(newsroom::find_or_make_tag(tx, "KABUL (old name)", "kabul").or_throw(), kabul);
    Id long_one = newsroom::find_or_make_tag(tx, std::string(300, 'x'), "long").or_throw();
    EXPECT_NE(long_one, kabul);
    Id unnamed = newsroom::find_or_make_tag(tx, "", "no-name").or_throw();
    EXPECT_EQ(tx.tag_id_by_slug("no-name"), unnamed);
  });
  auto reads = db_->snapshot();
  EXPECT_EQ(reads->tag_by_slug("kabul")->name, "Kabul") << "found, not renamed";
  EXPECT_EQ(reads->tag_by_slug("long")->name.size(), content::kMaxTagNameBytes);
  EXPECT_EQ(reads->tag_by_slug("no-name")->name, "no-name");
}

}  // namespace
}  // namespace khabar::test
