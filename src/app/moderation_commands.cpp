// `khabar comments ...` and `khabar settings ...`: moderation and site settings from the
// command line (the admin screens come later).
#include <iomanip>
#include <iostream>

#include "app/commands.h"
#include "app/config.h"
#include "content/comments.h"
#include "store/sqlite/sqlite_store.h"

namespace khabar::app {
namespace {

int fail(const std::string& message) {
  std::cerr << "khabar: " << message << "\n";
  return 1;
}

std::unique_ptr<store::Store> open_site(const std::filesystem::path& data_dir, std::string* error) {
  auto config = load_config(data_dir, error);
  if (!config) return nullptr;
  try {
    return store::open_sqlite_store(config->database_path().string());
  } catch (const std::exception& e) {
    *error = e.what();
    return nullptr;
  }
}

std::string one_line(std::string text, std::size_t max) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (text.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "\u2026";
  }
  return text;
}

}  // namespace

int run_comments_list(const std::filesystem::path& data_dir, const std::string& status_name,
                      int limit) {
  auto status = content::parse_comment_status(status_name);
  if (!status) return fail("--status must be pending, approved, spam or trash");
  std::string error;
  auto store = open_site(data_dir, &error);
  if (!store) return fail(error);
  auto items = store->comments_for_moderation(*status, limit);
  if (items.empty()) {
    std::cout << "No " << status_name << " comments.\n";
    return 0;
  }
  for (const auto& item : items) {
    const auto& c = item.comment;
    std::cout << "#" << c.id << "  on /" << item.article_slug << "/"
              << (c.parent_id ? "  (reply to #" + std::to_string(c.parent_id) + ")" : "") << "\n"
              << "    " << c.author_name << " <" << item.author_email << ">"
              << (c.author_url.empty() ? "" : "  " + c.author_url) << "\n"
              << "    " << one_line(c.body, 160) << "\n";
  }
  return 0;
}

int run_comments_action(const std::filesystem::path& data_dir, const std::string& action,
                        const std::vector<std::int64_t>& ids) {
  std::string error;
  auto store = open_site(data_dir, &error);
  if (!store) return fail(error);
  std::vector<content::Id> done;
  try {
    if (action == "delete") {
      done = store->delete_comments(ids);
    } else {
      auto status = content::parse_comment_status(action == "approve" ? "approved" : action);
      if (!status) return fail("unknown action " + action);
      done = store->set_comment_status(ids, *status);
    }
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  std::string past = action == "approve" ? "approved"
                     : action == "spam"  ? "marked as spam"
                     : action == "trash" ? "moved to trash"
                                         : "deleted";
  std::cout << done.size() << " comment" << (done.size() == 1 ? "" : "s") << " " << past << ".\n";
  for (auto id : ids)
    if (std::find(done.begin(), done.end(), id) == done.end())
      std::cerr << "khabar: no comment #" << id << "\n";
  return done.size() == ids.size() ? 0 : 1;
}

int run_settings(const std::filesystem::path& data_dir, const std::string& key,
                 const std::optional<std::string>& value) {
  static const std::map<std::string, std::string> site_keys = {
      {"title", "site title"},
      {"tagline", "line under the title"},
      {"url", "public base URL, http:// or https://"},
      {"language", "site language code"}};
  std::string error;
  auto store = open_site(data_dir, &error);
  if (!store) return fail(error);
  auto describe = [&](const std::string& k, const std::string& what) {
    std::cout << std::left << std::setw(28) << k << " = " << store->setting(k).value_or("(default)")
              << "\n"
              << std::setw(28) << ""
              << "   " << what << "\n";
  };
  if (key.empty()) {
    for (const auto& [k, what] : site_keys) describe(k, what);
    for (const auto& [k, what] : content::moderation_setting_keys()) describe(k, what);
    return 0;
  }
  bool known = site_keys.contains(key) || content::moderation_setting_keys().contains(key);
  if (!known) return fail("unknown setting '" + key + "'; 'khabar settings --data DIR' lists them");
  if (!value) {
    std::cout << store->setting(key).value_or("") << "\n";
    return 0;
  }
  if (key == "url" && !value->starts_with("http://") && !value->starts_with("https://"))
    return fail("url must start with http:// or https://");
  if (content::moderation_setting_keys().contains(key) &&
      !content::valid_moderation_setting(key, *value, &error))
    return fail(error);
  std::string stored = *value;
  // Lists may be given on one line separated by commas.
  if (key.ends_with("_list"))
    for (char& c : stored)
      if (c == ',') c = '\n';
  store->set_setting(key, stored);
  std::cout << key << " set.\n";
  return 0;
}

}  // namespace khabar::app
