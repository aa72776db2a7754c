// Writing an article's rows: the articles row's columns, bylines, tags, extra categories
// and its listings rows (migration 0004 says what they are).
#pragma once

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace khabar::store::sqlite {

// Binds the NewArticle columns of the INSERT and UPDATE statements (?1-?12, ?14, ?17-?19).
void bind_article(Statement& s, const NewArticle& a);
// Inserts the bylines (in order), tags and extra categories of article `id`.
void write_bylines_and_tags(Connection& db, Id id, const NewArticle& a);
// Rewrites the listings rows of one article from what is stored.
void refresh_listings(Connection& db, Id id);
// Rewrites every row derived from an article (its listings and its search row) from what
// is stored: after any write of its fields, status or tags.
void refresh_derived_rows(Connection& db, Id id);

}  // namespace khabar::store::sqlite
