// Moderating comments and changing site settings: the same operation whether the desk
// or the command line asks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/model.h"
#include "store/status.h"
#include "store/store.h"

namespace khabar::newsroom {

// What a moderator does to comments: a new status, or deleting them for good.
struct Moderation {
  std::optional<content::CommentStatus> status;  // none: delete
};

// "approve", "pending", "spam", "trash" or "delete"; none for anything else.
std::optional<Moderation> parse_moderation(std::string_view action);

// Applies `m` to the comments `ids` in one transaction; returns those that existed.
store::Result<std::vector<content::Id>> moderate(store::Store& store,
                                                 const std::vector<content::Id>& ids, Moderation m);

// Sets site settings (content/settings.h) in one transaction, each checked and normalised
// by its spec: Invalid (with the first problem, nothing stored) for an unknown key or a
// value the spec refuses.
store::Status change_settings(store::Store& store,
                              const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace khabar::newsroom
