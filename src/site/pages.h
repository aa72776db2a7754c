// The reader pages. Each returns a complete response (404 page when what is asked
// for does not exist). Internal to site/.
#pragma once

#include <string_view>

#include "content/comments.h"
#include "content/model.h"
#include "http/message.h"
#include "site/page_context.h"

namespace khabar::site {

constexpr int kArticlesPerPage = 10;
constexpr int kFeedItems = 20;

http::Response home_page(PageContext& ctx, int page);
// What the article page shows besides the article: the comment form's state after a
// failed submission, the comment being replied to, the reader's own held comments.
struct CommentForm {
  std::string author, email, url, comment;
  content::Id parent_id = 0;
  content::FieldErrors errors;  // field -> string-table key
  std::string message;          // string-table key of a message above the form
};
struct ArticleView {
  std::vector<content::Id> own_pending;
  CommentForm form;
  content::Id reply_to = 0;
  int embed = 0;  // the embed the reader asked to see (?embed=N), 0 for none
  int status = 200;
};

http::Response article_page(PageContext& ctx, const content::Article& article,
                            const ArticleView& view = {});
http::Response category_page(PageContext& ctx, const content::Category& category, int page);
http::Response tag_page(PageContext& ctx, const content::Tag& tag, int page);
http::Response author_page(PageContext& ctx, const content::Author& author, int page);

// An article's body as HTML: imported articles carry HTML sanitised at import; written
// ones are Markdown, whose library images become figures (srcset, caption, credit).
std::string body_html(const PageContext& ctx, const content::Article& a);

// RSS 2.0 of the newest kFeedItems articles of a listing. `listing_path` is the
// site-relative URL of the listing ("/" or "/category/world/").
http::Response rss_feed(PageContext& ctx, const content::ListingFilter& filter,
                        std::string_view title, std::string_view listing_path);

// Atom 1.0 (RFC 4287) of the same articles, with their full text: `listing_path` as for
// rss_feed; served at <listing>feed/atom/.
http::Response atom_feed(PageContext& ctx, const content::ListingFilter& filter,
                         std::string_view title, std::string_view listing_path);

// A response that is not a page (a feed, robots.txt), the same for every reader: cached
// with the tags `ctx` gathered.
http::Response cached_response(PageContext& ctx, std::string type, std::string body,
                               std::string cache_control);

// RSS 2.0 of the newest kFeedItems approved comments: the site's (/comments/feed/), or
// those of `article` (/<slug>/feed/). Names and text only: never an email or an address.
http::Response comments_feed(PageContext& ctx, const content::Article* article);

http::Response not_found_page(PageContext& ctx);

}  // namespace khabar::site
