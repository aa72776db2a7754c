// Embeds on a real server (issue 13): a YouTube and an X link alone in their paragraphs
// show as placeholders with no frame and no address of the providers' but the links; the
// reader's "show it here" answers the same page with that one frame; the page's
// Content-Security-Policy names exactly the enabled providers' frame origins; the setting
// turns providers off.
#include <gtest/gtest.h>

#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

std::string frame_src(const HttpResponse& r) {
  std::string csp = r.header("content-security-policy");
  auto at = csp.find("frame-src ");
  if (at == std::string::npos) return "(none)";
  return csp.substr(at + 10, csp.find(';', at) - at - 10);
}

// Every src of every element of the page, and the hosts of the links it asks a browser
// to load (stylesheets, images, frames): what a page requests without the reader.
std::vector<std::string> requested(const std::string& page) {
  Html html(page);
  std::vector<std::string> out;
  for (const auto* n : html.any_of({"img", "iframe", "script", "source", "video", "audio"}))
    if (auto src = Html::attr(n, "src"); !src.empty()) out.push_back(src);
  for (const auto* n : html.all("link"))
    if (Html::attr(n, "rel") == "stylesheet" || Html::attr(n, "rel") == "preload")
      out.push_back(Html::attr(n, "href"));
  return out;
}

TEST(Embeds, APlaceholderUntilTheReaderAsksThenOnlyThatFrame) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data);
  ServerProcess server(data);
  AdminClient editor = signed_in_user(server.port(), data, "desk", "editor");
  create_article(editor,
                 {{"title", "Floods in Kunar"},
                  {"body",
                   "The river rose overnight.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ"
                   "\n\nThe governor wrote:\n\nhttps://x.com/TOLOnews/status/42\n\n"
                   "<iframe src=\"https://evil.example/track\"></iframe>\n"},
                  {"language", "en"},
                  {"version", "0"},
                  {"move", "publish"}});
  auto page = http_get(server.port(), "/floods-in-kunar/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(frame_src(page),
            "https://www.youtube-nocookie.com https://player.vimeo.com "
            "https://platform.twitter.com https://www.facebook.com https://www.instagram.com "
            "https://www.tiktok.com https://w.soundcloud.com https://open.spotify.com");
  for (const auto& src : requested(page.body))
    EXPECT_TRUE(src.starts_with("/")) << src << " is requested from another host";
  Html html(page.body);
  EXPECT_TRUE(html.all("iframe").empty());
  auto placeholders = html.by_class("embed");
  ASSERT_EQ(placeholders.size(), 2u);
  EXPECT_EQ(Html::attr(placeholders[0], "id"), "embed-1");
  EXPECT_NE(Html::text(placeholders[0]).find("YouTube"), std::string::npos);
  EXPECT_NE(Html::text(placeholders[1]).find("X:"), std::string::npos);
  auto show = html.by_class("embed-show");
  ASSERT_EQ(show.size(), 2u);
  EXPECT_EQ(Html::attr(show[1], "href"), "?embed=2#embed-2");
  EXPECT_EQ(page.body.find("evil.example"), std::string::npos);  // removed, not shown as code
  EXPECT_EQ(page.body.find("&lt;iframe"), std::string::npos);

  // The reader asks for the second: that page has its frame (and is not cached).
  auto asked = http_get(server.port(), "/floods-in-kunar/?embed=2");
  ASSERT_EQ(asked.status, 200);
  Html with_frame(asked.body);
  auto frames = with_frame.all("iframe");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(Html::attr(frames[0], "src"),
            "https://platform.twitter.com/embed/Tweet.html?id=42&dnt=true");
  EXPECT_NE(Html::attr(frames[0], "sandbox"), "");
  EXPECT_EQ(with_frame.by_class("embed-show").size(), 1u);  // the other still waits
  EXPECT_NE(asked.header("x-cache"), "HIT");
  EXPECT_EQ(http_get(server.port(), "/floods-in-kunar/?embed=99").status, 200);  // none such

  // Only X enabled: YouTube stays a plain link, and the page allows X's frames only.
  auto set = run_khabar({"settings", "--data", data.string(), "embed_providers", "x"});
  ASSERT_EQ(set.exit_code, 0) << set.output;
  EXPECT_NE(
      run_khabar({"settings", "--data", data.string(), "embed_providers", "x, myspace"}).exit_code,
      0);
  page = http_get(server.port(), "/floods-in-kunar/");
  EXPECT_EQ(frame_src(page), "https://platform.twitter.com");
  Html only_x(page.body);
  ASSERT_EQ(only_x.by_class("embed").size(), 1u);
  EXPECT_NE(page.body.find("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\""),
            std::string::npos);
  // None: no frame may load on any reader page.
  ASSERT_EQ(run_khabar({"settings", "--data", data.string(), "embed_providers", ""}).exit_code, 0);
  page = http_get(server.port(), "/floods-in-kunar/?embed=1");
  EXPECT_EQ(frame_src(page), "'none'");
  EXPECT_TRUE(Html(page.body).all("iframe").empty());
  EXPECT_EQ(frame_src(http_get(server.port(), "/")), "'none'");
}

}  // namespace
