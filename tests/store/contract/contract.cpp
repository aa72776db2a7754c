#include "store/contract/contract.h"

#include "store/open.h"

namespace khabar::test {

std::vector<Backend> backends() {
  return {
      {"sqlite",
       [](const std::filesystem::path& dir, const content::Clock& clock) {
         return store::open_store(
             {.location = (dir / "khabar.db").string(), .create = true, .clock = &clock});
       }},
  };
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return info.param.name;
                         });

void StoreContract::write(const std::function<void(store::Transaction&)>& work) {
  auto tx = db_->begin();
  work(*tx);
  auto status = tx->commit();
  ASSERT_TRUE(status) << status.to_string();
}

content::Id StoreContract::author(const std::string& login, const std::string& name) {
  content::Id id = 0;
  write([&](store::Transaction& tx) {
    id = tx.add_user(
               {login, login + "@example.org", name, login + "-slug", "Bio of " + name, "author"})
             .or_throw();
  });
  return id;
}

store::NewComment StoreContract::by_reader(content::Id article, const std::string& body) {
  store::NewComment c;
  c.article_id = article;
  c.author_name = "R";
  c.author_email = "r@example.org";
  c.body = body;
  return c;
}

content::Id StoreContract::category(const store::NewCategory& c) {
  content::Id id = 0;
  write([&](store::Transaction& tx) { id = tx.add_category(c).or_throw(); });
  return id;
}

content::Id StoreContract::tag(const std::string& name, const std::string& slug) {
  content::Id id = 0;
  write([&](store::Transaction& tx) { id = tx.add_tag(name, slug).or_throw(); });
  return id;
}

content::Id StoreContract::article(const std::string& slug, content::Id category,
                                   std::vector<content::Id> authors, content::Timestamp published,
                                   std::vector<content::Id> tags, content::Status status,
                                   content::Kind kind) {
  store::NewArticle a;
  a.slug = slug;
  a.title = "Title " + slug;
  a.excerpt = "Excerpt " + slug;
  a.body_markdown = "Body of " + slug;
  a.category_id = category;
  a.author_ids = std::move(authors);
  a.tag_ids = std::move(tags);
  a.status = status;
  a.kind = kind;
  a.published_at = published;
  return add(a);
}

content::Id StoreContract::add(const store::NewArticle& a) {
  content::Id id = 0;
  write([&](store::Transaction& tx) { id = tx.add_article(a).or_throw(); });
  return id;
}

content::Id StoreContract::comment(const store::NewComment& c) {
  content::Id id = 0;
  write([&](store::Transaction& tx) { id = tx.add_comment(c).or_throw(); });
  return id;
}

content::Id StoreContract::media(const std::string& file, content::Id uploaded_by) {
  store::NewMedia m;
  m.original = {file, "image/jpeg", 1600, 900, 123456};
  m.variants = {{file + ".640.webp", "image/webp", 640, 360, 20000}};
  m.alt = "Alt of " + file;
  m.caption = "Caption";
  m.credit = "Credit";
  m.original_name = "photo.jpg";
  m.uploaded_by = uploaded_by;
  content::Id id = 0;
  write([&](store::Transaction& tx) { id = tx.add_media(m).or_throw(); });
  return id;
}

std::vector<std::string> slugs(const std::vector<content::ArticleSummary>& items) {
  std::vector<std::string> out;
  for (const auto& a : items) out.push_back(a.slug);
  return out;
}

std::vector<std::string> slugs(const std::vector<store::DeskArticle>& items) {
  std::vector<std::string> out;
  for (const auto& a : items) out.push_back(a.slug);
  return out;
}

}  // namespace khabar::test
