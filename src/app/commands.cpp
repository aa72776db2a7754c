#include "app/commands.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "admin/admin.h"
#include "app/cli_support.h"
#include "app/config.h"
#include "app/demo.h"
#include "app/health.h"
#include "app/store_errors.h"
#include "content/language.h"
#include "http/media_files.h"
#include "http/page_cache.h"
#include "http/server.h"
#include "http/static_files.h"
#include "mail/postman.h"
#include "newsroom/accounts.h"
#include "newsroom/workflow.h"
#include "render/theme.h"
#include "security/secret.h"
#include "site/cache_tags.h"
#include "site/page_context.h"
#include "site/site.h"
#include "site/websub.h"
#include "store/open.h"
#include "store/sqlite/sqlite_store.h"

namespace khabar::app {
namespace fs = std::filesystem;

namespace {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The answer when the database cannot answer now (store::Code::Unavailable).
}  // namespace

int run_init(const InitOptions& o) {
  if (!content::is_valid_language_code(o.language))
    return fail("--language '" + o.language + "' is not a language code (e.g. en, ps, fa)");
  if (!o.url.starts_with("http://") && !o.url.starts_with("https://"))
    return fail("--url '" + o.url + "' must start with http:// or https://");
  if (o.title.empty()) return fail("--title must not be empty");
  std::error_code ec;
  for (const char* name : {"khabar.toml", "khabar.db"})
    if (fs::exists(o.data_dir / name, ec))
      return fail(o.data_dir.string() + " already holds a site (" + name +
                  " exists); nothing was changed. Choose another --data directory.");
  fs::create_directories(o.data_dir, ec);
  if (ec) return fail("cannot create " + o.data_dir.string() + ": " + ec.message());
  // Named after the site until the administrator sets a name: never after the login.
  newsroom::NewAccount first_admin{o.admin_login, o.admin_email,
                                   o.admin_name.empty() ? o.title : o.admin_name,
                                   content::Role::Administrator};
  std::string admin_link;
  try {
    if (!o.admin_login.empty())
      if (auto problem = newsroom::new_account_problem(first_admin))
        return fail("--admin-login: " + *problem);
    auto db_path = o.data_dir / "khabar.db";
    auto store = store::open_store({.location = db_path.string(), .create = true});
    auto tx = store->begin();
    tx->set_setting("title", o.title);
    tx->set_setting("tagline", o.tagline);
    tx->set_setting("url", o.url);
    tx->set_setting("language", o.language);
    tx->commit().or_throw();
    if (!o.admin_login.empty())
      admin_link =
          newsroom::create_account(*store, first_admin, o.url, now_seconds()).or_throw().link;
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  std::ofstream toml(o.data_dir / "khabar.toml");
  toml << default_config_text(security::new_secret_hex());
  if (!toml) return fail("cannot write " + (o.data_dir / "khabar.toml").string());
  std::cout << "Created a Khabar site in " << o.data_dir.string() << " (schema version "
            << store::sqlite_schema_version() << ").\n";
  if (!admin_link.empty())
    std::cout << "The administrator '" << o.admin_login
              << "' chooses a password with this link (once, within 24 hours):\n"
              << admin_link << "\n";
  std::cout << "Serve it with: khabar serve --data " << o.data_dir.string() << "\n";
  return 0;
}

int run_demo(const fs::path& data_dir) {
  std::string error;
  auto config = load_config(data_dir, &error);
  if (!config) return fail(error);
  try {
    auto store = store::open_store({.location = config->database_path().string()});
    DemoReport r = fill_demo(*store, now_seconds());
    std::cout << "Demo content added: " << r.categories << " categories, " << r.authors
              << " authors, " << r.tags << " tags, " << r.articles << " articles, " << r.pages
              << " pages, " << r.comments << " comments.\n";
    if (r.articles + r.pages + r.categories == 0)
      std::cout << "(The demo content was already there; nothing was added twice.)\n";
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  return 0;
}

int run_backup(const fs::path& data_dir, const fs::path& destination) {
  std::string error;
  auto config = load_config(data_dir, &error);
  if (!config) return fail(error);
  try {
    store::backup_sqlite(config->database_path().string(), destination.string());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  std::cout << "Backed up " << config->database_path().string() << " to " << destination.string()
            << " (" << fs::file_size(destination) << " bytes).\n";
  return 0;
}

// Sites made before Khabar created its files private (0600) are made private at start.
void make_private(const fs::path& data_dir) {
  for (const char* name : {"khabar.toml", "khabar.db", "khabar.db-wal", "khabar.db-shm"}) {
    std::error_code ec;
    auto path = data_dir / name;
    auto perms = fs::status(path, ec).permissions();
    if (ec || (perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none) continue;
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, ec);
    if (!ec)
      spdlog::warn("{} was readable by other users; it is now private (0600)", path.string());
  }
}

int run_serve(const ServeOptions& o) {
  std::string error;
  auto config = load_config(o.data_dir, &error);
  if (!config) return fail(error);
  make_private(o.data_dir);
  if (!ensure_secret(*config, &error)) return fail(error);
  std::string listen = o.listen.empty() ? config->listen : o.listen;
  http::ServerOptions server_options;
  if (!parse_listen(listen, &server_options.address, &server_options.port))
    return fail("--listen '" + listen + "' is not host:port (e.g. 127.0.0.1:8080)");
  int threads = o.threads >= 0 ? o.threads : config->threads;
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  server_options.threads = threads;
  server_options.worker_threads = config->admin_threads;
  server_options.commit_threads = config->commit_threads;
  server_options.read_timeout = std::chrono::milliseconds(config->read_timeout_ms);
  server_options.idle_timeout = std::chrono::milliseconds(config->idle_timeout_ms);
  server_options.body_limit = static_cast<std::size_t>(config->max_body_bytes);
  server_options.upload_body_limit = static_cast<std::size_t>(config->max_upload_bytes);
  server_options.body_memory_limit = static_cast<std::size_t>(config->body_memory_mb) << 20;
  server_options.max_connections = config->max_connections;
  server_options.shed_idle_at = config->shed_idle_at;
  server_options.max_connections_per_client = config->max_connections_per_client;
  server_options.unlimited_clients = config->trusted_proxies;
  // The admin is the heavy work, decided on the same decoded path the handler routes by;
  // any other POST is a reader's comment, which waits for its commit.
  server_options.lane = [](std::string_view method, std::string_view path) {
    if (admin::Admin::owns(path)) return http::Lane::Heavy;
    return method == "POST" ? http::Lane::Commit : http::Lane::Read;
  };

  std::unique_ptr<store::Store> store;
  try {
    store = store::open_store({.location = config->database_path().string()});
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  fs::path theme_dir = resolve_theme_dir(*config);
  auto theme = render::Theme::load(theme_dir, &error);
  if (!theme) return fail("theme " + theme_dir.string() + ": " + error);
  http::StaticFiles assets(theme->static_dir());
  security::Secret secret(config->secret);
  site::Site site(*store, *theme, assets, secret,
                  {.trusted_proxies = config->trusted_proxies, .media_dir = o.data_dir / "media"});
  int cache_mb = o.cache_mb >= 0 ? o.cache_mb : config->cache_mb;
  http::PageCache::Options cache_options;
  cache_options.budget_bytes = static_cast<std::size_t>(cache_mb) << 20;
  // Admin is declared below; the cache asks only once requests are served.
  std::function<bool(const http::Request&)> staff_session;
  cache_options.personal = [&](const http::Request& request) {
    return site.has_own_comments(request) || (staff_session && staff_session(request));
  };
  http::PageCache cache(cache_options);
  // Every write (from this process or another, e.g. `khabar comments approve`) leaves a
  // change-log row; before answering from the cache, drop the pages those changes show.
  // WebSub: after a publish (a published article's month changed), the hub hears of the
  // site's feeds.
  site::HubNotifier hub;
  site.on_changes([&](const std::vector<store::Change>& changes) {
    auto snap = store->snapshot();
    cache.invalidate(site::tags_for_changes(changes, snap->categories()));
    bool published = std::any_of(changes.begin(), changes.end(), [](const store::Change& c) {
      return c.kind == store::ChangeKind::SitemapMonth;
    });
    if (!published) return;
    auto settings = site::load_settings(*snap);
    if (settings.websub_hub.empty()) return;
    hub.changed(settings.websub_hub, {settings.url + "/feed/", settings.url + "/feed/atom/"});
  });
  http::MediaFiles media(o.data_dir / "media");
  admin::Admin admin(*store, *theme, assets, secret, media.root());
  // Email: letters are queued in the store by whoever writes them (a request, `khabar
  // user`, another node) and sent from here, retried when the server fails.
  mail::Postman postman(*store, secret, config->mail);
  admin.set_postman(&postman);
  postman.start(config->scheduler_interval_s);  // the digest is looked for as often
  if (postman.enabled())
    spdlog::info("mail: sending through {}:{} as {}", config->mail.host, config->mail.port,
                 mail::address_of(config->mail.from));
  staff_session = [&](const http::Request& request) { return admin.has_live_session(request); };
  // Only a signed-in member of the newsroom may send more than the ordinary body limit.
  server_options.may_send_large_body = [&](const http::Request& headers) {
    return admin.has_live_session(headers);
  };
  auto render = [&](const http::Request& request) { return site.handle(request); };
  HealthOptions health{.data_dir = o.data_dir,
                       .min_free_bytes = static_cast<std::uint64_t>(config->ready_min_free_mb)
                                         << 20};
  auto route = [&](const http::Request& request) {
    if (auto r = serve_health(request, *store, health)) return *r;
    if (auto r = assets.serve(request)) return *r;
    if (auto r = media.serve(request)) return *r;
    if (admin::Admin::owns(request.path))
      return admin.handle(request, site.client_address(request));
    if (cache_mb == 0) return site.handle(request);
    site.sync_changes();
    return cache.serve(request, render);
  };
  // A database that cannot answer now (another writer past the wait, a full disk), a row
  // that went or changed meanwhile, are not bugs: the transaction rolled back, and the
  // client hears which (503, 404, 409). Anything else reaches the server's last-resort 500.
  auto handler = [&](const http::Request& request) {
    try {
      return route(request);
    } catch (const store::StoreError& e) {
      auto answer = store_error_response(e);
      if (!answer) throw;
      spdlog::warn("{} {}: {}: {}", request.method, request.path, store::to_string(e.code),
                   e.what());
      return *answer;
    }
  };
  // The scheduler: publishes scheduled articles when their time comes (and, at start,
  // those whose time passed while Khabar was not running).
  std::mutex scheduler_mutex;
  std::condition_variable scheduler_wake;
  bool scheduler_stop = false;
  std::thread scheduler([&] {
    std::unique_lock lock(scheduler_mutex);
    while (!scheduler_stop) {
      lock.unlock();
      try {
        auto published = newsroom::publish_due(*store, now_seconds());
        if (!published)
          spdlog::warn("scheduler: {}", published.status().to_string());
        else if (!published->empty())
          spdlog::info("scheduler: published {} article(s)", published->size());
      } catch (const std::exception& e) {
        spdlog::error("scheduler: {}", e.what());
      }
      lock.lock();
      scheduler_wake.wait_for(lock, std::chrono::seconds(config->scheduler_interval_s),
                              [&] { return scheduler_stop; });
    }
  });
  struct StopScheduler {
    std::mutex& mutex;
    std::condition_variable& wake;
    bool& stop;
    std::thread& thread;
    ~StopScheduler() {
      {
        std::lock_guard lock(mutex);
        stop = true;
      }
      wake.notify_all();
      thread.join();
    }
  } stop_scheduler{scheduler_mutex, scheduler_wake, scheduler_stop, scheduler};
  try {
    http::Server server(server_options, handler);
    spdlog::info("Khabar {} serving {} on http://{}:{} with {} threads, page cache {}",
                 KHABAR_VERSION, o.data_dir.string(), listen.substr(0, listen.rfind(':')),
                 server.port(), threads, cache_mb ? std::to_string(cache_mb) + " MiB" : "off");
    server.run();
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  auto stats = cache.stats();
  spdlog::info(
      "stopped; page cache: {} hits, {} misses, {} bypasses, {} renders, {} evictions, "
      "{} invalidated, {} pages in {} bytes, {} tag links",
      stats.hits, stats.misses, stats.bypasses, stats.renders, stats.evictions, stats.invalidated,
      stats.entries, stats.bytes, stats.tag_links);
  return 0;
}

}  // namespace khabar::app
