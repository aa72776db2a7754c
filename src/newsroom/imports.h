// Writing what an import read (src/importers/ reads the files): each item is added, or,
// when an earlier run of the same import brought it, updated in place, under the rules
// the desk keeps (store/names.h: a free slug; the tag rule of articles.h). All of one
// import runs in the one transaction the caller passes: a dry run rolls it back.
#pragma once

#include <string>
#include <string_view>

#include "content/model.h"
#include "store/records.h"
#include "store/status.h"
#include "store/transaction.h"

namespace khabar::newsroom {

struct Imported {
  content::Id id = 0;
  bool added = false;  // false: an earlier run's copy was updated
  std::string slug;    // the one it got
};

// The article `a` from `source` ("wp:post") under its key there: updated in place when
// the key names an article that is still here, added (and the key recorded) otherwise.
// Its slug: `a.slug` when free (or already this article's), else the first free
// `slug-2`...; `fallback_slug` when `a.slug` is empty. Conflict or Invalid as add_article.
store::Result<Imported> import_article(store::Transaction& tx, std::string_view source,
                                       std::string_view key, store::NewArticle a,
                                       std::string_view fallback_slug);

}  // namespace khabar::newsroom
