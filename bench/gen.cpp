// bench/gen: makes a large site quickly, for benchmarks of scale.
//
//   build-release/bench/bench_gen --data DIR --articles 1000000 [--news-text --queries FILE]
//                                 [--admin-scale]
//
// DIR must not exist. The site has the demo's categories and authors, 400 tags, and
// `--articles` generated articles (four paragraphs of varied text, 3 tags each, dates one
// minute apart back from now); the first 2,000 articles get threaded approved comments.
// With --news-text the text is English and (a quarter of the articles) Pashto drawn from
// a large vocabulary by Zipf's law (bench/news_text.h), for search; --queries then
// writes 200 different reader searches (one-word, two-word, phrase, prefix, Pashto with
// variant spellings, filtered) to FILE, one per line: kind, the /search/ address, and
// the words for a LIKE '%word%' reference, tab-separated. --admin-scale adds what the
// admin's long lists are measured with (see the end of main).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "app/config.h"
#include "app/demo.h"
#include "content/dates.h"
#include "content/text.h"
#include "content/urls.h"
#include "news_text.h"
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

// 200 reader searches over the words `text` writes (see the header comment).
void write_queries(const std::filesystem::path& file, bench::NewsText& text,
                   const std::vector<std::string>& category_paths, std::int64_t now) {
  auto d = content::civil_from_unix(now - 7 * 86400);
  char week_ago[16];
  std::snprintf(week_ago, sizeof week_ago, "%04d-%02d-%02d", d.year, d.month, d.day);
  std::ofstream out(file);
  auto& rng = text.rng();
  auto lower = [](std::string w) {
    for (char& c : w)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return w;
  };
  auto line = [&](const std::string& kind, const std::string& q, const std::string& filters,
                  const std::string& like) {
    out << kind << '\t' << "/search/?q=" << content::percent_encode(q) << filters << '\t' << like
        << '\n';
  };
  auto some = [&](const std::string& language, std::size_t from, std::size_t to) {
    return text.word(language, from + rng() % (to - from));
  };
  for (int i = 0; i < 40; ++i) {  // one word, common to rare
    std::string w = lower(text.word("en", 40 + static_cast<std::size_t>(i) * i * 12));
    line("one-word", w, "", w);
  }
  for (int i = 0; i < 30; ++i) {
    std::string a = lower(some("en", 40, 3000)), b = lower(some("en", 40, 3000));
    line("two-word", a + " " + b, "", a + "\t" + b);
  }
  for (int i = 0; i < 25; ++i) {  // two neighbours of a sentence as the site writes them
    std::string s = text.sentence("en", 12);
    s.pop_back();
    std::vector<std::string_view> words = content::split(s, ' ');
    std::size_t at = rng() % (words.size() - 1);
    std::string phrase = lower(std::string(words[at])) + " " + lower(std::string(words[at + 1]));
    line("phrase", "\"" + phrase + "\"", "", phrase);
  }
  for (int i = 0; i < 25; ++i) {
    std::string w;
    while (w.size() < 5) w = lower(some("en", 40, 2000));
    line("prefix", w.substr(0, 4) + "*", "", w.substr(0, 4));
  }
  for (int i = 0; i < 40; ++i) {
    std::string w = some("ps", 21, 2000);
    if (i < 20) {
      line("pashto", w, "", w);
    } else if (i < 30) {
      std::string typed = bench::NewsText::variant_spelling(w);
      line("pashto-variant", typed, "", typed);
    } else {
      std::string v = some("ps", 21, 2000);
      line("pashto", w + " " + v, "", w + "\t" + v);
    }
  }
  for (int i = 0; i < 40; ++i) {
    std::string w = lower(some("en", 40, 1500));
    if (i % 4 == 3) {
      std::string p = some("ps", 21, 1000);
      line("filtered", p, "&language=ps", p);
    } else if (i % 4 == 2) {
      line("filtered", w, std::string("&from=") + week_ago, w);  // the newest week of the archive
    } else {
      line("filtered", w,
           "&category=" + content::percent_encode(category_paths[i % category_paths.size()]), w);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path data, queries;
  long articles = 10000;
  bool news_text = false, admin_scale = false;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--news-text")
      news_text = true;
    else if (flag == "--admin-scale")
      admin_scale = true;
    else if (flag == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (flag == "--articles" && i + 1 < argc)
      articles = std::stol(argv[++i]);
    else if (flag == "--queries" && i + 1 < argc)
      queries = argv[++i];
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
  bench::NewsText text(7);
  std::vector<std::string> category_paths;
  for (const auto& c : db->snapshot()->categories()) category_paths.push_back(c.path);
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
        if (news_text) {
          a.language = rng() % 4 == 0 ? "ps" : "en";
          a.title = text.sentence(a.language, 6 + static_cast<int>(rng() % 6));
          a.title.pop_back();
          body.clear();
          for (int p = 0; p < 5; ++p) {
            for (int s = 0; s < 4; ++s)
              body += text.sentence(a.language, 8 + static_cast<int>(rng() % 14)) + " ";
            body += "\n\n";
          }
        }
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
  if (!queries.empty()) write_queries(queries, text, category_paths, now);
  if (admin_scale) {
    // What the admin's long lists are measured with (bench/admin_pages.sh): 1,000
    // categories (in tens), 20,000 tags, 200 users, 50,000 media items (rows only, no
    // files) and 1,000,000 comments on the first 10,000 articles, a tenth of them held.
    auto tx = db->begin();
    content::Id parent = 0;
    for (int i = 0; i < 1000; ++i) {
      store::NewCategory c;
      c.name = "Region " + std::to_string(i);
      c.slug = "region-" + std::to_string(i);
      c.parent_id = i % 10 == 0 ? 0 : parent;
      auto id = tx->add_category(c).or_throw();
      if (i % 10 == 0) parent = id;
    }
    for (int i = 400; i < 20000; ++i)
      tx->add_tag("topic " + std::to_string(i), "topic-" + std::to_string(i)).or_throw();
    for (int i = 0; i < 200; ++i)
      tx->add_user({"writer" + std::to_string(i), "writer" + std::to_string(i) + "@example.org",
                    "Writer " + std::to_string(i), "writer-" + std::to_string(i), "", "author"})
          .or_throw();
    for (int i = 0; i < 50000; ++i) {
      store::NewMedia m;
      m.original = {"2026/11/photo" + std::to_string(i) + ".jpg", "image/jpeg", 1200, 800, 250000};
      m.alt = "Photo " + std::to_string(i) + ": " + sentence(rng, 6);
      m.original_name = "photo" + std::to_string(i) + ".jpg";
      m.uploaded_by = authors[i % authors.size()];
      tx->add_media(m).or_throw();
    }
    tx->commit().or_throw();
    store::DeskFilter first;
    first.limit = 10000;
    auto ids = db->snapshot()->desk_articles(first);
    for (long done = 0; done < 1000000; done += 100000) {
      auto comments = db->begin();
      for (long i = done; i < done + 100000; ++i) {
        store::NewComment nc;
        nc.article_id = ids[static_cast<std::size_t>(i) % ids.size()].id;
        nc.author_name = "Reader " + std::to_string(i % 5000);
        nc.author_email = "reader" + std::to_string(i % 5000) + "@example.org";
        nc.body = sentence(rng, 25);
        nc.status =
            i % 10 == 0 ? content::CommentStatus::Pending : content::CommentStatus::Approved;
        nc.created_at = now - 1000000 + i;
        comments->add_comment(nc).or_throw();
      }
      comments->commit().or_throw();
      std::cerr << "\rbench_gen: " << done + 100000 << " / 1000000 comments" << std::flush;
    }
    std::cerr << "\n";
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "\nbench_gen: " << articles << " articles in " << seconds << " s ("
            << static_cast<long>(articles / seconds) << "/s)\n";
  return 0;
}
