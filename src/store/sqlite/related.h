// "Check Also": which published article to suggest after one, on a given connection.
#pragma once

#include <optional>

#include "content/model.h"
#include "store/sqlite/connection.h"

namespace khabar::store::sqlite {

// The article worked out for `a` by content (refresh_related) while it is still
// published; otherwise, from the listing rows alone: same primary category first, then
// the most shared tags, then the newest, among a bounded set of candidates (the newest of
// the category's and the tags' listings). Nothing if the site has no other article.
// Reading it does no search work.
std::optional<content::Id> related_article_id(Connection& db, const content::Article& a);

// Works out and keeps (related_articles) the "Check Also" of article `id` by its content:
// its most distinctive words (highest TF-IDF over the index) as a query, the best
// matches then weighed with the same category, shared tags and nearness in time; only
// articles in its language when there are some. An article not published keeps none.
// Called when an article is saved in the editor or published.
void refresh_related(Connection& db, content::Id id);

}  // namespace khabar::store::sqlite
