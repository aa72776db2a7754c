// The contract: what the newsroom's desk reads (store/desk_reads.h).
#include "store/contract/contract.h"

namespace khabar::test {
namespace {

using namespace content;

TEST_P(StoreContract, DeskCountsFiltersAndStatusMoves) {
  Id ann = author("ann", "Ann"), bob = author("bob", "Bob");
  Id world = category({"World", "world", 0, "", 0});
  Id sport = category({"Sport", "sport", 0, "", 0});
  store::NewArticle a;
  a.slug = "draft-one";
  a.title = "Water talks resume";
  a.author_ids = {ann};
  a.category_id = world;
  a.extra_category_ids = {sport};
  a.language = "ps";
  Id id = add(a);
  clock_.advance(10);
  Id other = article("bobs-story", sport, {bob}, 100);
  EXPECT_EQ(db_->snapshot()->count_articles(Status::Draft), 1);
  EXPECT_EQ(db_->snapshot()->count_articles(Status::Published), 1);
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.set_article_status(id, Status::Published, kStart + 20, kStart + 20));
  });
  auto d = db_->snapshot()->desk_article(id);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, Status::Published);
  EXPECT_EQ(d->published_at, kStart + 20);
  EXPECT_EQ(d->updated_at, kStart + 20);
  EXPECT_EQ(d->author_ids, std::vector<Id>{ann});
  EXPECT_TRUE(db_->snapshot()->published_by_slug("draft-one"));
  EXPECT_FALSE(db_->snapshot()->desk_article(9999));

  store::DeskFilter all;
  EXPECT_EQ(slugs(db_->snapshot()->desk_articles(all)),
            (std::vector<std::string>{"draft-one", "bobs-story"}))
      << "newest change first";
  store::DeskFilter f;
  f.author_id = bob;
  EXPECT_EQ(slugs(db_->snapshot()->desk_articles(f)), std::vector<std::string>{"bobs-story"});
  f = {};
  f.category_id = sport;  // primary or extra
  EXPECT_EQ(db_->snapshot()->desk_articles(f).size(), 2u);
  f = {};
  f.language = "ps";
  EXPECT_EQ(slugs(db_->snapshot()->desk_articles(f)), std::vector<std::string>{"draft-one"});
  f = {};
  f.search = "WATER";
  EXPECT_EQ(slugs(db_->snapshot()->desk_articles(f)), std::vector<std::string>{"draft-one"});
  f = {};
  f.limit = 1;
  f.offset = 1;
  EXPECT_EQ(slugs(db_->snapshot()->desk_articles(f)), std::vector<std::string>{"bobs-story"});

  write([&](store::Transaction& tx) {
    // A move checked against a status the article no longer has: Conflict, nothing moves.
    EXPECT_EQ(tx.set_article_status(id, Status::Trash, kStart + 30, 0, Status::Draft).code(),
              store::Code::Conflict);
    EXPECT_EQ(tx.schedule_article(id, kStart + 90, kStart + 30, Status::Pending).code(),
              store::Code::Conflict);
    ASSERT_TRUE(tx.set_article_status(id, Status::Trash, kStart + 30, 0, Status::Published));
    EXPECT_EQ(tx.set_article_status(9999, Status::Trash, kStart + 30, 0).code(),
              store::Code::NotFound);
    EXPECT_EQ(tx.set_article_status(9999, Status::Trash, kStart + 30, 0, Status::Draft).code(),
              store::Code::NotFound);
  });
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({}, 10, 0)),
            std::vector<std::string>{"bobs-story"});
  f = {};
  f.status = Status::Trash;
  EXPECT_EQ(slugs(db_->snapshot()->desk_articles(f)), std::vector<std::string>{"draft-one"});
  // A contributor's view: their own work and what is published.
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.set_article_status(other, Status::Draft, kStart + 40, 0));
  });
  f = {};
  f.visible_to = ann;
  EXPECT_EQ(slugs(db_->snapshot()->desk_articles(f)), std::vector<std::string>{"draft-one"});
}

