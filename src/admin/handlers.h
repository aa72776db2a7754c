// The admin's pages, one function per screen. Each takes the request's Context (with
// the signed-in user set, except for the sign-in screens) and answers it; each checks
// the capability it needs (content/capabilities.h) itself.
#pragma once

#include <string_view>

#include "admin/context.h"

namespace khabar::admin {

// Sign-in: GET/POST /admin/login, POST /admin/logout, GET/POST /admin/password?token=
http::Response login(Context& ctx);
http::Response logout(Context& ctx);
http::Response set_password(Context& ctx);
http::Response forgot_password(Context& ctx);  // "Forgot your password?" (with [mail])

http::Response dashboard(Context& ctx);
http::Response articles(Context& ctx);                             // GET /admin/articles
http::Response article_action(Context& ctx, std::string_view id);  // POST /admin/articles/<id>
http::Response article_editor(Context& ctx, std::string_view id);  // /admin/articles/<id|new>/edit
// POST /admin/articles/<id|new>/autosave (the editor's script): 204, or an error page.
http::Response article_autosave(Context& ctx, std::string_view id);
http::Response article_revisions(Context& ctx,
                                 std::string_view id);          // /admin/articles/<id>/revisions
http::Response comments(Context& ctx);                          // /admin/comments
http::Response users(Context& ctx);                             // /admin/users
http::Response user_action(Context& ctx, std::string_view id);  // POST /admin/users/<id>
http::Response profile(Context& ctx);                           // /admin/profile
http::Response two_factor(Context& ctx);                        // /admin/two-factor
http::Response site_settings(Context& ctx);                     // /admin/settings
http::Response categories(Context& ctx);                        // /admin/categories
http::Response category_action(Context& ctx, std::string_view id);  // POST /admin/categories/<id>

http::Response media_library(Context& ctx);                    // /admin/media
http::Response media_item(Context& ctx, std::string_view id);  // /admin/media/<id>
http::Response tags(Context& ctx);                             // /admin/tags
http::Response tag_action(Context& ctx, std::string_view id);  // POST /admin/tags/<id>
http::Response menu(Context& ctx);                             // /admin/menu
http::Response breaking_news(Context& ctx);                    // /admin/breaking

// 403 page for an action the user's role may not do.
http::Response forbidden(const Context& ctx);

// The article `id_text` names, when this user may edit it; else nothing, with the answer
// (404, 403) in `refusal`. The editor, its autosave and the revisions ask the same.
std::optional<store::EditableArticle> article_to_edit(Context& ctx, std::string_view id_text,
                                                      http::Response& refusal);

// A body's text as the editor reckons it (excerpt, reading time): of its HTML, or of its
// Markdown without embeds and pasted embed code.
std::string body_plain_text(std::string_view markdown, std::string_view html);

}  // namespace khabar::admin
