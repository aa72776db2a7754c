// The breaking-news banner, put up and taken down by editors and above from the desk (or
// the command line): checked here, stored in one transaction, and shown on every reader
// page at once (store: ChangeKind::Banner).
#pragma once

#include <string>

#include "content/model.h"
#include "newsroom/articles.h"
#include "store/status.h"
#include "store/store.h"

namespace khabar::newsroom {

inline constexpr std::size_t kBannerMaxChars = 200;

// What the desk asks for.
struct BannerRequest {
  std::string text;              // one line; line breaks become spaces
  std::string url;               // "", a path on the site ("/slug/"), or an http(s) address
  std::string language;          // a language code ("en", "ps")
  content::Timestamp until = 0;  // 0: until taken down; else later than now
};

// Puts up the banner (replacing any): Forbidden unless the actor may, Invalid (with the
// problem, in words for the desk) for an empty or too long line, a link that is neither a
// path on the site nor an http(s) address, an unknown language code, or an end in the past.
store::Status put_up_banner(store::Store& store, const Actor& actor, const BannerRequest& request,
                            content::Timestamp now);

// Takes it down (nothing to take down is not an error). Forbidden unless the actor may.
store::Status take_down_banner(store::Store& store, const Actor& actor);

}  // namespace khabar::newsroom
