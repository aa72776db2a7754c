#include "newsroom/moderation.h"

#include "content/settings.h"

namespace khabar::newsroom {

using content::CommentStatus;

std::optional<Moderation> parse_moderation(std::string_view action) {
  if (action == "delete") return Moderation{};
  if (action == "approve") return Moderation{CommentStatus::Approved};
  if (action == "pending") return Moderation{CommentStatus::Pending};
  if (action == "spam") return Moderation{CommentStatus::Spam};
  if (action == "trash") return Moderation{CommentStatus::Trash};
  return std::nullopt;
}

store::Result<std::vector<content::Id>> moderate(store::Store& store,
                                                 const std::vector<content::Id>& ids,
                                                 Moderation m) {
  auto tx = store.begin();
  auto done = m.status ? tx->set_comment_status(ids, *m.status) : tx->delete_comments(ids);
  if (auto s = tx->commit(); !s) return s;
  return done;
}

store::Status change_settings(store::Store& store,
                              const std::vector<std::pair<std::string, std::string>>& values) {
  std::vector<std::pair<std::string, std::string>> stored;
  for (const auto& [key, value] : values) {
    const content::SettingSpec* spec = content::find_setting(key);
    if (!spec) return store::Status::invalid("unknown setting '" + key + "'");
    if (auto problem = content::setting_problem(*spec, value))
      return store::Status::invalid(*problem);
    stored.emplace_back(key, content::normalise_setting(*spec, value));
  }
  auto tx = store.begin();
  for (const auto& [key, value] : stored) tx->set_setting(key, value);
  return tx->commit();
}

}  // namespace khabar::newsroom
