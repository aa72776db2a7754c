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

  // `pictures`: every published article gets a featured library picture of its own (rows
  // only, with the 4 widths x 2 formats of variants an upload makes), so that every card
  // of the home page shows one; otherwise the demo's text cards.
  explicit Fixture(bool pictures) {
    dir = std::filesystem::temp_directory_path() /
          ("khabar-bench-" + std::to_string(::getpid()) + (pictures ? "-pictures" : ""));
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
    if (pictures) add_pictures();
    std::string error;
    theme = render::Theme::load(KHABAR_SOURCE_DIR "/themes/default", &error);
    if (!theme) throw std::runtime_error(error);
    assets = std::make_unique<http::StaticFiles>(theme->static_dir());
    site = std::make_unique<site::Site>(*db, *theme, *assets, secret);
  }
  void add_pictures() {
    store::DeskFilter all;
    all.limit = 1000;
    auto articles = db->snapshot()->desk_articles(all);
    auto tx = db->begin();
    int n = 0;
    for (const auto& a : articles) {
      store::NewMedia m;
      std::string stem = "2026/12/" + std::to_string(1000000 + n++);
      m.original = {stem + ".jpg", "image/jpeg", 1600, 1067, 300000};
      for (int w : {320, 640, 1024, 1280})
        for (const char* ext : {"webp", "jpg"})
          m.variants.push_back({stem + "-" + std::to_string(w) + "." + ext,
                                ext == std::string("webp") ? "image/webp" : "image/jpeg", w,
                                w * 1067 / 1600, 40000});
      m.alt = "A picture for the story " + a.title;
      auto media = tx->add_media(m).or_throw();
      auto edit = db->snapshot()->article_for_edit(a.id);
      edit->fields.featured_media_id = media;
      edit->fields.featured_image = "/media/" + m.original.file;
      tx->update_article(a.id, edit->fields).or_throw();
    }
    tx->commit().or_throw();
  }
  ~Fixture() {
    site.reset();
    db.reset();
    std::filesystem::remove_all(dir);
  }
};

Fixture& fixture(bool pictures = false) {
  static Fixture text(false);
  if (!pictures) return text;
  static Fixture pictured(true);
  return pictured;
}

void render(benchmark::State& state, const char* path, bool gzip, bool pictures = false) {
  Fixture& f = fixture(pictures);
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
  if (pictures) {
    auto response = f.site->handle(request);
    std::size_t n = 0;
    for (auto at = response.body.find("<picture>"); at != std::string::npos;
         at = response.body.find("<picture>", at + 1))
      ++n;
    state.counters["pictures"] = static_cast<double>(n);
  }
}

void BM_ArticleWith20Comments(benchmark::State& s) { render(s, kArticle, false); }
void BM_ArticleWith20CommentsGzip(benchmark::State& s) { render(s, kArticle, true); }
void BM_ArticleWithoutEmbeds(benchmark::State& s) { render(s, "/without-embeds/", false); }
void BM_ArticleWithTwoEmbeds(benchmark::State& s) { render(s, "/with-embeds/", false); }
void BM_HomePage(benchmark::State& s) { render(s, "/", false); }
// Issue 14: the same home page with a picture on every card (the reference: BM_HomePage).
void BM_HomePageAllPictured(benchmark::State& s) { render(s, "/", false, true); }
void BM_HomePageAllPicturedGzip(benchmark::State& s) { render(s, "/", true, true); }
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
BENCHMARK(BM_HomePageAllPictured)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_HomePageAllPicturedGzip)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_CategoryPage)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Feed)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
