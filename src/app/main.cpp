// khabar: the command line. See `khabar --help`.
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "app/commands.h"

int main(int argc, char** argv) {
  using namespace khabar::app;
  // spdlog makes its registry on first use; made here, before any thread, no two threads'
  // first log lines race to make it (ThreadSanitizer saw the scheduler's and main's).
  spdlog::default_logger();
  // Everything Khabar creates is private to its user (khabar.toml holds the site secret;
  // the database, its WAL and backups hold accounts and readers' emails) except media
  // files, which media/files.cpp makes readable by all.
  umask(077);
  CLI::App cli{
      "Khabar: a news publishing engine. One binary serves the reader site; "
      "the data directory holds the configuration (khabar.toml) and the database."};
  cli.set_version_flag("--version", std::string("khabar ") + KHABAR_VERSION);
  cli.require_subcommand(1);

  InitOptions init;
  auto* init_cmd = cli.add_subcommand("init", "Create a new site in a data directory");
  init_cmd->add_option("--data", init.data_dir, "Data directory to create (must not hold a site)")
      ->required();
  init_cmd->add_option("--title", init.title, "Site title")->capture_default_str();
  init_cmd->add_option("--url", init.url, "Public URL of the site, used in feeds and links")
      ->capture_default_str();
  init_cmd->add_option("--language", init.language, "Site language code (en, ps, fa...)")
      ->capture_default_str();
  init_cmd->add_option("--tagline", init.tagline, "Short line under the title")
      ->capture_default_str();
  init_cmd->add_option("--admin-login", init.admin_login,
                       "Create the first administrator with this login and print the link "
                       "where they choose a password");
  init_cmd->add_option("--admin-email", init.admin_email, "The first administrator's email");
  init_cmd->add_option("--admin-name", init.admin_name,
                       "The first administrator's public name (bylines); default: the site's "
                       "title until set in the profile. Never the login");

  ImportCommand import;
  auto* import_cmd = cli.add_subcommand("import", "Import another site");
  import_cmd->require_subcommand(1);
  auto* wordpress_cmd = import_cmd->add_subcommand(
      "wordpress",
      "Import a WordPress export (Tools > Export > All content: WXR 1.0-1.2). Running it again "
      "updates what changed and adds nothing twice; a broken file changes nothing");
  wordpress_cmd->add_option("--data", import.data_dir, "Data directory of the site")->required();
  wordpress_cmd->add_option("file", import.file, "The export file (.xml)")->required();
  wordpress_cmd->add_option("--uploads", import.uploads,
                            "A copy of wp-content/uploads: images are copied into the media "
                            "library with their metadata (GPS...) removed");
  wordpress_cmd->add_option(
      "--fetch-media", import.fetch_media,
      "The old site's address (https://old.example) or a copy of its uploads folder (a URL "
      "ending in /uploads): the attachments not in --uploads are fetched from it, each "
      "retried, then copied as from --uploads");
  wordpress_cmd->add_flag("--dry-run", import.dry_run,
                          "Read and check everything, print the summary, write nothing");

  UserOptions user;
  auto* user_cmd = cli.add_subcommand("user", "Manage newsroom accounts");
  user_cmd->require_subcommand(1);
  struct UserAction {
    const char* name;
    const char* help;
    bool needs_login;
  };
  for (const UserAction& a : {
           UserAction{"list", "List the accounts", false},
           UserAction{"add", "Create an account; prints its one-time set-password link", true},
           UserAction{"link", "Print a new one-time set-password link (24 hours)", true},
           UserAction{"passwd", "Set a password (read from standard input); ends their sessions",
                      true},
           UserAction{"disable", "Disable an account and end its sessions", true},
           UserAction{"enable", "Enable a disabled account", true},
           UserAction{"reset-2fa", "Turn off an account's two-factor sign-in", true},
       }) {
    auto* cmd = user_cmd->add_subcommand(a.name, a.help);
    cmd->add_option("--data", user.data_dir, "Data directory of the site")->required();
    if (a.needs_login) cmd->add_option("--login", user.login, "The account's login")->required();
    if (std::string_view(a.name) == "add") {
      cmd->add_option("--role", user.role, "administrator, editor, author or contributor")
          ->capture_default_str();
      cmd->add_option("--email", user.email, "Email (private)");
      cmd->add_option("--display-name", user.display_name, "Public name (default: the login)");
    }
    cmd->callback([&user, name = a.name] { user.action = name; });
  }

  std::filesystem::path demo_dir;
  auto* demo_cmd = cli.add_subcommand(
      "demo",
      "Fill a site with sample content (categories, authors, articles in English and "
      "Pashto, comments, an About page); running it again adds nothing twice");
  demo_cmd->add_option("--data", demo_dir, "Data directory of the site")->required();

  std::filesystem::path backup_dir, backup_to;
  auto* backup_cmd =
      cli.add_subcommand("backup",
                         "Write a consistent copy of the site's database to a new file; safe while "
                         "the site is being served");
  backup_cmd->add_option("--data", backup_dir, "Data directory of the site")->required();
  backup_cmd->add_option("--to", backup_to, "The backup file to create (must not exist)")
      ->required();

  auto* comments_cmd = cli.add_subcommand("comments", "Moderate comments");
  comments_cmd->require_subcommand(1);
  std::filesystem::path comments_dir;
  std::string list_status = "pending";
  int list_limit = 50;
  auto* list_cmd = comments_cmd->add_subcommand("list", "List comments by status, newest first");
  list_cmd->add_option("--data", comments_dir, "Data directory of the site")->required();
  list_cmd->add_option("--status", list_status, "pending, approved, spam or trash")
      ->capture_default_str();
  list_cmd->add_option("--limit", list_limit, "How many to list")->capture_default_str();
  std::vector<std::int64_t> comment_ids;
  std::string comment_action;
  for (const char* action : {"approve", "spam", "trash", "delete"}) {
    auto* cmd = comments_cmd->add_subcommand(
        action, std::string(action == std::string("delete")    ? "Delete for good"
                            : action == std::string("approve") ? "Approve (publish)"
                            : action == std::string("spam")    ? "Mark as spam"
                                                               : "Move to trash") +
                    " the comments with these ids");
    cmd->add_option("--data", comments_dir, "Data directory of the site")->required();
    cmd->add_option("ids", comment_ids, "Comment ids")->required();
    cmd->callback([&comment_action, action] { comment_action = action; });
  }

  std::filesystem::path media_dir;
  auto* media_cmd = cli.add_subcommand("media", "Look after the media library");
  media_cmd->require_subcommand(1);
  auto* crops_cmd = media_cmd->add_subcommand(
      "crops",
      "Make the 16:9, 4:3 and 1:1 crops (shared-link cards, structured data) of pictures "
      "stored by an older Khabar; pictures that have them are left alone");
  crops_cmd->add_option("--data", media_dir, "Data directory of the site")->required();

  std::filesystem::path settings_dir;
  std::string settings_key;
  std::optional<std::string> settings_value;
  auto* settings_cmd = cli.add_subcommand(
      "settings", "List the site settings, show one (KEY) or change one (KEY VALUE)");
  settings_cmd->add_option("--data", settings_dir, "Data directory of the site")->required();
  settings_cmd->add_option("key", settings_key, "Setting name");
  settings_cmd->add_option("value", settings_value, "New value (lists: one per line or commas)");

  std::filesystem::path search_dir;
  std::string search_query;
  int search_limit = 10;
  auto* search_cmd = cli.add_subcommand(
      "search", "Search the site as readers do (QUERY), or rebuild the search index (reindex)");
  search_cmd->add_option("--data", search_dir, "Data directory of the site");
  search_cmd->add_option("query", search_query, "What to look for, as a reader types it");
  search_cmd->add_option("--limit", search_limit, "Results to print (default 10)")
      ->check(CLI::Range(1, 1000));
  auto* reindex_cmd =
      search_cmd->add_subcommand("reindex", "Rebuild the search index from the articles");
  reindex_cmd->add_option("--data", search_dir, "Data directory of the site");
  search_cmd->require_subcommand(0, 1);
  // --data before or after "reindex"; required either way.
  search_cmd->callback([&] {
    if (search_dir.empty()) throw CLI::RequiredError("--data");
  });

  ServeOptions serve;
  auto* serve_cmd = cli.add_subcommand(
      "serve", "Serve the site over HTTP until SIGINT/SIGTERM (requests in flight finish)");
  serve_cmd->add_option("--data", serve.data_dir, "Data directory of the site")->required();
  serve_cmd->add_option("--listen", serve.listen,
                        "host:port to listen on (default: [server] listen in khabar.toml)");
  serve_cmd
      ->add_option("--threads", serve.threads,
                   "Worker threads, 0 = one per core (default: khabar.toml)")
      ->check(CLI::Range(0, 256));
  serve_cmd
      ->add_option("--cache-mb", serve.cache_mb,
                   "Page cache budget in MiB, 0 = no cache (default: khabar.toml)")
      ->check(CLI::Range(0, 1 << 20));

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  if (*init_cmd) return run_init(init);
  if (*demo_cmd) return run_demo(demo_dir);
  if (*backup_cmd) return run_backup(backup_dir, backup_to);
  if (*list_cmd) return run_comments_list(comments_dir, list_status, list_limit);
  if (!comment_action.empty())
    return run_comments_action(comments_dir, comment_action, comment_ids);
  if (*reindex_cmd) return run_search_reindex(search_dir);
  if (*search_cmd) return run_search(search_dir, search_query, search_limit);
  if (*crops_cmd) return run_media_crops(media_dir);
  if (*settings_cmd) return run_settings(settings_dir, settings_key, settings_value);
  if (*user_cmd) return run_user(user);
  if (*wordpress_cmd) return run_import_wordpress(import);
  if (*serve_cmd) return run_serve(serve);
  return 1;
}