TEST_P(StoreContract, TheEditorsSavesKeepVersionsAndRevisions) {
  Id ann = author("ann", "Ann");
  store::NewArticle a;
  a.slug = "budget";
  a.title = "Budget";
  a.body_markdown = "First text";
  a.author_ids = {ann};
  Id id = 0;
  write([&](store::Transaction& tx) {
    auto saved = tx.save_article(0, a, 0, ann, kStart);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->version, 1);
    id = saved->id;
    EXPECT_EQ(tx.article_version(id).value(), 1);
  });
  a.body_markdown = "Second text";
  write([&](store::Transaction& tx) {
    auto saved = tx.save_article(id, a, 1, ann, kStart + 60);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->version, 2);
  });
  // Someone who opened version 1 saves: Conflict, and nothing changes.
  a.body_markdown = "Stale text";
  write([&](store::Transaction& tx) {
    EXPECT_EQ(tx.save_article(id, a, 1, ann, kStart + 90).code(), store::Code::Conflict);
    EXPECT_EQ(tx.save_article(9999, a, 1, ann, kStart + 90).code(), store::Code::NotFound);
    EXPECT_EQ(tx.article_version(9999).code(), store::Code::NotFound);
  });
  auto edit = db_->snapshot()->article_for_edit(id);
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->version, 2);
  EXPECT_EQ(edit->fields.body_markdown, "Second text");
  EXPECT_FALSE(db_->snapshot()->article_for_edit(9999));
  auto revisions = db_->snapshot()->revisions(id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].version, 2);  // newest first
  EXPECT_EQ(revisions[0].user_id, ann);
  EXPECT_EQ(revisions[0].created_at, kStart + 60);
  EXPECT_EQ(revisions[1].body_markdown, "First text");
  auto one = db_->snapshot()->revision(revisions[1].id);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->article_id, id);
  EXPECT_FALSE(db_->snapshot()->revision(9999));
}

TEST_P(StoreContract, AutosavesAreEachWritersUntilDeleted) {
  Id ann = author("ann", "Ann"), bob = author("bob", "Bob");
  Id id = article("budget", 0, {ann}, 100);
  write([&](store::Transaction& tx) {
    tx.set_autosave({id, ann, 200, "Budget", "Ann's text", "markdown"});
    tx.set_autosave({id, bob, 210, "Budget!", "<p>Bob's</p>", "html"});
    tx.set_autosave({0, ann, 220, "New one", "Not saved yet", "markdown"});
  });
  auto a = db_->snapshot()->autosave(id, ann);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->saved_at, 200);
  EXPECT_EQ(a->body, "Ann's text");
  EXPECT_EQ(db_->snapshot()->autosave(id, bob)->format, "html");
  EXPECT_EQ(db_->snapshot()->autosave(0, ann)->title, "New one");
  EXPECT_FALSE(db_->snapshot()->autosave(0, bob));
  // A later one replaces; clearing takes one writer's only.
  write([&](store::Transaction& tx) { tx.set_autosave({id, ann, 300, "Budget", "Later", "x"}); });
  EXPECT_EQ(db_->snapshot()->autosave(id, ann)->body, "Later");
  EXPECT_EQ(db_->snapshot()->autosave(id, ann)->format, "markdown");  // only the two formats
  write([&](store::Transaction& tx) { tx.clear_autosave(id, ann); });
  EXPECT_FALSE(db_->snapshot()->autosave(id, ann));
  EXPECT_TRUE(db_->snapshot()->autosave(id, bob));
  // Deleting the article deletes its autosaves.
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.delete_article(id)); });
  EXPECT_FALSE(db_->snapshot()->autosave(id, bob));
  EXPECT_TRUE(db_->snapshot()->autosave(0, ann));
}

