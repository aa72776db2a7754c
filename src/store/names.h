// Unique names, decided in the transaction that takes them (so two saves at once cannot
// both get one): every caller that needs a free slug or login asks here, and all of
// them follow content::first_free ("name", "name-2", "name-3"...).
#pragma once

#include <string>
#include <string_view>

#include "store/transaction.h"

namespace khabar::store {

// `wanted` (a slug) or the first free variant of it among articles and pages; the article
// `self` (0 for a new one) may keep its own.
std::string free_article_slug(Transaction& tx, std::string_view wanted, Id self);

// A public author slug from a name (content::make_slug; "author" when it has no letters).
std::string free_author_slug(Transaction& tx, std::string_view name);

// `wanted` (a login) or the first free variant of it.
std::string free_login(Transaction& tx, std::string_view wanted);

}  // namespace khabar::store
