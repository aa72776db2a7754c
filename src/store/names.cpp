#include "store/names.h"

#include "content/text.h"

namespace khabar::store {

std::string free_article_slug(Transaction& tx, std::string_view wanted, Id self) {
  return content::first_free(wanted, [&](const std::string& slug) {
    auto owner = tx.article_id_by_slug(slug);
    return owner && *owner != self;
  });
}

std::string free_author_slug(Transaction& tx, std::string_view name) {
  std::string base = content::make_slug(name);
  if (base.empty()) base = "author";
  return content::first_free(
      base, [&](const std::string& slug) { return tx.user_id_by_slug(slug).has_value(); });
}

std::string free_login(Transaction& tx, std::string_view wanted) {
  return content::first_free(
      wanted, [&](const std::string& login) { return tx.user_id_by_login(login).has_value(); });
}

}  // namespace khabar::store
