// The newsroom's article operations (src/newsroom/articles.h) over every backend: the
// rules the desk and the command line share, asserted through the store's reads.
#include "newsroom/articles.h"

#include <gtest/gtest.h>

#include "store/contract/contract.h"

namespace khabar::test {
namespace {

using content::Id;
using content::Role;
using content::Status;
using newsroom::Actor;
using store::Code;

class NewsroomArticles : public StoreContract {
 protected:
  // An article as the editor loads it.
  store::EditableArticle stored(Id id) { return *db_->snapshot()->article_for_edit(id); }
  store::DeskArticle listed(Id id) { return *db_->snapshot()->desk_article(id); }

  newsroom::ArticleSave typed(const std::string& title, const std::string& slug) {
    newsroom::ArticleSave s;
    s.fields.title = title;
    s.fields.slug = slug;
    s.fields.body_markdown = "Text of " + title;
    s.fields.excerpt = title;
    return s;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, NewsroomArticles, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return info.param.name;
                         });

TEST_P(NewsroomArticles, TheEditorsSaveTakesAFreeSlugMakesTagsAndKeepsTheOldAddress) {
  Id writer = author("writer", "Writer");
  Actor editor{author("editor", "Editor"), Role::Editor};
  article("kabul", 0, {writer}, kStart - 100);

  auto save = typed("Kabul water", "kabul");
  save.fields.author_ids = {writer};
  save.tags = "Water, Kabul, water";
  save.move = "publish";
  save.fields.status = Status::Trash;  // ignored: the move decides
  clock_.set(kStart + 50);
  auto saved = newsroom::save_article(*db_, editor, nullptr, save, clock_.now());
  ASSERT_TRUE(saved) << saved.status().to_string();
  auto first = stored(saved->id);
  EXPECT_EQ(first.fields.slug, "kabul-2") << "the wished slug was taken";
  EXPECT_EQ(first.fields.status, Status::Published);
  EXPECT_EQ(first.fields.published_at, kStart + 50) << "published now";
  EXPECT_EQ(first.tag_names, (std::vector<std::string>{"Kabul", "Water"}));
  ASSERT_TRUE(db_->snapshot()->tag_by_slug("water"));
  EXPECT_EQ(db_->snapshot()->revisions(saved->id).size(), 1u);

  // A correction with a new slug: the date stays, the old address answers 301.
  auto fix = typed("Kabul water, corrected", "kabul-water");
  fix.fields.author_ids = {writer};
  fix.version = first.version;
  clock_.set(kStart + 900);
  auto again = newsroom::save_article(*db_, editor, &first, fix, clock_.now());
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(again->version, first.version + 1);
  auto second = stored(saved->id);
  EXPECT_EQ(second.fields.published_at, kStart + 50);
  EXPECT_EQ(second.fields.status, Status::Published);
  EXPECT_EQ(db_->snapshot()->redirect("/kabul-2/"), "/kabul-water/");
  EXPECT_TRUE(second.tag_names.empty());

  // From the stale form (the first version): Conflict, and nothing of it is stored.
  auto stale = typed("Stale", "stale");
  stale.fields.author_ids = {writer};
  stale.tags = "Fresh";
  stale.version = first.version;
  auto refused = newsroom::save_article(*db_, editor, &second, stale, clock_.now());
  EXPECT_EQ(refused.code(), Code::Conflict);
  EXPECT_EQ(stored(saved->id).fields.title, "Kabul water, corrected");
  EXPECT_FALSE(db_->snapshot()->tag_by_slug("fresh")) << "the tag it made went with it";
}

TEST_P(NewsroomArticles, APlanRefusesWhatTheRoleMayNotAndWritesNothing) {
  Actor contributor{author("contrib", "Contributor"), Role::Contributor};
  Actor other{author("other", "Other"), Role::Contributor};
  Actor editor{author("editor", "Editor"), Role::Editor};
  auto draft = typed("Draft", "draft");
  draft.fields.author_ids = {contributor.id};
  auto made = newsroom::save_article(*db_, contributor, nullptr, draft, kStart);
  ASSERT_TRUE(made);
  auto mine = stored(made->id);

  auto publish = draft;
  publish.version = mine.version;
  publish.move = "publish";
  EXPECT_EQ(newsroom::plan_save(contributor, &mine, publish, kStart).code(), Code::Forbidden);
  EXPECT_EQ(newsroom::save_article(*db_, contributor, &mine, publish, kStart).code(),
            Code::Forbidden);
  auto edit = draft;
  edit.version = mine.version;
  EXPECT_EQ(newsroom::plan_save(other, &mine, edit, kStart).code(), Code::Forbidden)
      << "another contributor's draft";
  auto trash = edit;
  trash.move = "trash";
  EXPECT_EQ(newsroom::plan_save(editor, &mine, trash, kStart).code(), Code::Invalid)
      << "the list trashes, not the editor";
  auto schedule = edit;
  schedule.move = "schedule";
  EXPECT_EQ(newsroom::plan_save(editor, &mine, schedule, kStart).code(), Code::Invalid);
  schedule.publish_at = kStart + 3600;
  auto planned = newsroom::plan_save(editor, &mine, schedule, kStart);
  ASSERT_TRUE(planned);
  EXPECT_EQ(planned->status, Status::Scheduled);
  EXPECT_EQ(planned->published_at, kStart + 3600);
  auto submit = edit;
  submit.move = "submit";
  EXPECT_TRUE(newsroom::plan_save(contributor, &mine, submit, kStart));

  auto after = stored(made->id);
  EXPECT_EQ(after.version, mine.version) << "plans and refusals write nothing";
  EXPECT_EQ(after.fields.status, Status::Draft);
}

TEST_P(NewsroomArticles, MovesAreCheckedAgainstTheStatusTheyWereChosenFor) {
  Actor contributor{author("contrib", "Contributor"), Role::Contributor};
  Actor editor{author("editor", "Editor"), Role::Editor};
  Id a = article("story", 0, {contributor.id}, 0, {}, Status::Draft);
  auto as_listed = listed(a);

  EXPECT_EQ(newsroom::move_article(*db_, editor, as_listed, "fly", {}, kStart).code(),
            Code::Invalid);
  EXPECT_EQ(newsroom::move_article(*db_, contributor, as_listed, "publish", {}, kStart).code(),
            Code::Forbidden);
  EXPECT_EQ(newsroom::move_article(*db_, editor, as_listed, "delete", {}, kStart).code(),
            Code::Conflict)
      << "only from the trash";
  EXPECT_EQ(newsroom::move_article(*db_, editor, as_listed, "schedule", {}, kStart).code(),
            Code::Invalid)
      << "no time";
  ASSERT_TRUE(newsroom::move_article(*db_, contributor, as_listed, "submit", {}, kStart));
  EXPECT_EQ(listed(a).status, Status::Pending);
  // The same list row again (the article moved meanwhile): refused, nothing changes.
  EXPECT_EQ(newsroom::move_article(*db_, contributor, as_listed, "submit", {}, kStart).code(),
            Code::Conflict);
  auto pending = listed(a);
  ASSERT_TRUE(newsroom::move_article(*db_, editor, pending, "publish", {}, kStart + 70));
  EXPECT_EQ(listed(a).status, Status::Published);
  EXPECT_EQ(listed(a).published_at, kStart + 70);
  EXPECT_EQ(newsroom::move_article(*db_, editor, pending, "trash", {}, kStart).code(),
            Code::Conflict)
      << "chosen for a pending article, it is published now";
  ASSERT_TRUE(newsroom::move_article(*db_, editor, listed(a), "trash", {}, kStart + 80));
  auto trashed = listed(a);
  ASSERT_TRUE(newsroom::move_article(*db_, editor, trashed, "delete", {}, kStart + 90));
  EXPECT_FALSE(db_->snapshot()->desk_article(a));
  EXPECT_EQ(newsroom::move_article(*db_, editor, trashed, "delete", {}, kStart).code(),
            Code::NotFound);

  Id b = article("later", 0, {contributor.id}, 0, {}, Status::Draft);
  ASSERT_TRUE(newsroom::move_article(*db_, editor, listed(b), "schedule", kStart + 3600, kStart));
  EXPECT_EQ(listed(b).status, Status::Scheduled);
  EXPECT_EQ(listed(b).published_at, kStart + 3600);
}

}  // namespace
}  // namespace khabar::test