TEST_P(StoreContract, DeskTagsCountEveryStatusAndTagsChange) {
  Id water = tag("Water", "water");
  Id aid = tag("Aid", "aid");
  article("published", 0, {}, 100, {water});
  article("draft", 0, {}, 0, {water}, Status::Draft);
  auto tags = db_->snapshot()->desk_tags();
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].tag.name, "Aid");  // by name
  EXPECT_EQ(tags[0].articles, 0);
  EXPECT_EQ(tags[1].articles, 2);
  write([&](store::Transaction& tx) {
    EXPECT_EQ(tx.update_tag(water, "Water", "aid").code(), store::Code::Conflict);
    EXPECT_TRUE(tx.update_tag(water, "Clean water", "clean-water"));
    EXPECT_EQ(tx.update_tag(9999, "X", "x").code(), store::Code::NotFound);
    EXPECT_EQ(tx.add_tag("Aid again", "aid").code(), store::Code::Conflict);
  });
  EXPECT_EQ(db_->snapshot()->tag_by_slug("clean-water")->name, "Clean water");
  EXPECT_EQ(db_->snapshot()->published_by_slug("published")->tags[0].slug, "clean-water");
  write([&](store::Transaction& tx) {
    EXPECT_TRUE(tx.delete_tag(water));
    EXPECT_EQ(tx.delete_tag(water).code(), store::Code::NotFound);
  });
  EXPECT_TRUE(db_->snapshot()->published_by_slug("published")->tags.empty());
  EXPECT_TRUE(db_->snapshot()->published_articles({.tag_id = water}, 10, 0).empty());
  EXPECT_EQ(db_->snapshot()->desk_tags().size(), 1u);
  EXPECT_EQ(db_->snapshot()->desk_tags()[0].tag.id, aid);
}

TEST_P(StoreContract, CategoriesMoveRenameAndGo) {
  Id world = category({"World", "world", 0, "", 0});
  Id asia = category({"Asia", "asia", world, "", 0});
  Id south = category({"South", "south", asia, "", 0});
  Id news = category({"News", "news", 0, "", 0});
  article("in-south", south, {}, 100);
  write([&](store::Transaction& tx) {
    EXPECT_TRUE(tx.rename_category(asia, "Asia-Pacific"));
    EXPECT_EQ(tx.rename_category(9999, "X").code(), store::Code::NotFound);
    // Asia (and South below it) moves under News: every path below is rewritten.
    auto moved = tx.update_category(asia, {"Asia-Pacific", "asia", news, "", 0});
    ASSERT_TRUE(moved);
    EXPECT_EQ(*moved, (store::PathMoves{{"world/asia", "news/asia"},
                                        {"world/asia/south", "news/asia/south"}}));
    EXPECT_EQ(tx.update_category(9999, {"X", "x", 0, "", 0}).code(), store::Code::NotFound);
    EXPECT_EQ(tx.category_id_by_path("news/asia/south"), south);
  });
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.category_id = news}, 10, 0)),
            std::vector<std::string>{"in-south"});
  EXPECT_TRUE(db_->snapshot()->published_articles({.category_id = world}, 10, 0).empty());
  write([&](store::Transaction& tx) {
    // Asia goes: its child moves up to News, its articles to World.
    auto moved = tx.delete_category(asia, world);
    ASSERT_TRUE(moved);
    EXPECT_EQ(*moved, (store::PathMoves{{"news/asia/south", "news/south"}}));
    EXPECT_EQ(tx.delete_category(asia, 0).code(), store::Code::NotFound);
  });
  EXPECT_EQ(db_->snapshot()->categories().size(), 3u);
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.category_id = news}, 10, 0)),
            std::vector<std::string>{"in-south"});
}

