// `khabar demo`: original sample content written for this project, so a new site has
// something real-looking to show: categories (World > Asia nested), four authors with
// bios, 60+ articles (some in Pashto, right to left), tags, source lines, threaded
// comments and an About page. Idempotent: what exists (by slug/login/path) is skipped.
#pragma once

#include "store/store.h"

namespace khabar::app {

struct DemoReport {
  int categories = 0, authors = 0, tags = 0, articles = 0, pages = 0, comments = 0;
};

// Adds whatever of the demo content is missing, in one transaction.
DemoReport fill_demo(store::Store& store, std::int64_t now);

}  // namespace khabar::app
