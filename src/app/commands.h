// The command line's commands. Each returns the process exit code and prints its own
// errors (one clear line naming what is wrong). Exceptions do not escape them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace khabar::app {

struct InitOptions {
  std::filesystem::path data_dir;
  std::string title = "Khabar";
  std::string url = "http://127.0.0.1:8080";
  std::string language = "en";
  std::string tagline = "Independent news";
  std::string admin_login;  // when set, the first administrator is created
  std::string admin_email;
  std::string admin_name;  // the public byline; empty: the site's title until set
};
int run_init(const InitOptions& options);

int run_demo(const std::filesystem::path& data_dir);

// Writes a consistent copy of the site's database to `destination` (a new file), safe
// while the site is being served.
int run_backup(const std::filesystem::path& data_dir, const std::filesystem::path& destination);

// khabar comments list|approve|spam|trash|delete
int run_comments_list(const std::filesystem::path& data_dir, const std::string& status, int limit);
int run_comments_action(const std::filesystem::path& data_dir, const std::string& action,
                        const std::vector<std::int64_t>& ids);

// khabar settings [KEY [VALUE]]: list, show or change a site setting.
int run_settings(const std::filesystem::path& data_dir, const std::string& key,
                 const std::optional<std::string>& value);

// khabar search reindex: rebuilds the search index (a progress bar on stderr).
int run_search_reindex(const std::filesystem::path& data_dir);
// khabar search QUERY: the first `limit` results as readers get them, matches in [brackets].
int run_search(const std::filesystem::path& data_dir, const std::string& query, int limit);

// khabar media crops: makes the crops of library pictures stored before crops existed.
int run_media_crops(const std::filesystem::path& data_dir);

// khabar user list|add|link|passwd|disable|enable|reset-2fa
struct UserOptions {
  std::string action;
  std::filesystem::path data_dir;
  std::string login;
  std::string role = "contributor";
  std::string email;
  std::string display_name;
};
int run_user(const UserOptions& options);

// khabar import wordpress --data DIR FILE.xml [--uploads DIR] [--fetch-media URL] [--dry-run]
struct ImportCommand {
  std::filesystem::path data_dir;
  std::filesystem::path file;
  std::filesystem::path uploads;
  std::string fetch_media;  // the old site's URL, or a copy of its uploads folder
  bool dry_run = false;
};
int run_import_wordpress(const ImportCommand& options);

struct ServeOptions {
  std::filesystem::path data_dir;
  std::string listen;  // empty: from khabar.toml
  int threads = -1;    // -1: from khabar.toml
  int cache_mb = -1;   // -1: from khabar.toml; 0: no page cache
};
int run_serve(const ServeOptions& options);

}  // namespace khabar::app
