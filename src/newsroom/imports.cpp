#include "newsroom/imports.h"

#include "store/names.h"

namespace khabar::newsroom {

store::Result<Imported> import_article(store::Transaction& tx, std::string_view source,
                                       std::string_view key, store::NewArticle a,
                                       std::string_view fallback_slug) {
  auto existing = tx.import_target(source, key);
  content::Id self = existing.value_or(0);
  a.slug = store::free_article_slug(tx, a.slug, self);
  if (a.slug.empty()) a.slug = store::free_article_slug(tx, fallback_slug, self);
  // The earlier copy may have been deleted on the desk since: then it comes back as new.
  if (existing && tx.update_article(*existing, a)) return Imported{*existing, false, a.slug};
  auto id = tx.add_article(a);
  if (!id) return id.status();
  tx.set_import_target(source, key, *id);
  return Imported{*id, true, a.slug};
}

}  // namespace khabar::newsroom
