#include "content/capabilities.h"

#include <array>

namespace khabar::content {
namespace {

constexpr std::array kRoles = {Role::Administrator, Role::Editor, Role::Author, Role::Contributor};
constexpr std::array kActions = {
    Action::ViewDashboard,   Action::CreateArticle,    Action::EditArticle,
    Action::SubmitForReview, Action::PublishArticle,   Action::TrashArticle,
    Action::UploadMedia,     Action::ModerateComments, Action::ManageCategories,
    Action::ManageUsers,     Action::ManageSettings,   Action::SetBreakingNews};

// Who may act on their own things, and on other people's (or on the site as a whole).
struct Rule {
  Action action;
  Role least_for_own;     // this role and those above it
  Role least_for_others;  // this role and those above it
};

// Roles are ordered from most to least powerful: "at least Editor" = Administrator or Editor.
constexpr std::array kRules = {
    Rule{Action::ViewDashboard, Role::Contributor, Role::Contributor},
    Rule{Action::CreateArticle, Role::Contributor, Role::Contributor},
    Rule{Action::EditArticle, Role::Contributor, Role::Editor},
    Rule{Action::SubmitForReview, Role::Contributor, Role::Editor},
    Rule{Action::PublishArticle, Role::Author, Role::Editor},
    Rule{Action::TrashArticle, Role::Contributor, Role::Editor},
    // Contributors upload too (a stringer's photos come with their story); changing or
    // deleting someone else's library items is an editor's.
    Rule{Action::UploadMedia, Role::Contributor, Role::Editor},
    Rule{Action::ModerateComments, Role::Editor, Role::Editor},
    Rule{Action::ManageCategories, Role::Editor, Role::Editor},
    Rule{Action::ManageUsers, Role::Administrator, Role::Administrator},
    Rule{Action::ManageSettings, Role::Administrator, Role::Administrator},
    // The banner is on every page at once: the desk's call, as publishing others' work.
    Rule{Action::SetBreakingNews, Role::Editor, Role::Editor},
};
static_assert(kRules.size() == kActions.size());

constexpr bool at_least(Role role, Role least) {
  return static_cast<int>(role) <= static_cast<int>(least);
}

}  // namespace

std::string_view to_string(Role r) {
  switch (r) {
    case Role::Administrator:
      return "administrator";
    case Role::Editor:
      return "editor";
    case Role::Author:
      return "author";
    case Role::Contributor:
      return "contributor";
  }
  return "contributor";
}

std::optional<Role> parse_role(std::string_view s) {
  for (Role r : kRoles)
    if (to_string(r) == s) return r;
  return std::nullopt;
}

std::span<const Role> all_roles() { return kRoles; }

std::string_view to_string(Action a) {
  switch (a) {
    case Action::ViewDashboard:
      return "view_dashboard";
    case Action::CreateArticle:
      return "create_article";
    case Action::EditArticle:
      return "edit_article";
    case Action::SubmitForReview:
      return "submit_for_review";
    case Action::PublishArticle:
      return "publish_article";
    case Action::TrashArticle:
      return "trash_article";
    case Action::UploadMedia:
      return "upload_media";
    case Action::ModerateComments:
      return "moderate_comments";
    case Action::ManageCategories:
      return "manage_categories";
    case Action::ManageUsers:
      return "manage_users";
    case Action::ManageSettings:
      return "manage_settings";
    case Action::SetBreakingNews:
      return "set_breaking_news";
  }
  return "";
}

std::span<const Action> all_actions() { return kActions; }

bool can(Role role, Action action, Ownership ownership) {
  for (const Rule& rule : kRules) {
    if (rule.action != action) continue;
    return at_least(role, ownership == Ownership::Own ? rule.least_for_own : rule.least_for_others);
  }
  return false;
}

bool publishes(Role role) { return can(role, Action::PublishArticle, Ownership::Own); }

}  // namespace khabar::content
