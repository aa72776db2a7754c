// The reader pages. Each returns a complete response (404 page when what is asked
// for does not exist). Internal to site/.
#pragma once

#include <string_view>

#include "content/model.h"
#include "http/message.h"
#include "site/page_context.h"

namespace khabar::site {

constexpr int kArticlesPerPage = 10;
constexpr int kFeedItems = 20;

http::Response home_page(PageContext& ctx, int page);
http::Response article_page(PageContext& ctx, const content::Article& article);
http::Response category_page(PageContext& ctx, const content::Category& category, int page);
http::Response tag_page(PageContext& ctx, const content::Tag& tag, int page);
http::Response author_page(PageContext& ctx, const content::Author& author, int page);

// RSS 2.0 of the newest kFeedItems articles of a listing. `listing_path` is the
// site-relative URL of the listing ("/" or "/category/world/").
http::Response rss_feed(PageContext& ctx, const content::ListingFilter& filter,
                        std::string_view title, std::string_view listing_path);

http::Response not_found_page(PageContext& ctx);

}  // namespace khabar::site
