// The newsroom desk's queries (lists, the editor's article, revisions) on a given
// connection: the SQLite store calls them with a reader's or the writer's.
#pragma once

#include <optional>
#include <vector>

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace khabar::store::sqlite {

std::optional<DeskArticle> desk_article(Connection& db, Id id);
std::vector<DeskArticle> desk_articles(Connection& db, const DeskFilter& filter);
std::optional<EditableArticle> article_for_edit(Connection& db, Id id);
std::vector<Revision> revisions(Connection& db, Id article_id);  // newest first
std::optional<Revision> revision(Connection& db, Id id);
std::vector<DeskTag> desk_tags(Connection& db);  // by name, with article counts
std::vector<MenuItem> menu(Connection& db);
void set_menu(Connection& db, const std::vector<MenuItem>& items);
// Deletes an article for good (comments, revisions, listings go with it; so do the
// redirects to its address and its import key). False if there is none.
bool delete_article(Connection& db, Id id);
// False if there is no such tag or another tag has `slug`.
bool update_tag(Connection& db, Id id, std::string_view name, std::string_view slug);
bool delete_tag(Connection& db, Id id);  // and its listing rows
std::optional<Autosave> autosave(Connection& db, Id article_id, Id user_id);
void set_autosave(Connection& db, const Autosave& a);
void add_revision(Connection& db, Id article, int version, Id user_id, content::Timestamp now,
                  const NewArticle& a);

}  // namespace khabar::store::sqlite
