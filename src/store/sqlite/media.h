// The media library's rows (originals, their width variants and crops) as statements on a
// given connection (the store picks a reader or the writer).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace khabar::store::sqlite {

Id add_media(Connection& db, const NewMedia& m, Timestamp now);
// Stores `crops` (kCropRatios' shapes in that order) as item `id`'s, replacing any.
void add_media_crops(Connection& db, Id id, const std::vector<content::MediaFile>& crops);
std::optional<std::string> media_file(Connection& db, Id id);
std::optional<content::Media> media(Connection& db, Id id);
std::vector<content::Media> media_by_files(Connection& db, const std::vector<std::string>& files);
// The items of `ids` that exist, with their variants, in two queries: for cards, which
// show a srcset and never a crop (the article's own picture is read by media(), whole).
std::unordered_map<Id, content::Media> media_by_ids(Connection& db, const std::vector<Id>& ids);
std::vector<content::Media> media_library(Connection& db, const MediaFilter& filter);
// The ids of the articles that show item `id` (featured image or file in the text).
std::vector<Id> articles_using_media(Connection& db, Id id);
bool update_media_text(Connection& db, Id id, std::string_view alt, std::string_view caption,
                       std::string_view credit);
// Deletes the row (variants go with it); returns it as it was.
std::optional<content::Media> delete_media(Connection& db, Id id);

}  // namespace khabar::store::sqlite
