#include "site/comment_post.h"

#include "content/text.h"
#include "content/urls.h"
#include "http/cookies.h"
#include "http/url.h"

namespace khabar::site {
namespace {

std::vector<content::Id> parse_ids(std::string_view list) {
  std::vector<content::Id> ids;
  for (std::string_view piece : content::split(list, '-'))
    if (auto id = content::parse_integer(piece); id && *id > 0) ids.push_back(*id);
  return ids;
}

http::Response rerender(PageContext& ctx, const content::Article& a, const http::Request& request,
                        CommentForm form, int status) {
  ArticleView view;
  view.own_pending = own_pending_comments(ctx, request);
  view.form = std::move(form);
  view.status = status;
  return article_page(ctx, a, view);
}

}  // namespace

std::vector<content::Id> own_pending_comments(const PageContext& ctx,
                                              const http::Request& request) {
  auto raw = http::cookie(request, kOwnCommentsCookie);
  if (!raw) return {};
  auto value = ctx.secret.verify("own-comments", *raw);
  return value ? parse_ids(*value) : std::vector<content::Id>{};
}

http::Response post_comment(PageContext& ctx, const http::Request& request,
                            const content::Article& a, security::FloodGate& flood,
                            const std::string& client_ip) {
  if (request.body.size() > kMaxCommentBodyBytes)
    return http::Response::plain(413,
                                 "Your comment is too large: a comment form may send at "
                                 "most 64 KiB. Nothing was saved.");
  std::string_view type = request.header("content-type");
  if (!type.starts_with("application/x-www-form-urlencoded"))
    return http::Response::plain(415,
                                 "Comments are sent as an HTML form "
                                 "(application/x-www-form-urlencoded).");
  std::map<std::string, std::string> fields;
  for (auto& [k, v] : http::parse_query(request.body)) fields.emplace(k, v);
  auto field = [&](const char* name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  };

  // Robots: the hidden field filled in, or a form sent too fast, or not from our page.
  if (!field("fax").empty())
    return http::Response::plain(403, "Your comment looks like spam and was not accepted.");
  // The token is "<article id>-<time served>", signed.
  std::int64_t served_at = 0;
  bool token_ok = false;
  if (auto token = ctx.secret.verify("comment-form", field("_token"))) {
    auto parts = content::split(*token, '-');
    auto article_id = parts.size() == 2 ? content::parse_integer(parts[0]) : std::nullopt;
    auto time = parts.size() == 2 ? content::parse_integer(parts[1]) : std::nullopt;
    token_ok = article_id && time && *article_id == a.id;
    if (token_ok) served_at = *time;
  }
  if (!token_ok)
    return http::Response::plain(403,
                                 "This comment form was not sent from this article's page. "
                                 "Please reload the page and write your comment there.");
  if (ctx.now - served_at < kMinFormSeconds)
    return http::Response::plain(403,
                                 "Your comment was sent too quickly after the page loaded "
                                 "and looks like spam. It was not accepted.");

  content::CommentSubmission s;
  s.name = field("author");
  s.email = field("email");
  s.url = field("url");
  s.body = field("comment");
  s.ip = client_ip;
  s.parent_id = content::parse_integer(field("comment_parent")).value_or(0);
  CommentForm form{s.name, s.email, s.url, s.body, s.parent_id, {}, ""};
  if (ctx.now - served_at > kMaxFormSeconds) {
    form.message = "error_resubmit";
    return rerender(ctx, a, request, form, 400);
  }
  const auto& moderation = ctx.moderation;
  if (!content::comments_open(a, moderation, ctx.now)) {
    form.message = "error_comments_closed";
    return rerender(ctx, a, request, form, 403);
  }
  s = content::normalise_comment(std::move(s));
  form.errors = content::validate_comment(s);
  if (s.parent_id) {
    auto parent = ctx.reads.comment(s.parent_id);
    if (!parent || parent->article_id != a.id ||
        parent->status != content::CommentStatus::Approved) {
      form.message = "error_parent_invalid";
      form.parent_id = 0;
      return rerender(ctx, a, request, form, 422);
    }
  }
  if (!form.errors.empty()) return rerender(ctx, a, request, form, 422);
  if (moderation.flood_seconds > 0) {
    flood.set_interval(std::chrono::seconds(moderation.flood_seconds));
    if (!flood.allow(client_ip)) {
      http::Response r = http::Response::plain(
          429, "You are posting comments too quickly. Please wait " +
                   std::to_string(flood.retry_after(client_ip)) +
                   " seconds and send it again (use your browser's Back button: "
                   "your text is still there).");
      r.set_header("Retry-After", std::to_string(flood.retry_after(client_ip)));
      return r;
    }
  }

  store::NewComment c;
  c.article_id = a.id;
  c.parent_id = s.parent_id;
  c.author_name = s.name;
  c.author_email = s.email;
  c.author_url = s.url;
  c.body = s.body;
  c.status = content::classify_comment(s, moderation, ctx.reads.has_approved_comment_by(s.email));
  c.created_at = ctx.now;
  c.user_agent = content::truncate_utf8(request.header("user-agent"), 255);
  auto added = ctx.store.add_reader_comment(c);  // returns after the commit
  if (!added) {
    if (moderation.flood_seconds > 0) flood.forget(client_ip);  // nothing was posted
    // Checked again where it is stored: the article may have gone, or closed, meanwhile.
    if (added.code() == store::Code::NotFound) return not_found_page(ctx);
    form.message =
        added.code() == store::Code::Forbidden ? "error_comments_closed" : "error_duplicate";
    return rerender(ctx, a, request, form, added.code() == store::Code::Forbidden ? 403 : 409);
  }
  content::Id id = *added;

  std::string url = content::article_url(a.slug);
  if (c.status == content::CommentStatus::Spam)
    return http::Response::redirect(303, url + "#comments");
  http::Response r = http::Response::redirect(303, url + "#comment-" + std::to_string(id));
  if (c.status == content::CommentStatus::Pending) {
    // Remember the reader's held comments (the newest 20) in a signed cookie so that
    // they, and only they, see them marked as awaiting moderation.
    auto ids = own_pending_comments(ctx, request);
    ids.push_back(id);
    if (ids.size() > 20) ids.erase(ids.begin(), ids.end() - 20);
    std::string list;
    for (auto i : ids) list += (list.empty() ? "" : "-") + std::to_string(i);
    http::CookieOptions options;
    options.max_age_seconds = 30 * 86400;
    options.secure = ctx.settings.url.starts_with("https://");
    r.headers.emplace_back(
        "Set-Cookie",
        http::set_cookie(kOwnCommentsCookie, ctx.secret.sign("own-comments", list), options));
  }
  return r;
}

}  // namespace khabar::site
