#include "site/cache_tags.h"

#include <charconv>
#include <set>

#include "content/categories.h"

namespace khabar::site {

std::string tag_article(content::Id id) { return "article:" + std::to_string(id); }
std::string tag_comments(content::Id id) { return "comments:" + std::to_string(id); }
std::string tag_category_listing(content::Id id) {
  return "listing:category:" + std::to_string(id);
}
std::string tag_tag_listing(content::Id id) { return "listing:tag:" + std::to_string(id); }
std::string tag_author(content::Id id) { return "author:" + std::to_string(id); }
std::string tag_author_listing(content::Id id) { return "listing:author:" + std::to_string(id); }
std::string tag_related_category(content::Id id) {
  return "related:category:" + std::to_string(id);
}
std::string tag_related_tag(content::Id id) { return "related:tag:" + std::to_string(id); }

std::vector<std::string> tags_for_changes(const std::vector<std::string>& codes,
                                          const std::vector<content::Category>& categories) {
  std::set<std::string> tags;
  for (const auto& code : codes) {
    if (code == "C" || code == "S" || code == "P") {
      tags.insert(kTagSite);
      continue;
    }
    std::size_t colon = code.find(':');
    if (colon == std::string::npos) continue;
    content::Id id = 0;
    std::from_chars(code.data() + colon + 1, code.data() + code.size(), id);
    std::string kind = code.substr(0, colon);
    if (kind == "a") {
      tags.insert(tag_article(id));
      tags.insert(kTagHome);
    } else if (kind == "c") {
      // The category's listing and those of its ancestors (they include it).
      for (const auto* c : content::category_trail(categories, id))
        tags.insert(tag_category_listing(c->id));
      tags.insert(tag_category_listing(id));
      tags.insert(tag_related_category(id));
    } else if (kind == "t") {
      tags.insert(tag_tag_listing(id));
      tags.insert(tag_related_tag(id));
    } else if (kind == "u") {
      tags.insert(tag_author_listing(id));
    } else if (kind == "U") {
      tags.insert(tag_author(id));
    } else if (kind == "k") {
      tags.insert(tag_comments(id));
    }
  }
  return {tags.begin(), tags.end()};
}

}  // namespace khabar::site
