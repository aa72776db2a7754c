// bench/render: the render path with no cache — a reader request handled from the
// SQLite store through the templates to the finished response, as the server does it.
// Target (issue 2): an article page with 20 comments in under 1 ms (median).
//
//   build-release/bench/bench_render [--benchmark_filter=Article]
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "app/demo.h"
#include "http/finalize.h"
#include "http/static_files.h"
#include "render/theme.h"
#include "security/secret.h"
#include "site/site.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using namespace khabar;

constexpr const char* kArticle = "/kabul-opens-three-new-public-libraries-before-winter/";

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> db;
  std::unique_ptr<render::Theme> theme;
  std::unique_ptr<http::StaticFiles> assets;
  security::Secret secret{security::new_secret_hex()};
  std::unique_ptr<site::Site> site;

  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("khabar-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    db = store::open_sqlite_store((dir / "khabar.db").string(), {.create = true});
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    app::fill_demo(*db, now);
    // The demo article has 4 comments; bring it to 20, some threaded.
    content::Id article =
        db->snapshot()
            ->published_by_slug("kabul-opens-three-new-public-libraries-before-winter")
            ->id;
    auto tx = db->begin();
    content::Id parent = 0;
    for (int i = 0; i < 16; ++i) {
      store::NewComment c;
      c.article_id = article;
      c.parent_id = i % 4 == 0 ? 0 : parent;
      c.author_name = "Reader " + std::to_string(i);
      c.author_email = "reader@example.org";
      c.body =
          "A comment of ordinary length, with a second sentence to make it realistic.\n\n"
          "And a second paragraph.";
      c.status = content::CommentStatus::Approved;
      c.created_at = now + i;
      content::Id id = tx->add_comment(c).or_throw();
      if (i % 4 == 0) parent = id;
    }
    // The same story twice more without comments: once as it is, once with a YouTube
    // video and an X post in it, so that the embeds' cost (render::with_embeds) shows.
    auto demo = db->snapshot()->article_for_edit(article)->fields;
    demo.comments_open = false;
    demo.slug = "without-embeds";
    tx->add_article(demo).or_throw();
    demo.slug = "with-embeds";
    demo.body_markdown +=
        "\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nThe minister wrote:\n\n"
        "https://x.com/TOLOnews/status/1730000000000000000\n";
    tx->add_article(demo).or_throw();
    tx->commit().or_throw();
    std::string error;
    theme = render::Theme::load(KHABAR_SOURCE_DIR "/themes/default", &error);
    if (!theme) throw std::runtime_error(error);
    assets = std::make_unique<http::StaticFiles>(theme->static_dir());
    site = std::make_unique<site::Site>(*db, *theme, *assets, secret);
  }
  ~Fixture() {
    site.reset();
    db.reset();
    std::filesystem::remove_all(dir);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void render(benchmark::State& state, const char* path, bool gzip) {
  Fixture& f = fixture();
  http::Request request;
  request.method = "GET";
  request.target = path;
  request.path = path;
  if (gzip) request.headers.emplace_back("accept-encoding", "gzip");
  std::size_t bytes = 0;
  for (auto _ : state) {
    http::Response response = f.site->handle(request);
    http::finalize_response(request, response);
    if (response.status != 200) state.SkipWithError("status is not 200");
    bytes = response.body.size();
    benchmark::DoNotOptimize(response.body.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_ArticleWith20Comments(benchmark::State& s) { render(s, kArticle, false); }
void BM_ArticleWith20CommentsGzip(benchmark::State& s) { render(s, kArticle, true); }
void BM_ArticleWithoutEmbeds(benchmark::State& s) { render(s, "/without-embeds/", false); }
void BM_ArticleWithTwoEmbeds(benchmark::State& s) { render(s, "/with-embeds/", false); }
void BM_HomePage(benchmark::State& s) { render(s, "/", false); }
void BM_CategoryPage(benchmark::State& s) { render(s, "/category/world/", false); }
void BM_Feed(benchmark::State& s) { render(s, "/feed/", false); }

}  // namespace

BENCHMARK(BM_ArticleWith20Comments)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_ArticleWith20CommentsGzip)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_ArticleWithoutEmbeds)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_ArticleWithTwoEmbeds)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_HomePage)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_CategoryPage)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Feed)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
