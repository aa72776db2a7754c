// Writing articles: the editor's save and the workflow's moves, with every rule the desk,
// the command line and the API apply the same way: who may (content/workflow.h), which
// moves apply, the publication time, unique slugs, tags by name, and the old address of a
// published article kept as a 301. Each returns a Status the caller shows: Forbidden (the
// role may not), Invalid (not something this operation does), Conflict (someone changed
// the article meanwhile, or the move no longer applies), NotFound (it is gone),
// Unavailable (nothing stored: try again).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"
#include "store/records.h"
#include "store/status.h"
#include "store/store.h"

namespace khabar::newsroom {

// Who acts: the signed-in account.
struct Actor {
  content::Id id = 0;
  content::Role role = content::Role::Contributor;
};

// Own when the actor is among `author_ids` (an article's bylines).
content::Ownership ownership(const Actor& actor, const std::vector<content::Id>& author_ids);

// The tag rule of every writer (the editor, imports): the tag with `slug` if there is
// one, else a new one named `name` (cut to content::kMaxTagNameBytes; `slug` when empty).
store::Result<content::Id> find_or_make_tag(store::Transaction& tx, std::string_view name,
                                            std::string_view slug);

// A workflow move on one article as the desk read it: "submit", "schedule" (at
// `publish_at`), "publish", "unpublish", "trash", "restore", or "delete" (for good, from
// the trash). Invalid: no such move, or "schedule" without a time; Conflict: it does not
// apply to the article's status, or the status changed since `article` was read (checked
// inside the transaction); Forbidden; NotFound.
store::Status move_article(store::Store& store, const Actor& actor,
                           const store::DeskArticle& article, std::string_view action,
                           std::optional<content::Timestamp> publish_at, content::Timestamp now);

// What the editor saves: the fields as typed (the slug as wished: a free one is taken),
// the tags by name, the version the form was opened at, and the move asked for with the
// save, if any: "submit", "schedule" (at `publish_at`) or "publish".
struct ArticleSave {
  store::NewArticle fields;
  std::string tags;  // as typed: "Kabul, Elections"
  int version = 0;   // of the stored article when the form was opened (0: new)
  std::string move;
  std::optional<content::Timestamp> publish_at;
  // A correction note to add with this save (a published article only, by who may
  // publish it): dated, shown to readers under the text, kept with this save's revision.
  std::string correction;
};

// The longest correction note, in bytes.
constexpr std::size_t kMaxCorrectionBytes = 2000;

// The fields as a save would store them (status and publication time decided by the
// move), or why the actor may not: Forbidden (may not create, edit or move it), Invalid
// (a move the editor does not make, "schedule" without a time, a correction note on an
// unpublished article or too long or not UTF-8). Writes nothing: the desk
// asks before it stores an uploaded picture. `stored` is the article as read, null for a
// new one.
store::Result<store::NewArticle> plan_save(const Actor& actor, const store::EditableArticle* stored,
                                           const ArticleSave& save, content::Timestamp now);

// plan_save, then one transaction: a free slug, the tags found or made, the save with
// its revision and its correction note, and the old address when a published article's slug
// changed. Conflict: someone saved since `save.version`; nothing is stored (the caller shows
// theirs).
store::Result<store::SaveOutcome> save_article(store::Store& store, const Actor& actor,
                                               const store::EditableArticle* stored,
                                               const ArticleSave& save, content::Timestamp now);

}  // namespace khabar::newsroom
