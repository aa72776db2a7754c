// The publishing workflow: draft -> pending review -> scheduled -> published, unpublish,
// trash and restore, and who may make each move (with capabilities.h). Pure.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "content/capabilities.h"
#include "content/model.h"

namespace khabar::content {

// A move a user asks for by name ("submit", "schedule", "publish", "unpublish", "trash",
// "restore"). Deleting for good is not a move (the article is gone): see may_delete.
struct Move {
  std::string_view name;
  Status to;
  Action needs;
};
std::span<const Move> all_moves();
std::optional<Move> find_move(std::string_view name);

// Whether `move` applies to an article in `from` at all (e.g. only a draft is submitted).
bool applies(const Move& move, Status from);

// Whether `role` may make `move` on an article in `from` that is `ownership`'s.
// Contributors never touch what is published.
bool may_move(Role role, Ownership ownership, Status from, const Move& move);

// The publication time an article in `from` gets when it is published, whichever screen
// publishes it (the editor, the list): now, unless it is published already (a correction
// keeps its date). A scheduled article published early is published now, not at the
// time it was scheduled for.
Timestamp publication_time(Status from, Timestamp stored, Timestamp now);

// Whether `role` may delete for good an article in `from` (only from the trash).
bool may_delete(Role role, Ownership ownership, Status from);

// Whether `role` may change the text of an article in `from` that is `ownership`'s:
// EditArticle, and contributors only while it is unpublished.
bool may_edit(Role role, Ownership ownership, Status from);

// Whether `role` may know of an article at all (its title in the desk, "used in" lists):
// its own, anything published, and the rest for those who may edit others' articles.
bool may_see(Role role, Ownership ownership, Status status);

}  // namespace khabar::content
