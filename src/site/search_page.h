// The reader's search page, GET /search/?q=… (docs/search.md, docs/urls.md): results 20
// a page with snippets, filters (category, author, language, from, to), counts by
// category and language, "did you mean". Never cached, never indexed; a client past its
// budget of searches gets 429, a page past kMaxSearchPage 404. Internal to site/.
#pragma once

#include <string>

#include "http/message.h"
#include "security/rate_limit.h"
#include "site/page_context.h"

namespace khabar::site {

inline constexpr int kResultsPerPage = 20;
inline constexpr int kMaxSearchPage = 50;

http::Response search_page(PageContext& ctx, const http::Request& request,
                           security::RateBudget& budget, const std::string& client);

}  // namespace khabar::site
