#include "store/sqlite/related.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace khabar::store::sqlite {

using content::Id;
using content::Timestamp;

std::optional<Id> related_article_id(Connection& db, const content::Article& a) {
  // Candidates are bounded - the newest 50 of the category's listing and the newest 30
  // of each tag's - so the cost does not grow with the archive. They are ranked from the
  // listing rows alone: same primary category first, then in the most of this article's
  // tag listings (its shared tags among the recent ones), then newest. Looking each
  // candidate up in `articles` and `article_tags` took half of an article page's render.
  struct Candidate {
    Id id;
    Timestamp published_at;
    bool same_category;
    int shared_tags;
  };
  std::vector<Candidate> candidates;
  std::unordered_map<Id, std::size_t> index;
  auto newest = [&](const std::string& listing, int n, bool is_tag) {
    auto s = db.prepare(
        "SELECT article_id, published_at, category_id FROM listings WHERE listing = ?1 "
        "AND article_id <> ?2 ORDER BY published_at DESC, article_id DESC LIMIT ?3");
    s.bind(1, listing).bind(2, a.id).bind(3, static_cast<std::int64_t>(n));
    while (s.step()) {
      auto [at, added] = index.emplace(s.int64(0), candidates.size());
      if (added)
        candidates.push_back(
            {s.int64(0), s.int64(1), a.category_id && s.int64(2) == a.category_id, 0});
      candidates[at->second].shared_tags += is_tag;
    }
  };
  if (a.category_id) newest("c:" + std::to_string(a.category_id), 50, false);
  for (std::size_t i = 0; i < a.tags.size() && i < 10; ++i)
    newest("t:" + std::to_string(a.tags[i].id), 30, true);
  if (candidates.empty()) newest("all", 1, false);  // nothing in common: the newest other article
  if (candidates.empty()) return std::nullopt;
  const Candidate& best = *std::max_element(
      candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.same_category, x.shared_tags, x.published_at, x.id) <
               std::tie(y.same_category, y.shared_tags, y.published_at, y.id);
      });
  return best.id;
}

}  // namespace khabar::store::sqlite
