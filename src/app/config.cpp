#include "app/config.h"

#include <toml++/toml.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <fstream>

#include "security/secret.h"

namespace khabar::app {

std::string default_config_text(const std::string& secret) {
  return R"(# Khabar site configuration. See docs/configuration.md.
# Site settings a newsroom edits (title, URL, language) are kept in the database.

[server]
# Address and port to listen on. Put nginx (TLS) in front for the public internet.
listen = "127.0.0.1:8080"
# Worker threads; 0 means one per CPU core.
threads = 0
# Threads for admin requests (password checks, image processing), apart from the ones
# serving readers; 0 answers them on the reader threads.
admin_threads = 2
# Threads that wait for readers' comments to be stored durably (many comments share one
# commit, so this bounds how many are written at once); 0 answers them on the reader threads.
commit_threads = 32
# A request must arrive whole within this many milliseconds (slow clients are cut off).
read_timeout_ms = 15000
# Idle keep-alive connections are closed after this many milliseconds.
idle_timeout_ms = 30000
# Largest request body accepted, in bytes (larger ones get 413).
max_body_bytes = 1048576
# Largest request body accepted for the admin (/admin/: photo uploads), in bytes.
max_upload_bytes = 26214400
# Request bodies held in memory at once over all connections, in MiB (more: 503).
body_memory_mb = 256
# Open connections at most; from shed_idle_at on, each new connection closes the one that
# has waited longest for a request (idle keep-alive first).
max_connections = 10000
shed_idle_at = 9000
# Open connections per client address (trusted_proxies have no limit: behind nginx every
# connection comes from it). Raise it if many readers share one address.
max_connections_per_client = 256
# Scheduled articles are published at most this many seconds after their time (1-60).
scheduler_interval_s = 15
# /readyz answers 503 (take this node out of the pool) when the data directory's disk
# has less free space than this, in MiB.
ready_min_free_mb = 64
# Peers whose X-Forwarded-For header is believed (nginx on this machine).
trusted_proxies = ["127.0.0.1", "::1"]

[store]
# "sqlite" (embedded, the default).
backend = "sqlite"
# The SQLite database file, relative to this directory.
path = "khabar.db"

[theme]
# A theme directory; empty means the default theme shipped with Khabar.
dir = ""

[cache]
# Memory for the page cache, in MiB: reader pages are kept rendered and compressed.
# 0 turns the cache off (every request renders).
budget_mb = 256

[mail]
# Email (password resets, invitations, notices to editors) through an SMTP server. With no
# host, Khabar sends nothing and shows set-password links to the administrator instead.
host = ""
port = 587
# "starttls" (port 587), "tls" (port 465) or "none" (a relay on this machine only).
security = "starttls"
user = ""
password = ""
# Or the password in a file of its own (first line), e.g. a systemd credential.
# password_file = "/etc/khabar/smtp-password"
from = "Newsroom <news@example.org>"

[security]
# Keys the hashes of client addresses and the signatures of forms and cookies.
# Keep it private; changing it invalidates open comment forms and reader cookies.
secret = ")" +
         secret + R"("
)";
}

bool ensure_secret(Config& config, std::string* error) {
  if (!config.secret.empty()) return true;
  config.secret = security::new_secret_hex();
  std::ofstream out(config.data_dir / "khabar.toml", std::ios::app);
  out << "\n[security]\n# Added by Khabar: keys hashes and signatures. Keep it private.\n"
      << "secret = \"" << config.secret << "\"\n";
  if (!out) {
    *error = "cannot add a [security] secret to " + (config.data_dir / "khabar.toml").string();
    return false;
  }
  return true;
}

