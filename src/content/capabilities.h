// Roles and what each may do: the single place these rules live (WordPress's semantics).
// Every admin handler asks `can` before acting; tests walk the whole table.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace khabar::content {

enum class Role { Administrator, Editor, Author, Contributor };

std::string_view to_string(Role r);
std::optional<Role> parse_role(std::string_view s);
std::span<const Role> all_roles();

enum class Action {
  ViewDashboard,    // the admin shell itself
  CreateArticle,    // start a draft
  EditArticle,      // change an article (a contributor: only while it is unpublished)
  SubmitForReview,  // draft -> pending
  PublishArticle,   // -> published or scheduled; unpublish
  TrashArticle,     // -> trash (and back)
  UploadMedia,
  ModerateComments,  // approve, spam, trash comments
  ManageCategories,  // categories and tags
  ManageUsers,       // invite, change role, disable, reset 2FA
  ManageSettings,    // site settings
  SetBreakingNews,   // put up or take down the breaking-news banner
};

std::string_view to_string(Action a);
std::span<const Action> all_actions();

// Whose thing an action is about: the user's own article, someone else's, or nothing in
// particular (settings, users, comments...).
enum class Ownership { None, Own, Others };

// Whether `role` may do `action` on something of `ownership`.
bool can(Role role, Action action, Ownership ownership = Ownership::None);

// Roles that can publish (the "require two-factor for publishing roles" setting).
bool publishes(Role role);

}  // namespace khabar::content
