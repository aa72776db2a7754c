// The reader site: routes a request to the page that answers it (docs/urls.md).
// Handles GET and HEAD; every page is rendered from the store on each call (the page
// cache comes in front of this later). Thread-safe: holds no mutable state.
#pragma once

#include "http/message.h"
#include "http/static_files.h"
#include "render/theme.h"
#include "store/store.h"

namespace khabar::site {

class Site {
 public:
  Site(store::Store& store, const render::Theme& theme, const http::StaticFiles& assets);
  http::Response handle(const http::Request& request) const;

 private:
  store::Store& store_;
  const render::Theme& theme_;
  const http::StaticFiles& assets_;
};

}  // namespace khabar::site
