// "Check Also": which published article to suggest after one, on a given connection.
#pragma once

#include <optional>

#include "content/model.h"
#include "store/sqlite/connection.h"

namespace khabar::store::sqlite {

// Same primary category first, then the most shared tags, then the newest; among a
// bounded set of candidates (the newest of the category's and the tags' listings), read
// from the listing rows alone. Nothing if the site has no other article.
std::optional<content::Id> related_article_id(Connection& db, const content::Article& a);

}  // namespace khabar::store::sqlite
