// `khabar comments ...` and `khabar settings ...`: moderation and site settings from the
// command line (the same as the admin's Comments and Settings screens).
#include <iomanip>
#include <iostream>

#include "app/cli_support.h"
#include "app/commands.h"
#include "app/config.h"
#include "content/comments.h"
#include "content/settings.h"
#include "newsroom/moderation.h"

namespace khabar::app {
namespace {

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
  auto items = store->snapshot()->comments_for_moderation(*status, limit);
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
  auto moderation = newsroom::parse_moderation(action);
  if (!moderation) return fail("unknown action " + action);
  std::vector<content::Id> done;
  try {
    auto result = newsroom::moderate(*store, ids, *moderation);
    if (!result) return fail(result.status().to_string());
    done = std::move(*result);
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
  std::string error;
  auto store = open_site(data_dir, &error);
  if (!store) return fail(error);
  if (key.empty()) {
    for (const auto& spec : content::setting_specs()) {
      std::string k(spec.key);
      std::cout << std::left << std::setw(28) << k << " = "
                << store->snapshot()->setting(k).value_or(
                       "(default: " + std::string(spec.fallback) + ")")
                << "\n"
                << std::setw(28) << ""
                << "   " << spec.description << "\n";
    }
    return 0;
  }
  const content::SettingSpec* spec = content::find_setting(key);
  if (!spec) return fail("unknown setting '" + key + "'; 'khabar settings --data DIR' lists them");
  if (!value) {
    std::cout << store->snapshot()->setting(key).value_or(std::string(spec->fallback)) << "\n";
    return 0;
  }
  if (auto s = newsroom::change_settings(*store, {{key, *value}}); !s)
    return fail(s.code() == store::Code::Invalid ? s.message() : s.to_string());
  std::cout << key << " set.\n";
  return 0;
}

}  // namespace khabar::app
