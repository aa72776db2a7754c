// Taking a comment from the article page's form (POST /<slug>/), with every defence:
// size limit, honeypot, signed form token with its age, validation, comments closed,
// duplicates, flood control, then the moderation rules. Internal to site/.
#pragma once

#include <string>
#include <vector>

#include "http/message.h"
#include "security/rate_limit.h"
#include "site/page_context.h"
#include "site/pages.h"

namespace khabar::site {

constexpr std::size_t kMaxCommentBodyBytes = 64 * 1024;
constexpr int kMinFormSeconds = 3;          // faster than this is a robot
constexpr int kMaxFormSeconds = 24 * 3600;  // older forms ask to resubmit
constexpr const char* kOwnCommentsCookie = "khabar_comments";

http::Response post_comment(PageContext& ctx, const http::Request& request,
                            const content::Article& article, security::FloodGate& flood,
                            const std::string& client_ip);

// The ids of the reader's own held comments, from their signed cookie.
std::vector<content::Id> own_pending_comments(const PageContext& ctx, const http::Request& request);

}  // namespace khabar::site
