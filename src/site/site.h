// The reader site: routes a request to the page that answers it (docs/urls.md).
// Handles GET and HEAD; every page is rendered from the store on each call (the page
// cache comes in front of this later). Thread-safe: holds no mutable state.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "content/clock.h"
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
  // Where "now" comes from (the comment form's token, dates on pages); tests pass a
  // content::ManualClock. Must outlive the site.
  const content::Clock* clock = &content::system_clock();
  // The media library's folder (the site icon is made from a picture in it).
  std::filesystem::path media_dir = "media";
};

// What every page shows of the site as a whole, read once and kept until a change to
// settings, categories or pages: saves a dozen queries per rendered page.
struct SiteSnapshot;
struct PageContext;

class Site {
 public:
  using ChangeListener = std::function<void(const std::vector<store::Change>& changes)>;

  Site(store::Store& store, const render::Theme& theme, const http::StaticFiles& assets,
       const security::Secret& secret, SiteOptions options = {});
  // GET/HEAD: reader pages. POST /<slug>/: a comment on that article.
  http::Response handle(const http::Request& request) const;

  // Whether the request carries a genuine "my held comments" cookie (signed by this site):
  // its pages are the reader's own. A forged or junk cookie does not count.
  bool has_own_comments(const http::Request& request) const;

  // The client's address: the last X-Forwarded-For hop when the peer is a trusted proxy.
  std::string client_address(const http::Request& request) const;

  // Reads what was committed since the last call (by any process; free when nothing
  // was), drops the site snapshot if it is affected, and tells the listener. Called by
  // handle() and, before the page cache, by the server.
  void sync_changes() const;
  void on_changes(ChangeListener listener) { listener_ = std::move(listener); }

 private:
  store::Store& store_;
  const render::Theme& theme_;
  const http::StaticFiles& assets_;
  http::Response respond(PageContext& ctx, const http::Request& request) const;
  // Where an address of the site's previous software (an import) lives now.
  std::optional<std::string> old_address(store::ReaderReads& reads, const std::string& path) const;
  // The site-wide state, read through `reads` when the kept one was dropped.
  std::shared_ptr<const SiteSnapshot> site_state(store::ReaderReads& reads) const;

  const security::Secret& secret_;
  SiteOptions options_;
  mutable security::FloodGate flood_{std::chrono::seconds(15)};
  mutable security::RateBudget search_budget_{
      30};  // searches per client (setting search_per_minute)
  ChangeListener listener_;
  mutable std::mutex sync_mutex_;
  mutable std::int64_t change_cursor_ = 0;
  mutable std::shared_ptr<const SiteSnapshot> snapshot_;
};

}  // namespace khabar::site
