#include "app/demo.h"

#include <map>

#include "app/demo_data.h"
#include "content/text.h"

namespace khabar::app {
namespace {

using content::Id;

// A tag's display name from its slug: "mobile-money" -> "mobile money".
std::string tag_name(std::string_view slug) {
  std::string name(slug);
  for (char& c : name)
    if (c == '-') c = ' ';
  return name;
}

struct DemoComment {
  int parent;  // index into the same list + 1; 0 = top level
  const char* name;
  const char* email;
  const char* url;
  const char* body;
};

const std::vector<DemoComment>& english_thread() {
  static const std::vector<DemoComment> thread = {
      {0, "Farid", "farid@example.org", "",
       "Good to see this reported. My cousin lives nearby and says it has already made a "
       "difference."},
      {1, "Laila Ahmadi", "laila@example.org", "https://example.org/laila",
       "Has it? I heard the opposite from people in the same district.\n\nIt would help to hear "
       "from them too."},
      {2, "Farid", "farid@example.org", "",
       "Fair point. Perhaps both are true in different streets."},
      {0, "Yusuf K.", "yusuf@example.net", "",
       "Thank you for naming your sources. That is rarer than it should be."},
  };
  return thread;
}

const std::vector<DemoComment>& pashto_thread() {
  static const std::vector<DemoComment> thread = {
      {0, "ګل احمد", "gul@example.org", "", "ډېره ښه خبر ده، مننه چې خپره مو کړه."},
      {1, "زرغونه", "zarghona@example.org", "", "زه هم موافق یم. هیله ده چې دوام ومومي."},
  };
  return thread;
}

void add_thread(store::Transaction& tx, Id article, const std::vector<DemoComment>& thread,
                std::int64_t start, DemoReport& report) {
  std::vector<Id> ids;
  for (std::size_t i = 0; i < thread.size(); ++i) {
    const auto& c = thread[i];
    store::NewComment nc;
    nc.article_id = article;
    nc.parent_id = c.parent ? ids[c.parent - 1] : 0;
    nc.author_name = c.name;
    nc.author_email = c.email;
    nc.author_url = c.url;
    nc.body = c.body;
    nc.status = content::CommentStatus::Approved;
    nc.created_at = start + static_cast<std::int64_t>(i + 1) * 1800;
    ids.push_back(tx.add_comment(nc).or_throw());
    ++report.comments;
  }
}

}  // namespace

DemoReport fill_demo(store::Store& s, std::int64_t now) {
  DemoReport report;
  auto transaction = s.begin();
  store::Transaction& tx = *transaction;
  {
    // Categories, parents first (the list is ordered so).
    int position = 0;
    for (const auto& c : demo::categories()) {
      std::string path = c.parent_path ? std::string(c.parent_path) + "/" + c.slug : c.slug;
      ++position;
      if (tx.category_id_by_path(path)) continue;
      store::NewCategory nc{c.name, c.slug, 0, c.description, position};
      if (c.parent_path) nc.parent_id = *tx.category_id_by_path(c.parent_path);
      tx.add_category(nc).or_throw();
      ++report.categories;
    }
    std::map<std::string, Id> author_ids;
    for (const auto& a : demo::authors()) {
      auto id = tx.user_id_by_login(a.login);
      if (!id) {
        id = tx.add_user({a.login, std::string(a.login) + "@newsroom.example", a.name, a.slug,
                          a.bio, "author"})
                 .or_throw();
        ++report.authors;
      }
      author_ids[a.login] = *id;
    }
    auto tag_ids = [&](std::string_view list) {
      std::vector<Id> ids;
      for (std::string_view slug : content::split(list, ',')) {
        auto id = tx.tag_id_by_slug(slug);
        if (!id) {
          id = tx.add_tag(tag_name(slug), slug).or_throw();
          ++report.tags;
        }
        ids.push_back(*id);
      }
      return ids;
    };

    // English stories: newest first in the list, one every nine hours back from now.
    int index = 0;
    const auto& stories = demo::stories();
    for (const auto& story : stories) {
      ++index;
      std::string slug = content::make_slug(story.title);
      if (tx.article_id_by_slug(slug)) continue;
      std::string body = std::string(story.summary) + "\n\n" +
                         demo::background(story.category_path, index) + "\n\n> " + story.quote +
                         "\n>\n> \u2014 " + story.quoted + "\n\n## What happens next\n\n" +
                         demo::background(story.category_path, index + 1) + "\n\n" +
                         demo::background(story.category_path, index + 2);
      store::NewArticle a;
      a.slug = slug;
      a.title = story.title;
      a.body_markdown = body;
      a.excerpt = content::make_excerpt(story.summary, 160);
      a.status = content::Status::Published;
      a.language = "en";
      a.source_line = story.source;
      a.category_id = tx.category_id_by_path(story.category_path).value_or(0);
      a.author_ids = {author_ids[story.author_login]};
      if (story.co_author_login) a.author_ids.push_back(author_ids[story.co_author_login]);
      a.tag_ids = tag_ids(story.tags);
      a.reading_minutes = content::reading_minutes(content::markdown_to_plain_text(body));
      a.published_at = now - static_cast<std::int64_t>(index) * 9 * 3600;
      a.is_lead = index == 1;
      Id id = tx.add_article(a).or_throw();
      ++report.articles;
      if (index % 3 == 1) add_thread(tx, id, english_thread(), a.published_at, report);
    }

    int pashto_index = 0;
    for (const auto& story : demo::pashto_stories()) {
      ++pashto_index;
      if (tx.article_id_by_slug(story.slug)) continue;
      store::NewArticle a;
      a.slug = story.slug;
      a.title = story.title;
      a.body_markdown = story.body;
      std::string plain = content::markdown_to_plain_text(story.body);
      a.excerpt = content::make_excerpt(plain, 160);
      a.status = content::Status::Published;
      a.language = "ps";
      a.source_line = story.source;
      a.category_id = tx.category_id_by_path(story.category_path).value_or(0);
      a.author_ids = {author_ids["hkarimi"]};
      a.tag_ids = tag_ids(story.tags);
      a.reading_minutes = content::reading_minutes(plain);
      a.published_at = now - static_cast<std::int64_t>(pashto_index) * 13 * 3600 - 1800;
      Id id = tx.add_article(a).or_throw();
      ++report.articles;
      if (pashto_index <= 2) add_thread(tx, id, pashto_thread(), a.published_at, report);
    }

    if (!tx.article_id_by_slug("about")) {
      store::NewArticle about;
      about.kind = content::Kind::Page;
      about.slug = "about";
      about.title = "About Khabar";
      about.body_markdown = demo::kAboutPage;
      about.excerpt = content::make_excerpt(content::markdown_to_plain_text(demo::kAboutPage), 160);
      about.status = content::Status::Published;
      about.author_ids = {author_ids["msadat"]};
      about.comments_open = false;
      about.published_at = now - 90 * 86400;
      tx.add_article(about).or_throw();
      ++report.pages;
    }
  }
  transaction->commit().or_throw();
  return report;
}

}  // namespace khabar::app