TEST_P(StoreContract, TheMediaLibraryAndWhereItIsUsed) {
  Id ann = author("ann", "Ann"), bob = author("bob", "Bob");
  Id photo = media("2026/11/photo.jpg", ann);
  clock_.advance(1);
  Id other = media("2026/11/other.jpg", bob);
  {
    auto tx = db_->begin();
    EXPECT_EQ(tx->media_id_by_file("2026/11/photo.jpg"), photo);
    EXPECT_EQ(tx->media_file(other), "2026/11/other.jpg");
    EXPECT_FALSE(tx->media_file(9999));
  }
  auto item = db_->snapshot()->media(photo);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->uploaded_by, ann);
  EXPECT_EQ(item->original.width, 1600);
  EXPECT_EQ(item->created_at, kStart);
  store::MediaFilter f;
  EXPECT_EQ(db_->snapshot()->media_library(f).size(), 2u);
  EXPECT_EQ(db_->snapshot()->media_library(f)[0].id, other);  // newest first
  f.uploaded_by = ann;
  ASSERT_EQ(db_->snapshot()->media_library(f).size(), 1u);
  f = {};
  f.search = "other";
  ASSERT_EQ(db_->snapshot()->media_library(f).size(), 1u);
  EXPECT_EQ(db_->snapshot()->media_library(f)[0].id, other);

  store::NewArticle a;
  a.slug = "featured";
  a.title = "Featured";
  a.status = Status::Published;
  a.featured_media_id = photo;
  a.featured_image = "/media/2026/11/photo.jpg";
  Id featured = add(a);
  a.slug = "in-text";
  a.featured_media_id = 0;
  a.featured_image.clear();
  a.body_markdown = "![Alt](/media/2026/11/photo.jpg)";
  Id in_text = add(a);
  auto uses = db_->snapshot()->media_uses(photo);
  ASSERT_EQ(uses.size(), 2u);
  EXPECT_TRUE(db_->snapshot()->media_uses(other).empty());
  EXPECT_EQ(db_->snapshot()->published_by_slug("featured")->featured_media->id, photo);

  write([&](store::Transaction& tx) {
    EXPECT_TRUE(tx.update_media_text(photo, "A market in Herat", "Caption", "Photo: A."));
    EXPECT_EQ(tx.update_media_text(9999, "", "", "").code(), store::Code::NotFound);
  });
  EXPECT_EQ(db_->snapshot()->media(photo)->alt, "A market in Herat");
  write([&](store::Transaction& tx) {
    auto gone = tx.delete_media(photo);
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->original.file, "2026/11/photo.jpg");  // the caller removes its files
    EXPECT_EQ(tx.delete_media(photo).code(), store::Code::NotFound);
  });
  EXPECT_FALSE(db_->snapshot()->media(photo));
  EXPECT_EQ(db_->snapshot()->published_by_slug("featured")->featured_image, "");
  EXPECT_FALSE(db_->snapshot()->published_by_slug("featured")->featured_media);
  EXPECT_TRUE(db_->snapshot()->desk_article(featured) && db_->snapshot()->desk_article(in_text));
}

TEST_P(StoreContract, ModerationQueuesAndCounts) {
  Id art = article("story", 0, {}, 100);
  store::NewComment c = by_reader(art, "Held");
  Id held = comment(c);
  clock_.advance(5);
  c.body = "Held later";
  Id later = comment(c);
  c.status = CommentStatus::Approved;
  comment(c);
  EXPECT_EQ(db_->snapshot()->count_comments(CommentStatus::Pending), 2);
  EXPECT_EQ(db_->snapshot()->count_comments(CommentStatus::Approved), 1);
  auto queue = db_->snapshot()->comments_for_moderation(CommentStatus::Pending, 10);
  ASSERT_EQ(queue.size(), 2u);
  EXPECT_EQ(queue[0].comment.id, later);  // newest first
  EXPECT_EQ(queue[1].article_slug, "story");
  EXPECT_EQ(db_->snapshot()->comments_for_moderation(CommentStatus::Pending, 1).size(), 1u);
  write([&](store::Transaction& tx) {
    EXPECT_EQ(tx.set_comment_status({held, 999}, CommentStatus::Spam), std::vector<Id>{held});
    EXPECT_EQ(tx.delete_comments({later, 999}), std::vector<Id>{later});
  });
  EXPECT_EQ(db_->snapshot()->comment(held)->status, CommentStatus::Spam);
  EXPECT_FALSE(db_->snapshot()->comment(later));
  EXPECT_EQ(db_->snapshot()->count_comments(CommentStatus::Pending), 0);
}

