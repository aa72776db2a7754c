#include "site/cache_tags.h"

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
std::string tag_sitemap_month(int month) { return "sitemap:month:" + std::to_string(month); }

std::vector<std::string> tags_for_changes(const std::vector<store::Change>& changes,
                                          const std::vector<content::Category>& categories) {
  using store::ChangeKind;
  std::set<std::string> tags;
  for (const store::Change& change : changes) {
    const content::Id id = change.id;
    switch (change.kind) {  // no default: a new kind fails to build until it is mapped here
      case ChangeKind::Categories:
      case ChangeKind::Settings:
      case ChangeKind::Pages:
        tags.insert(kTagSite);
        break;
      case ChangeKind::Banner:
        tags.insert(kTagBanner);
        break;
      case ChangeKind::Article:
        tags.insert(tag_article(id));
        tags.insert(kTagHome);
        break;
      case ChangeKind::CategoryListing:
        // The category's listing and those of its ancestors (they include it).
        for (const auto* c : content::category_trail(categories, id))
          tags.insert(tag_category_listing(c->id));
        tags.insert(tag_category_listing(id));
        tags.insert(tag_related_category(id));
        tags.insert(kTagSitemapCategories);  // its lastmod, in the child and the index
        tags.insert(kTagSitemapIndex);
        break;
      case ChangeKind::TagListing:
        tags.insert(tag_tag_listing(id));
        tags.insert(tag_related_tag(id));
        tags.insert(kTagSitemapTags);
        tags.insert(kTagSitemapIndex);
        break;
      case ChangeKind::AuthorListing:
        tags.insert(tag_author_listing(id));
        tags.insert(kTagSitemapAuthors);
        tags.insert(kTagSitemapIndex);
        break;
      case ChangeKind::AuthorProfile:  // the name is in the feed's title, the slug its address
        tags.insert(tag_author(id));
        tags.insert(tag_author_listing(id));
        tags.insert(kTagSitemapAuthors);
        break;
      case ChangeKind::Comments:
        tags.insert(tag_comments(id));
        tags.insert(kTagAllComments);
        break;
      case ChangeKind::SitemapMonth:  // its child, the index, the news sitemap if recent
        tags.insert(tag_sitemap_month(static_cast<int>(id)));
        tags.insert(kTagSitemapIndex);
        break;
    }
  }
  return {tags.begin(), tags.end()};
}

}  // namespace khabar::site