std::optional<Config> load_config(const std::filesystem::path& data_dir, std::string* error) {
  Config c;
  c.data_dir = data_dir;
  auto file = data_dir / "khabar.toml";
  if (!std::filesystem::exists(file)) {
    *error = file.string() + " does not exist: is " + data_dir.string() +
             " a Khabar site? Create one with 'khabar init --data " + data_dir.string() + "'";
    return std::nullopt;
  }
  try {
    toml::table t = toml::parse_file(file.string());
    c.listen = t["server"]["listen"].value_or(c.listen);
    c.threads = t["server"]["threads"].value_or(c.threads);
    c.admin_threads = t["server"]["admin_threads"].value_or(c.admin_threads);
    c.commit_threads = t["server"]["commit_threads"].value_or(c.commit_threads);
    c.read_timeout_ms = t["server"]["read_timeout_ms"].value_or(c.read_timeout_ms);
    c.idle_timeout_ms = t["server"]["idle_timeout_ms"].value_or(c.idle_timeout_ms);
    c.max_body_bytes = t["server"]["max_body_bytes"].value_or(c.max_body_bytes);
    c.max_upload_bytes = t["server"]["max_upload_bytes"].value_or(c.max_upload_bytes);
    c.scheduler_interval_s = t["server"]["scheduler_interval_s"].value_or(c.scheduler_interval_s);
    c.ready_min_free_mb = t["server"]["ready_min_free_mb"].value_or(c.ready_min_free_mb);
    c.body_memory_mb = t["server"]["body_memory_mb"].value_or(c.body_memory_mb);
    c.max_connections = t["server"]["max_connections"].value_or(c.max_connections);
    c.shed_idle_at = t["server"]["shed_idle_at"].value_or(c.max_connections * 9 / 10);
    c.max_connections_per_client =
        t["server"]["max_connections_per_client"].value_or(c.max_connections_per_client);
    c.store_backend = t["store"]["backend"].value_or(c.store_backend);
    c.database = t["store"]["path"].value_or(std::string("khabar.db"));
    c.theme_dir = t["theme"]["dir"].value_or(std::string());
    c.secret = t["security"]["secret"].value_or(std::string());
    c.cache_mb = t["cache"]["budget_mb"].value_or(c.cache_mb);
    auto& m = c.mail;
    m.host = t["mail"]["host"].value_or(std::string());
    m.port = t["mail"]["port"].value_or(m.port);
    std::string security = t["mail"]["security"].value_or(std::string("starttls"));
    if (security == "tls")
      m.security = mail::Security::Tls;
    else if (security == "none")
      m.security = mail::Security::None;
    else if (security != "starttls")
      m.port = -1;  // reported below
    m.user = t["mail"]["user"].value_or(std::string());
    m.password = t["mail"]["password"].value_or(std::string());
    if (auto password_file = t["mail"]["password_file"].value<std::string>()) {
      std::ifstream in(*password_file);
      if (!in || !std::getline(in, m.password)) {
        *error = file.string() + ": [mail] password_file " + *password_file + " cannot be read";
        return std::nullopt;
      }
    }
    m.from = t["mail"]["from"].value_or(std::string());
    m.ca_file = t["mail"]["ca_file"].value_or(std::string());
    m.timeout_s = t["mail"]["timeout_s"].value_or(m.timeout_s);
    m.retry_s = t["mail"]["retry_s"].value_or(m.retry_s);
    m.attempts = t["mail"]["attempts"].value_or(m.attempts);
    if (m.port == -1 && m.enabled()) {
      *error = file.string() + ": [mail] security must be \"starttls\", \"tls\" or \"none\"";
      return std::nullopt;
    }
    if (auto problem = mail::settings_problem(m); !problem.empty()) {
      *error = file.string() + ": [mail] " + problem;
      return std::nullopt;
    }
    if (auto* proxies = t["server"]["trusted_proxies"].as_array()) {
      c.trusted_proxies.clear();
      for (auto& p : *proxies)
        if (auto v = p.value<std::string>()) c.trusted_proxies.push_back(*v);
    }
  } catch (const toml::parse_error& e) {
    *error = file.string() + ":" + std::to_string(e.source().begin.line) + ":" +
             std::to_string(e.source().begin.column) + ": " + std::string(e.description());
    return std::nullopt;
  }
  if (c.store_backend != "sqlite") {
    *error = file.string() + ": [store] backend = \"" + c.store_backend +
             "\" is not supported by this build (only \"sqlite\")";
    return std::nullopt;
  }
  if (c.threads < 0 || c.threads > 256) {
    *error = file.string() + ": [server] threads must be between 0 and 256";
    return std::nullopt;
  }
  if (c.read_timeout_ms < 100 || c.idle_timeout_ms < 100) {
    *error = file.string() + ": [server] read_timeout_ms and idle_timeout_ms must be >= 100";
    return std::nullopt;
  }
  if (c.cache_mb < 0 || c.cache_mb > 1 << 20) {
    *error = file.string() + ": [cache] budget_mb must be between 0 and 1048576";
    return std::nullopt;
  }
  if (!c.secret.empty() && !security::is_valid_secret(c.secret)) {
    *error = file.string() + ": [security] secret must be at least 64 hex digits";
    return std::nullopt;
  }
  if (c.admin_threads < 0 || c.admin_threads > 64) {
    *error = file.string() + ": [server] admin_threads must be between 0 and 64";
    return std::nullopt;
  }
  if (c.commit_threads < 0 || c.commit_threads > 256) {
    *error = file.string() + ": [server] commit_threads must be between 0 and 256";
    return std::nullopt;
  }
  if (c.max_body_bytes < 1024) {
    *error = file.string() + ": [server] max_body_bytes must be >= 1024";
    return std::nullopt;
  }
  if (c.ready_min_free_mb < 0 || c.ready_min_free_mb > 1'000'000'000) {
    *error = file.string() + ": [server] ready_min_free_mb must be 0 to 1000000000";
    return std::nullopt;
  }
  if (c.scheduler_interval_s < 1 || c.scheduler_interval_s > 60) {
    *error = file.string() + ": [server] scheduler_interval_s must be 1 to 60";
    return std::nullopt;
  }
  if (c.max_connections < 1 || c.max_connections > 1000000 || c.shed_idle_at < 1 ||
      c.shed_idle_at > c.max_connections || c.max_connections_per_client < 1) {
    *error = file.string() +
             ": [server] max_connections must be 1 to 1000000, shed_idle_at 1 to "
             "max_connections, max_connections_per_client at least 1";
    return std::nullopt;
  }
  if (c.body_memory_mb < 1 ||
      (static_cast<long long>(c.body_memory_mb) << 20) < c.max_upload_bytes) {
    *error =
        file.string() + ": [server] body_memory_mb must hold at least one max_upload_bytes body";
    return std::nullopt;
  }
  if (c.max_upload_bytes < c.max_body_bytes) {
    *error = file.string() + ": [server] max_upload_bytes must be >= max_body_bytes";
    return std::nullopt;
  }
  std::string address;
  unsigned short port;
  if (!parse_listen(c.listen, &address, &port)) {
    *error = file.string() + ": [server] listen = \"" + c.listen + "\" is not host:port";
    return std::nullopt;
  }
  return c;
}

std::filesystem::path resolve_theme_dir(const Config& config) {
  namespace fs = std::filesystem;
  if (!config.theme_dir.empty())
    return config.theme_dir.is_absolute() ? config.theme_dir : config.data_dir / config.theme_dir;
  if (const char* env = std::getenv("KHABAR_THEME_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate :
         {exe.parent_path().parent_path() / "themes" / "default",
          exe.parent_path().parent_path() / "share" / "khabar" / "themes" / "default"})
      if (fs::exists(candidate / "templates")) return candidate;
  }
  return "/usr/share/khabar/themes/default";
}

bool parse_listen(const std::string& listen, std::string* address, unsigned short* port) {
  std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  std::string_view p(listen.data() + colon + 1, listen.size() - colon - 1);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), value);
  if (ec != std::errc() || end != p.data() + p.size() || value > 65535 || p.empty()) return false;
  *address = host;
  *port = static_cast<unsigned short>(value);
  return true;
}

}  // namespace khabar::app