// The moderation list pages by keyset in both directions (two comments of one second
// told apart by id) and searches author, email and text, % and _ being plain characters.
TEST_P(StoreContract, ModerationPagesByKeysetAndSearches) {
  Id art = article("story", 0, {}, 100);
  std::vector<Id> ids;  // oldest first; two a second
  for (int i = 0; i < 7; ++i) {
    store::NewComment c =
        by_reader(art, i == 3 ? "Costs 100% more_now" : "Note " + std::to_string(i));
    if (i == 5) c.author_name = "Zarghuna";
    ids.push_back(comment(c));
    if (i % 2) clock_.advance(1);
  }
  auto page = [&](store::ModerationQuery q) {
    std::vector<Id> out;
    for (const auto& item : db_->snapshot()->comments_for_moderation(q))
      out.push_back(item.comment.id);
    return out;
  };
  auto cursor = [&](Id id) {
    auto c = db_->snapshot()->comment(id);
    return store::CommentCursor{c->created_at, c->id};
  };
  store::ModerationQuery q;
  q.limit = 3;
  EXPECT_EQ(page(q), (std::vector<Id>{ids[6], ids[5], ids[4]}));
  q.older_than = cursor(ids[4]);
  EXPECT_EQ(page(q), (std::vector<Id>{ids[3], ids[2], ids[1]}));
  q.older_than = cursor(ids[1]);
  EXPECT_EQ(page(q), (std::vector<Id>{ids[0]}));
  q.older_than.reset();
  q.newer_than = cursor(ids[1]);
  EXPECT_EQ(page(q), (std::vector<Id>{ids[4], ids[3], ids[2]})) << "the page before, newest first";
  q.newer_than.reset();
  q.search = "100%";
  EXPECT_EQ(page(q), (std::vector<Id>{ids[3]}));
  q.search = "E_";
  EXPECT_EQ(page(q), (std::vector<Id>{ids[3]})) << "_ is a character";
  q.search = "zargh";
  EXPECT_EQ(page(q), (std::vector<Id>{ids[5]}));
  q.search = "note";
  q.status = CommentStatus::Approved;
  EXPECT_TRUE(page(q).empty());
}

