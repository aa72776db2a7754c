// The store contract suite (docs/store.md): written only against the store's headers and
// run once per backend (GoogleTest value-parameterised tests). A backend joins by adding
// itself to backends() in contract.cpp.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "content/clock.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace khabar::test {

struct Backend {
  std::string name;
  // A new, empty store for one test, keeping its files under `dir`.
  std::function<std::unique_ptr<store::Store>(const std::filesystem::path& dir,
                                              const content::Clock& clock)>
      open;
};

std::vector<Backend> backends();

// How GoogleTest names a backend in its messages.
inline void PrintTo(const Backend& b, std::ostream* out) { *out << b.name; }

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  static constexpr content::Timestamp kStart = 1'800'000'000;

  void SetUp() override { db_ = GetParam().open(dir_.path(), clock_); }

  // Runs `work` in one transaction and commits it (the test fails if the commit does).
  void write(const std::function<void(store::Transaction&)>& work);

  content::Id author(const std::string& login, const std::string& name);
  content::Id category(const store::NewCategory& c);
  content::Id tag(const std::string& name, const std::string& slug);
  content::Id article(const std::string& slug, content::Id category,
                      std::vector<content::Id> authors, content::Timestamp published,
                      std::vector<content::Id> tags = {},
                      content::Status status = content::Status::Published,
                      content::Kind kind = content::Kind::Article);
  content::Id add(const store::NewArticle& a);
  // A reader's comment on `article` by R <r@example.org>, held for moderation.
  static store::NewComment by_reader(content::Id article, const std::string& body);
  content::Id comment(const store::NewComment& c);
  content::Id media(const std::string& file, content::Id uploaded_by = 0);

  TempDir dir_;
  content::ManualClock clock_{kStart};
  std::unique_ptr<store::Store> db_;
};

std::vector<std::string> slugs(const std::vector<content::ArticleSummary>& items);
std::vector<std::string> slugs(const std::vector<store::DeskArticle>& items);

}  // namespace khabar::test
