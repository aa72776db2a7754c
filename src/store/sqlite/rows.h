// Reading rows into the content model, shared by the SQLite store's queries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"
#include "store/sqlite/connection.h"

namespace khabar::store::sqlite {

// The columns of an ArticleSummary (table alias "a"), in read_summary's order.
inline constexpr std::string_view kSummaryColumns =
    "a.id, a.kind, a.slug, a.title, a.excerpt, a.language, ifnull(a.published_at, 0), "
    "a.updated_at, ifnull(a.category_id, 0), a.reading_minutes, ifnull(a.featured_media_id, 0)";
inline constexpr int kSummaryColumnCount = 11;
void read_summary(const Statement& s, content::ArticleSummary& out);

// id, display_name, slug, bio, avatar from column `first`.
content::Author read_author(const Statement& s, int first);

// The columns of a Comment (table alias "c"), in read_comment's order.
inline constexpr std::string_view kCommentColumns =
    "c.id, c.article_id, ifnull(c.parent_id, 0), c.author_name, c.author_url, c.body, "
    "c.status, c.created_at";
inline constexpr int kCommentColumnCount = 8;
content::Comment read_comment(const Statement& s, int first);

// "[1,2,3]": ids for json_each().
std::string json_ids(const std::vector<content::Id>& ids);

// The pieces of a statement joined.
std::string sql(std::string_view a, std::string_view b = {}, std::string_view c = {});

// The first column of every row `sql` returns with ?1 bound to `arg` (a list of ids).
std::vector<content::Id> ids(Connection& db, std::string_view sql, content::Id arg);

// The bylines of an article, in order.
std::vector<content::Author> authors_of(Connection& db, content::Id article_id);
// The correction notes of an article, oldest first.
std::vector<content::Correction> corrections_of(Connection& db, content::Id article_id);
// What a card shows beside the summary's own columns: the authors, and the featured
// picture with its variants (three queries for all).
void complete_cards(Connection& db, std::vector<content::ArticleSummary>& items);

}  // namespace khabar::store::sqlite