// The scheduler's clock is the `now` it is given: a time before the schedule publishes
// nothing, the exact second publishes, and a restart long after publishes what it missed.
TEST_P(StoreContract, SchedulingAndPublishingDueFollowTheClockGiven) {
  Id cat = category({"World", "world", 0, "", 0});
  Id a = article("due-at-noon", cat, {author("w", "Writer")}, kStart, {}, Status::Draft);
  Id b = article("due-an-hour-later", cat, {}, kStart, {}, Status::Draft);
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.schedule_article(a, kStart + 10'000, kStart));
    ASSERT_TRUE(tx.schedule_article(b, kStart + 13'600, kStart));
    EXPECT_EQ(tx.schedule_article(9999, kStart, kStart).code(), store::Code::NotFound);
  });
  EXPECT_FALSE(db_->snapshot()->publication_due(kStart + 9'999));
  EXPECT_TRUE(db_->snapshot()->publication_due(kStart + 10'000));
  write([&](store::Transaction& tx) { EXPECT_TRUE(tx.publish_due(kStart + 9'999).empty()); });
  EXPECT_FALSE(db_->snapshot()->published_by_slug("due-at-noon"));
  write([&](store::Transaction& tx) {
    EXPECT_EQ(tx.publish_due(kStart + 10'000), std::vector<Id>{a});
  });
  EXPECT_TRUE(db_->snapshot()->published_by_slug("due-at-noon"));
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.category_id = cat}, 10, 0)),
            std::vector<std::string>{"due-at-noon"});
  // Days later (a server that was down): the missed one goes out, with its scheduled time.
  write([&](store::Transaction& tx) {
    EXPECT_EQ(tx.publish_due(kStart + 500'000), std::vector<Id>{b});
  });
  EXPECT_EQ(db_->snapshot()->published_by_slug("due-an-hour-later")->published_at, kStart + 13'600);
  EXPECT_FALSE(db_->snapshot()->publication_due(kStart + 500'001));
}

// Extra categories list an article in them (and their ancestors); deleting for good
// takes its listings, comments, revisions and old addresses with it.
TEST_P(StoreContract, ExtraCategoriesAndDeletingForGood) {
  Id world = category({"World", "world", 0, "", 0});
  Id asia = category({"Asia", "asia", world, "", 0});
  Id sport = category({"Sport", "sport", 0, "", 0});
  store::NewArticle x;
  x.slug = "cricket-in-asia";
  x.title = "Cricket";
  x.status = Status::Published;
  x.published_at = 100;
  x.category_id = sport;
  x.extra_category_ids = {asia};
  Id id = add(x);
  EXPECT_EQ(slugs(db_->snapshot()->published_articles({.category_id = world}, 10, 0)),
            std::vector<std::string>{"cricket-in-asia"});
  EXPECT_EQ(db_->snapshot()->article_for_edit(id)->fields.extra_category_ids,
            std::vector<Id>{asia});
  Id c = comment({id, 0, "A", "a@example.org", "", "Hello", CommentStatus::Approved, 1, ""});
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.save_article(id, x, 1, 0, 200));
    tx.add_redirect("/2019/05/cricket/", "/cricket-in-asia/");
  });
  write([&](store::Transaction& tx) {
    EXPECT_TRUE(tx.delete_article(id));
    EXPECT_EQ(tx.delete_article(id).code(), store::Code::NotFound);
  });
  EXPECT_FALSE(db_->snapshot()->desk_article(id));
  EXPECT_FALSE(db_->snapshot()->comment(c));
  EXPECT_TRUE(db_->snapshot()->revisions(id).empty());
  EXPECT_FALSE(db_->snapshot()->redirect("/2019/05/cricket/"));
  EXPECT_EQ(db_->snapshot()->count_published_articles({.category_id = world}), 0);
  EXPECT_EQ(db_->snapshot()->count_published_articles({.category_id = sport}), 0);
}

// A correction note is dated, shown with the published article, kept with the version of
// the save it came with (its revision shows it), survives later saves, and marks the
// article updated.
TEST_P(StoreContract, ACorrectionNoteIsDatedAndKeptWithItsSave) {
  Id ann = author("ann", "Ann");
  store::NewArticle a;
  a.slug = "floods";
  a.title = "Floods";
  a.body_markdown = "Floods in Kunar.";
  a.status = Status::Published;
  a.published_at = kStart;
  a.author_ids = {ann};
  Id id = 0;
  write([&](store::Transaction& tx) { id = tx.save_article(0, a, 0, ann, kStart)->id; });
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.save_article(id, a, 1, ann, kStart + 3600));
    ASSERT_TRUE(tx.add_correction(id, "It was Nuristan, not Kunar.", ann, kStart + 3600));
    EXPECT_EQ(tx.add_correction(9999, "Nothing", ann, kStart).code(), store::Code::NotFound);
  });
  write([&](store::Transaction& tx) {
    ASSERT_TRUE(tx.save_article(id, a, 2, ann, kStart + 7200));
    ASSERT_TRUE(tx.add_correction(id, "And the date was Monday.", 0, kStart + 7200));
  });
  EXPECT_GE(db_->snapshot()->published_by_slug("floods")->updated_at, kStart + 7200);
  write(
      [&](store::Transaction& tx) { ASSERT_TRUE(tx.save_article(id, a, 3, ann, kStart + 9000)); });
  auto shown = db_->snapshot()->published_by_slug("floods");
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->corrections,
            (std::vector<content::Correction>{{kStart + 3600, "It was Nuristan, not Kunar."},
                                              {kStart + 7200, "And the date was Monday."}}));
  EXPECT_EQ(db_->snapshot()->article_for_edit(id)->corrections, shown->corrections);
  auto revisions = db_->snapshot()->revisions(id);
  ASSERT_EQ(revisions.size(), 4u);
  EXPECT_EQ(revisions[0].correction, "");  // version 4: a plain save
  EXPECT_EQ(revisions[1].correction, "And the date was Monday.");
  EXPECT_EQ(revisions[2].correction, "It was Nuristan, not Kunar.");
  EXPECT_EQ(db_->snapshot()->revision(revisions[2].id)->correction, "It was Nuristan, not Kunar.");
  EXPECT_EQ(revisions[3].correction, "");
  write([&](store::Transaction& tx) { EXPECT_TRUE(tx.delete_article(id)); });
  EXPECT_FALSE(db_->snapshot()->published_by_slug("floods"));
}

}  // namespace
// Issue 17: a picture's crops (16:9, 4:3, 1:1) are kept apart from its width variants,
// read widest shape first, made later for an item that has none, and go with the item.
TEST_P(StoreContract, APicturesCropsAreKeptApartFromItsVariants) {
  auto shapes = [](const std::vector<content::MediaFile>& files) {
    std::string out;
    for (const auto& f : files)
      out += (out.empty() ? "" : ", ") + f.file + " " + std::to_string(f.width) + "x" +
             std::to_string(f.height);
    return out;
  };
  store::NewMedia m;
  m.original = {"2026/11/a.jpg", "image/jpeg", 2400, 1600, 500000};
  m.variants = {{"2026/11/a-640.webp", "image/webp", 640, 427, 20000}};
  m.crops = {{"2026/11/a-16x9.jpg", "image/jpeg", 1200, 675, 90000},
             {"2026/11/a-4x3.jpg", "image/jpeg", 1200, 900, 100000},
             {"2026/11/a-1x1.jpg", "image/jpeg", 1200, 1200, 120000}};
  m.alt = "A";
  Id a = 0;
  write([&](store::Transaction& tx) { a = tx.add_media(m).or_throw(); });
  auto item = db_->snapshot()->media(a);
  ASSERT_TRUE(item);
  EXPECT_EQ(shapes(item->variants), "2026/11/a-640.webp 640x427");
  EXPECT_EQ(shapes(item->crops),
            "2026/11/a-16x9.jpg 1200x675, 2026/11/a-4x3.jpg 1200x900, 2026/11/a-1x1.jpg 1200x1200");
  EXPECT_EQ(item->crops[0].mime, "image/jpeg");
  EXPECT_EQ(item->crops[2].bytes, 120000);
  EXPECT_EQ(shapes(db_->snapshot()->media_library({})[0].crops), shapes(item->crops));

  // An item from before crops: none, until they are made for it.
  Id old = media("2026/11/old.jpg");
  EXPECT_TRUE(db_->snapshot()->media(old)->crops.empty());
  write([&](store::Transaction& tx) {
    EXPECT_TRUE(tx.set_media_crops(old, {{"2026/11/old-16x9.png", "image/png", 800, 450, 1},
                                         {"2026/11/old-4x3.png", "image/png", 800, 600, 2},
                                         {"2026/11/old-1x1.png", "image/png", 800, 800, 3}}));
    EXPECT_EQ(tx.set_media_crops(9999, {}).code(), store::Code::NotFound);
  });
  EXPECT_EQ(shapes(db_->snapshot()->media(old)->crops),
            "2026/11/old-16x9.png 800x450, 2026/11/old-4x3.png 800x600, "
            "2026/11/old-1x1.png 800x800");
  EXPECT_EQ(db_->snapshot()->media_by_files({"2026/11/old.jpg"})[0].crops.size(), 3u);

  // Deleting the item takes its crops: the same files can be stored again.
  write([&](store::Transaction& tx) { ASSERT_TRUE(tx.delete_media(a)); });
  write([&](store::Transaction& tx) { EXPECT_TRUE(tx.add_media(m)); });
}

}  // namespace khabar::test
