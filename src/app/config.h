// khabar.toml: how one site is run (docs/configuration.md). What the newsroom edits
// in the admin (title, URL, language...) lives in the store's settings instead.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mail/letter.h"

namespace khabar::app {

struct Config {
  std::filesystem::path data_dir;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;              // 0: one per core
  int admin_threads = 2;        // /admin/ requests run apart from readers'; 0: on the same threads
  int commit_threads = 32;      // readers' posts wait for their commit here; 0: reader threads
  int read_timeout_ms = 15000;  // a request must arrive whole within this
  int idle_timeout_ms = 30000;  // keep-alive connections close after this idle time
  int max_body_bytes = 1 << 20;
  int max_upload_bytes = 25 << 20;  // bodies of /admin/ requests (uploads)
  int scheduler_interval_s = 15;    // how often scheduled articles are checked
  int body_memory_mb = 256;         // request bodies held in memory at once, in total
  int max_connections = 10000;
  int shed_idle_at = 9000;               // from here on, new connections close the idlest
  int max_connections_per_client = 256;  // per client address (trusted proxies: no limit)
  std::int64_t ready_min_free_mb = 64;   // /readyz: less free on the data's disk is not ready
  std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
  int cache_mb = 256;  // [cache] budget_mb: memory for the page cache; 0 turns it off
  std::string secret;  // [security] secret: 64 hex digits; keys hashes and signatures
  std::string store_backend = "sqlite";
  std::filesystem::path database = "khabar.db";  // relative to data_dir
  std::filesystem::path theme_dir;               // empty: the default theme
  mail::MailSettings mail;                       // [mail]: no host, no email

  std::filesystem::path database_path() const {
    return database.is_absolute() ? database : data_dir / database;
  }
};

// Reads DIR/khabar.toml. Returns nothing and sets `error` (with file:line:column) if it
// is missing or invalid.
std::optional<Config> load_config(const std::filesystem::path& data_dir, std::string* error);

// The text of a new khabar.toml with the defaults, commented, and `secret`.
std::string default_config_text(const std::string& secret);

// Gives a site whose khabar.toml has no [security] secret (made by an older Khabar) a
// new random one, appended to the file. Returns false and sets `error` if it cannot.
bool ensure_secret(Config& config, std::string* error);

// The theme to use: the configured one, else $KHABAR_THEME_DIR, else the default theme
// next to the binary (build tree or install prefix), else /usr/share/khabar/themes/default.
std::filesystem::path resolve_theme_dir(const Config& config);

// "127.0.0.1:8080" / "[::1]:8080" -> address and port. False if malformed.
bool parse_listen(const std::string& listen, std::string* address, unsigned short* port);

}  // namespace khabar::app
