// What every reader page needs to know about the site, gathered once per request.
#pragma once

#include <ctemplate/template.h>

#include <optional>
#include <string>
#include <vector>

#include "content/clock.h"
#include "content/comments.h"
#include "content/model.h"
#include "content/time_zone.h"
#include "http/message.h"
#include "http/static_files.h"
#include "render/theme.h"
#include "security/secret.h"
#include "store/store.h"

namespace khabar::site {

struct SiteSettings {
  std::string title = "Khabar";
  std::string tagline;
  std::string url = "http://127.0.0.1:8080";  // no trailing slash
  std::string language = "en";
  content::TimeZone zone;           // dates on pages are shown in it
  std::vector<std::string> embeds;  // the embed providers enabled (render/embeds.h)
  // Origins the administrator let run scripts / show frames on reader pages (privacy
  // warning in content/settings.cpp); empty by default.
  std::vector<std::string> script_origins, frame_origins;
  // Reader pages' Content-Security-Policy, made once per snapshot (load_snapshot: it
  // names the theme's inline stylesheet).
  std::string security_policy;
  std::string x_handle;                   // the newsroom's account on X ("@khabar"), or ""
  std::string websub_hub;                 // the WebSub hub the feeds name (site/websub.h), or ""
  std::optional<content::Banner> banner;  // the breaking-news banner as last put up
  // The library pictures chosen as the header's logo and the site's icon, if any.
  std::optional<content::Media> logo, icon;
};

SiteSettings load_settings(store::ReaderReads& reads);

struct SiteSnapshot {
  SiteSettings settings;
  std::vector<content::Category> categories;
  std::vector<content::ArticleSummary> pages;  // for the footer
  content::ModerationSettings moderation;
  std::vector<store::MenuItem> menu;  // the header navigation; empty: top-level categories
};

SiteSnapshot load_snapshot(store::ReaderReads& reads, const http::StaticFiles& assets);

// The shared state of one request: settings, categories and the services to render.
struct PageContext {
  store::ReaderReads& reads;  // the request's snapshot: everything a page shows
  store::Store& store;        // for a reader's comment

  const render::Theme& theme;
  const http::StaticFiles& assets;
  const security::Secret& secret;
  const content::Clock& clock;
  content::Timestamp now;  // clock.now() when the page began
  // The site snapshot's parts, not copies: the caller keeps the snapshot alive.
  const SiteSettings& settings;
  const std::vector<content::Category>& categories;
  const std::vector<content::ArticleSummary>& pages;
  const content::ModerationSettings& moderation;
  const std::vector<store::MenuItem>& menu;
  // What the page being built shows (site/cache_tags.h), for the page cache.
  mutable std::vector<std::string> cache_tags;
  void tag(std::string t) const { cache_tags.push_back(std::move(t)); }

  const render::StringTable& strings() const { return theme.strings(); }
  std::string absolute(std::string_view path) const { return settings.url + std::string(path); }
  // A machine-readable time in the site's zone: 2026-11-27T19:14:00+04:30.
  std::string iso_time(content::Timestamp t) const;
};

// A page to put in the layout: the template for <main>, its dictionary (filled by the
// caller through `main`), and what goes in <head>.
class Page {
 public:
  Page(const PageContext& ctx, std::string language, std::string content_template);

  ctemplate::TemplateDictionary& main() { return *main_; }
  ctemplate::TemplateDictionary& root() { return root_; }
  const std::string& language() const { return language_; }

  void set_title(std::string_view title);  // "<title> – <site>"
  void set_description(std::string_view text);
  void set_canonical(std::string_view path);  // site-relative
  void set_feed(std::string_view path, std::string_view title);
  void add_meta_property(std::string_view property, std::string_view content);
  void add_json_ld(const std::string& json);  // a JSON text (made script-safe here)
  void set_current_category(content::Id top_category_id);

  // The whole HTML response (status 200 unless set).
  http::Response render(int status = 200);

 private:
  const PageContext& ctx_;
  std::string language_;
  ctemplate::TemplateDictionary root_;
  ctemplate::TemplateDictionary* main_;
  content::Id current_category_ = 0;
  bool has_image_ = false;  // an og:image was given: a large social card
};

}  // namespace khabar::site
