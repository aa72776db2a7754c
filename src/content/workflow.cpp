#include "content/workflow.h"

#include <array>

namespace khabar::content {
namespace {

constexpr std::array kMoves = {
    Move{"submit", Status::Pending, Action::SubmitForReview},
    Move{"schedule", Status::Scheduled, Action::PublishArticle},  // with a time
    Move{"publish", Status::Published, Action::PublishArticle},
    Move{"unpublish", Status::Draft, Action::PublishArticle},
    Move{"trash", Status::Trash, Action::TrashArticle},
    Move{"restore", Status::Draft, Action::TrashArticle},
};

}  // namespace

std::span<const Move> all_moves() { return kMoves; }

std::optional<Move> find_move(std::string_view name) {
  for (const Move& m : kMoves)
    if (m.name == name) return m;
  return std::nullopt;
}

bool applies(const Move& move, Status from) {
  if (move.name == "submit") return from == Status::Draft;
  if (move.name == "schedule")
    return from == Status::Draft || from == Status::Pending || from == Status::Scheduled;
  if (move.name == "publish")
    return from == Status::Draft || from == Status::Pending || from == Status::Scheduled;
  if (move.name == "unpublish") return from == Status::Published || from == Status::Scheduled;
  if (move.name == "trash") return from != Status::Trash;
  if (move.name == "restore") return from == Status::Trash;
  return false;
}

bool may_move(Role role, Ownership ownership, Status from, const Move& move) {
  if (!applies(move, from)) return false;
  if (role == Role::Contributor && from == Status::Published) return false;
  return can(role, move.needs, ownership);
}

Timestamp publication_time(Status from, Timestamp stored, Timestamp now) {
  return from == Status::Published && stored ? stored : now;
}

bool may_delete(Role role, Ownership ownership, Status from) {
  return from == Status::Trash && can(role, Action::TrashArticle, ownership);
}

bool may_edit(Role role, Ownership ownership, Status from) {
  if (role == Role::Contributor && (from == Status::Published || from == Status::Scheduled))
    return false;
  return can(role, Action::EditArticle, ownership);
}

bool may_see(Role role, Ownership ownership, Status status) {
  return ownership == Ownership::Own || status == Status::Published ||
         can(role, Action::EditArticle, Ownership::Others);
}

}  // namespace khabar::content
