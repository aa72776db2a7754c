// The editor on a real server: create and change articles, Unicode slugs kept unique,
// preview in the reader theme, optimistic locking with nothing lost, revisions with a
// diff and restore, a 301 when a published article's slug changes, and role limits.
#include <gtest/gtest.h>

#include <regex>

#include "store/open.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

class Editor : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
    server_ = std::make_unique<ServerProcess>(data_);
    writer_ = std::make_unique<AdminClient>(signed_in("writer", "author"));
  }
  AdminClient signed_in(const std::string& login, const std::string& role) {
    return signed_in_user(server_->port(), data_, login, role);
  }
  std::string create(AdminClient& c, const Fields& fields) { return create_article(c, fields); }
  // The article as the store holds it (the server's store, opened beside it).
  khabar::store::EditableArticle stored(const std::string& id) {
    auto a = db()->snapshot()->article_for_edit(std::stoll(id));
    if (!a) throw std::runtime_error("no article " + id);
    return *a;
  }
  khabar::store::Store* db() {
    if (!db_) db_ = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
    return db_.get();
  }
  static Fields article(const std::string& title, const std::string& body,
                        const std::string& version = "0") {
    return {{"title", title},         {"body", body},       {"language", "en"},
            {"tags", "Kabul, Water"}, {"version", version}, {"comments_open", "on"}};
  }
  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<AdminClient> writer_;
  std::unique_ptr<khabar::store::Store> db_;
};

