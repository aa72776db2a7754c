// The reader site: routes a request to the page that answers it (docs/urls.md).
// Handles GET and HEAD; every page is rendered from the store on each call (the page
// cache comes in front of this later). Thread-safe: holds no mutable state.
#pragma once

#include <string>
#include <vector>

#include "http/message.h"
#include "http/static_files.h"
#include "render/theme.h"
#include "security/rate_limit.h"
#include "security/secret.h"
#include "store/store.h"

namespace khabar::site {

struct SiteOptions {
  // Peers whose X-Forwarded-For is believed (nginx on the same machine). The client's
  // address is used for flood control and block lists, and is never stored.
  std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
};

class Site {
 public:
  Site(store::Store& store, const render::Theme& theme, const http::StaticFiles& assets,
       const security::Secret& secret, SiteOptions options = {});
  // GET/HEAD: reader pages. POST /<slug>/: a comment on that article.
  http::Response handle(const http::Request& request) const;

  // The client's address: the last X-Forwarded-For hop when the peer is a trusted proxy.
  std::string client_address(const http::Request& request) const;

 private:
  store::Store& store_;
  const render::Theme& theme_;
  const http::StaticFiles& assets_;
  http::Response respond(const http::Request& request) const;

  const security::Secret& secret_;
  SiteOptions options_;
  mutable security::FloodGate flood_{std::chrono::seconds(15)};
};

}  // namespace khabar::site
