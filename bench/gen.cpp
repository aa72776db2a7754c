// bench/gen: makes a large site quickly, for benchmarks of scale.
//
//   build-release/bench/bench_gen --data DIR --articles 1000000 [--comments-per 3]
//
// DIR must not exist. The site has the demo's categories and authors, 400 tags, and
// `--articles` generated articles (four paragraphs of varied text, 3 tags each, dates one
// minute apart back from now); the first 2,000 articles get threaded approved comments.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "app/config.h"
#include "app/demo.h"
#include "content/text.h"
#include "security/secret.h"
#include "store/sqlite/sqlite_store.h"

using namespace khabar;

namespace {

constexpr const char* kWords[] = {
    "province", "council",  "market",  "water",   "school",   "road",     "winter",  "harvest",
    "clinic",   "teachers", "traders", "prices",  "river",    "bridge",   "village", "court",
    "students", "doctors",  "farmers", "weather", "election", "festival", "library", "workers",
    "women",    "children", "youth",   "budget",  "exports",  "imports",  "border",  "railway"};

std::string sentence(std::mt19937& rng, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i) s += ' ';
    s += kWords[rng() % std::size(kWords)];
  }
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s + ".";
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path data;
  long articles = 10000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--data")
      data = argv[i + 1];
    else if (flag == "--articles")
      articles = std::stol(argv[i + 1]);
  }
  if (data.empty() || articles < 1) {
    std::cerr << "usage: bench_gen --data DIR --articles N\n";
    return 2;
  }
  if (std::filesystem::exists(data)) {
    std::cerr << "bench_gen: " << data << " exists\n";
    return 1;
  }
  std::filesystem::create_directories(data);
  std::ofstream(data / "khabar.toml") << app::default_config_text(security::new_secret_hex());
  auto db = store::open_sqlite_store((data / "khabar.db").string(), {.create = true});
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  auto start = std::chrono::steady_clock::now();
  {
    auto tx = db->begin();
    tx->set_setting("title", "Khabar Scale Test");
    tx->set_setting("url", "http://127.0.0.1:8080");
    tx->set_setting("language", "en");
    tx->commit().or_throw();
  }
  app::fill_demo(*db, now);  // categories, authors, a few real articles and comments
  std::vector<content::Id> categories, authors, tags;
  for (const auto& c : db->snapshot()->categories()) categories.push_back(c.id);
  for (const char* login : {"msadat", "anoori", "slindqvist", "hkarimi"})
    authors.push_back(db->accounts().account_by_login(login)->id);
  {
    auto tx = db->begin();
    for (int i = 0; i < 400; ++i)
      tags.push_back(
          tx->add_tag("topic " + std::to_string(i), "topic-" + std::to_string(i)).or_throw());
    tx->commit().or_throw();
  }
  std::mt19937 rng(42);
  const long chunk = 20000;
  for (long done = 0; done < articles; done += chunk) {
    {
      auto tx = db->begin();
      for (long i = done; i < std::min(articles, done + chunk); ++i) {
        store::NewArticle a;
        a.title = "Report " + std::to_string(i) + ": " + sentence(rng, 6);
        a.slug = "report-" + std::to_string(i);
        std::string body;
        for (int p = 0; p < 4; ++p)
          body += sentence(rng, 40 + static_cast<int>(rng() % 30)) + "\n\n";
        body +=
            "> " + sentence(rng, 12) + "\n\n## " + sentence(rng, 4) + "\n\n" + sentence(rng, 50);
        a.body_markdown = body;
        a.excerpt = content::make_excerpt(content::markdown_to_plain_text(body), 160);
        a.reading_minutes = content::reading_minutes(body);
        a.status = content::Status::Published;
        a.category_id = categories[rng() % categories.size()];
        a.author_ids = {authors[rng() % authors.size()]};
        for (int t = 0; t < 3; ++t) {
          // Popular tags are much more common than rare ones, as on a real site.
          std::size_t pick =
              std::min<std::size_t>(tags.size() - 1, (rng() % 400) * (rng() % 400) / 400);
          if (std::find(a.tag_ids.begin(), a.tag_ids.end(), tags[pick]) == a.tag_ids.end())
            a.tag_ids.push_back(tags[pick]);
        }
        a.source_line = "Khabar";
        a.published_at = now - 86400 - i * 60;
        content::Id id = tx->add_article(a).or_throw();
        if (i < 2000) {
          content::Id parent = 0;
          for (int c = 0; c < 3; ++c) {
            store::NewComment nc;
            nc.article_id = id;
            nc.parent_id = c == 2 ? parent : 0;
            nc.author_name = "Reader " + std::to_string(rng() % 1000);
            nc.author_email = "reader@example.org";
            nc.body = sentence(rng, 20);
            nc.status = content::CommentStatus::Approved;
            nc.created_at = a.published_at + 600 * (c + 1);
            parent = tx->add_comment(nc).or_throw();
          }
        }
      }
      tx->commit().or_throw();
    }
    std::cerr << "\rbench_gen: " << std::min(articles, done + chunk) << " / " << articles
              << " articles" << std::flush;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "\nbench_gen: " << articles << " articles in " << seconds << " s ("
            << static_cast<long>(articles / seconds) << "/s)\n";
  return 0;
}
