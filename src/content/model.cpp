#include "content/model.h"

namespace khabar::content {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::Draft:
      return "draft";
    case Status::Pending:
      return "pending";
    case Status::Scheduled:
      return "scheduled";
    case Status::Published:
      return "published";
    case Status::Trash:
      return "trash";
  }
  return "draft";
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status v :
       {Status::Draft, Status::Pending, Status::Scheduled, Status::Published, Status::Trash})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::string_view to_string(Kind k) { return k == Kind::Page ? "page" : "article"; }
Kind parse_kind(std::string_view s) {
  return s == to_string(Kind::Page) ? Kind::Page : Kind::Article;
}

std::string_view to_string(CommentStatus s) {
  switch (s) {
    case CommentStatus::Pending:
      return "pending";
    case CommentStatus::Approved:
      return "approved";
    case CommentStatus::Spam:
      return "spam";
    case CommentStatus::Trash:
      return "trash";
  }
  return "pending";
}

std::optional<CommentStatus> parse_comment_status(std::string_view s) {
  for (CommentStatus v :
       {CommentStatus::Pending, CommentStatus::Approved, CommentStatus::Spam, CommentStatus::Trash})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

}  // namespace khabar::content