TEST_F(Editor, CreatesSavesLocksRevisesAndRestores) {
  std::string id =
      create(*writer_, article("Wells run dry in Herat", "First line.\n\nSecond line."));
  auto created = stored(id);
  EXPECT_EQ(created.fields.slug, "wells-run-dry-in-herat");
  EXPECT_EQ(created.fields.status, khabar::content::Status::Draft);
  EXPECT_EQ(created.version, 1);
  // "Kabul, Water" as typed finds the demo's own tags by slug.
  EXPECT_EQ(created.tag_names, (std::vector<std::string>{"kabul", "water"}));
  EXPECT_FALSE(created.fields.excerpt.empty());  // made from the text
  // The same headline again: a unique slug; a Pashto headline: a Pashto slug.
  std::string twin = create(*writer_, article("Wells run dry in Herat", "Other."));
  EXPECT_EQ(stored(twin).fields.slug, "wells-run-dry-in-herat-2");
  std::string pashto = create(*writer_, article("په هرات کې څاګانې وچېږي", "متن"));
  EXPECT_EQ(stored(pashto).fields.slug, "په-هرات-کې-څاګانې-وچېږي");

  // Two people open version 1; the first save wins, the second is refused and kept.
  std::string edit = "/admin/articles/" + id + "/edit";
  AdminClient editor = signed_in("night-editor", "editor");
  auto first = writer_->post(
      edit, article("Wells run dry in Herat", "First line.\n\nSecond line, edited.", "1"));
  EXPECT_EQ(first.status, 303);
  auto second =
      editor.post(edit, article("Wells run dry in Herat", "The editor's own rewrite.", "1"));
  EXPECT_EQ(second.status, 409);
  EXPECT_NE(second.body.find("The editor&#39;s own rewrite."),
            std::string::npos);  // shown back, not lost
  EXPECT_EQ(stored(id).fields.body_markdown, "First line.\n\nSecond line, edited.");
  EXPECT_EQ(input_value(second.body, "version"), "2");  // the form now starts from version 2
  EXPECT_EQ(
      editor.post(edit, article("Wells run dry in Herat", "The editor's own rewrite.", "2")).status,
      303);
  EXPECT_EQ(stored(id).version, 3);
  EXPECT_EQ(db()->snapshot()->revisions(std::stoll(id)).size(), 3u);

  // Revisions: a diff against the current text, and restoring version 1 is a new save.
  auto revisions = writer_->get("/admin/articles/" + id + "/revisions");
  ASSERT_EQ(revisions.status, 200);
  EXPECT_NE(revisions.body.find("Name night-editor"), std::string::npos);
  EXPECT_NE(
      revisions.body.find("class=\"removed\"><span aria-hidden=\"true\">-</span> First line."),
      std::string::npos);
  EXPECT_NE(
      revisions.body.find(
          "class=\"added\"><span aria-hidden=\"true\">+</span> The editor&#39;s own rewrite."),
      std::string::npos);
  std::string v1 =
      std::to_string(db()->snapshot()->revisions(std::stoll(id)).back().id);  // version 1
  EXPECT_EQ(writer_->post("/admin/articles/" + id + "/revisions", {{"revision", v1}}).status, 303);
  EXPECT_EQ(stored(id).fields.body_markdown, "First line.\n\nSecond line.");
  EXPECT_EQ(stored(id).version, 4);

  // Preview: the reader's page, not saved.
  auto preview = writer_->post(edit, {{"title", "Preview headline"},
                                      {"body", "Preview *text*."},
                                      {"language", "en"},
                                      {"version", "4"},
                                      {"preview", "1"}});
  EXPECT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("<h1>Preview headline</h1>"), std::string::npos);
  EXPECT_NE(preview.body.find("<em>text</em>"), std::string::npos);
  EXPECT_EQ(stored(id).fields.title, "Wells run dry in Herat");

  // Published, then re-slugged: the old address answers 301.
  EXPECT_EQ(writer_->post("/admin/articles/" + id, {{"action", "publish"}}).status, 303);
  EXPECT_EQ(http_get(server_->port(), "/wells-run-dry-in-herat/").status, 200);
  auto renamed = writer_->post(edit, {{"title", "Wells run dry in Herat"},
                                      {"slug", "herat-wells-dry"},
                                      {"body", "First line."},
                                      {"language", "en"},
                                      {"version", "4"}});
  EXPECT_EQ(renamed.status, 303);
  auto old = http_get(server_->port(), "/wells-run-dry-in-herat/");
  EXPECT_EQ(old.status, 301);
  EXPECT_EQ(old.header("location"), "/herat-wells-dry/");
  EXPECT_EQ(http_get(server_->port(), "/herat-wells-dry/").status, 200);

  // Contributors: not someone else's article, and not their own once published.
  AdminClient contributor = signed_in("stringer", "contributor");
  EXPECT_EQ(contributor.get(edit).status, 403);
  std::string own = create(contributor, article("A contributor's draft", "Text."));
  EXPECT_EQ(contributor.get("/admin/articles/" + own + "/edit").status, 200);
  EXPECT_EQ(editor.post("/admin/articles/" + own, {{"action", "publish"}}).status, 303);
  EXPECT_EQ(contributor.get("/admin/articles/" + own + "/edit").status, 403);
  // Bad input keeps the text and says why.
  auto bad = writer_->post("/admin/articles/new",
                           {{"title", ""}, {"body", "Kept text."}, {"language", "en"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Kept text."), std::string::npos);
}

// Issue 13: the editor's script autosaves what is typed; reopening the article offers it
// when it is newer than the last save, and a save clears it. Only those who may edit the
// article may autosave it, and only with the session's CSRF token.
TEST_F(Editor, AutosavesAreOfferedBackUntilSaved) {
  std::string id = create(*writer_, article("Roads reopen", "Saved text."));
  std::string edit = "/admin/articles/" + id + "/edit";
  std::string autosave = "/admin/articles/" + id + "/autosave";
  EXPECT_EQ(writer_->get(edit).body.find("A newer autosaved text"), std::string::npos);
  auto sent = writer_->post(autosave, {{"title", "Roads reopen"},
                                       {"body", "Typed, not saved: the Salang is open."},
                                       {"format", "markdown"}});
  EXPECT_EQ(sent.status, 204);
  auto offered = writer_->get(edit);
  EXPECT_NE(offered.body.find("A newer autosaved text"), std::string::npos);
  EXPECT_NE(offered.body.find("Typed, not saved: the Salang is open."), std::string::npos);
  EXPECT_EQ(input_value(offered.body, "title"), "Roads reopen");
  // The page loads the editor's script from this site, which the admin's policy allows.
  std::smatch script;
  ASSERT_TRUE(
      std::regex_search(offered.body, script, std::regex("<script src=\"(/static/[^\"]+\\.js)\"")));
  auto js = writer_->get(script[1].str());
  EXPECT_EQ(js.status, 200);
  EXPECT_NE(js.header("content-type").find("javascript"), std::string::npos);
  EXPECT_NE(offered.header("content-security-policy").find("script-src 'self'"), std::string::npos);
  // Used: the form holds the autosaved text; saving it stores it and ends the offer.
  auto used = writer_->get(edit + "?autosave=use");
  EXPECT_NE(used.body.find(">\nTyped, not saved: the Salang is open.</textarea>"),
            std::string::npos);
  auto fields = form_fields(used.body, edit);
  EXPECT_EQ(writer_->post(edit, fields, false).status, 303);
  EXPECT_EQ(stored(id).fields.body_markdown, "Typed, not saved: the Salang is open.");
  EXPECT_EQ(writer_->get(edit).body.find("A newer autosaved text"), std::string::npos);
  EXPECT_FALSE(db()->snapshot()->autosave(std::stoll(id), 0));
  // Someone who may not edit it, or a request without the token: refused, nothing kept.
  AdminClient other = signed_in("other-writer", "author");
  EXPECT_EQ(other.post(autosave, {{"title", "x"}, {"body", "theirs"}}).status, 403);
  EXPECT_EQ(writer_->post(autosave, {{"title", "x"}, {"body", "forged"}}, false).status, 403);
  EXPECT_EQ(writer_->get(edit).body.find("A newer autosaved text"), std::string::npos);
}

}  // namespace

// Issue 17: the excerpt made from the text follows edits of the text; one written by hand
// stays as written.
TEST_F(Editor, AMadeExcerptFollowsTheTextAndAWrittenOneStays) {
  std::string id =
      create(*writer_, article("Bread prices", "Bread costs more in Kabul this week."));
  EXPECT_EQ(stored(id).fields.excerpt, "Bread costs more in Kabul this week.");
  std::string edit = "/admin/articles/" + id + "/edit";
  auto change = [&](const std::string& name, const std::string& value) {
    Fields fields = form_fields(writer_->get(edit).body, edit);
    set_field(fields, name, value);
    ASSERT_EQ(writer_->post(edit, fields, false).status, 303);
  };
  change("body", "Bread costs less in Kabul this week.");
  EXPECT_EQ(stored(id).fields.excerpt, "Bread costs less in Kabul this week.");
  change("excerpt", "Prices of bread, explained.");
  change("body", "Bread costs the same in Kabul.");
  EXPECT_EQ(stored(id).fields.excerpt, "Prices of bread, explained.");
  EXPECT_EQ(stored(id).fields.body_markdown, "Bread costs the same in Kabul.");
}
