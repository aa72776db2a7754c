// WordPress post content as the importer turns it into safe HTML: shortcodes, block
// comments, and hostile inputs that must cost linear time.
#include "importers/wordpress_content.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

namespace {

using khabar::importers::Attachment;
using khabar::importers::ContentReport;
using khabar::importers::wordpress_to_html;

std::string convert(std::string_view content, ContentReport* report = nullptr) {
  ContentReport local;
  auto none = [](std::int64_t) -> const Attachment* { return nullptr; };
  return wordpress_to_html(content, none, {}, report ? *report : local);
}

TEST(WordPressContent, CaptionsLiteralBracketsAndUnknownShortcodes) {
  EXPECT_EQ(convert("[caption id=\"a\" align=\"alignleft\"]<img src=\"/p.jpg\" alt=\"P\"> The "
                    "harbour[/caption]"),
            "<figure class=\"wp-caption alignleft\">\n<img src=\"/p.jpg\" alt=\"P\" "
            "loading=\"lazy\">\n<figcaption>\nThe harbour</figcaption>\n</figure>\n");
  EXPECT_EQ(convert("Write [[caption]] to show it"), "<p>Write [caption] to show it</p>\n");
  ContentReport report;
  EXPECT_EQ(convert("[poll id=\"3\"] and [b", &report), "<p>[poll id=&quot;3&quot;] and [b</p>\n");
  EXPECT_EQ(report.unknown_shortcodes["poll"], 1);
  EXPECT_EQ(convert("[embed]https://video.example/v/1[/embed]"),
            "<p>\n<a href=\"https://video.example/v/1\" "
            "rel=\"noopener\">https://video.example/v/1</a></p>\n");
}

TEST(WordPressContent, AudioAndVideoPlayFromThisSiteOnly) {
  // The site's own file (uploads moved into the library): a player with its link.
  std::string own = convert("[audio mp3=\"/media/2024/05/interview.mp3\"][/audio]");
  EXPECT_NE(own.find("<audio src=\"/media/2024/05/interview.mp3\" controls preload=\"none\">"),
            std::string::npos)
      << own;
  EXPECT_NE(own.find(">interview.mp3</a>"), std::string::npos) << own;
  // Another host's: no source (it would load before play), the link stays.
  std::string other =
      convert("[video mp4=\"https://old.example/v.mp4\" poster=\"https://old.example/p.jpg\"]");
  EXPECT_EQ(other.find("src=\"https://old.example/v.mp4\""), std::string::npos) << other;
  EXPECT_EQ(other.find("poster="), std::string::npos) << other;
  EXPECT_NE(other.find("<a href=\"https://old.example/v.mp4\" rel=\"noopener\">v.mp4</a>"),
            std::string::npos)
      << other;
  std::string tags = convert(
      "<video src=\"/media/a.mp4\" autoplay onplay=\"x()\"><source src=\"/media/a.webm\" "
      "type=\"video/webm\"><source src=\"javascript:alert(1)\"></video>");
  EXPECT_NE(tags.find("<video src=\"/media/a.mp4\" controls preload=\"none\">"), std::string::npos)
      << tags;
  EXPECT_NE(tags.find("<source src=\"/media/a.webm\" type=\"video/webm\">"), std::string::npos);
  EXPECT_EQ(tags.find("autoplay"), std::string::npos);
  EXPECT_EQ(tags.find("javascript"), std::string::npos);
  EXPECT_EQ(tags.find("onplay"), std::string::npos);
  // A player left with nothing to play from this site is no player: its link stays.
  EXPECT_EQ(other.find("<video"), std::string::npos) << other;
  std::string elsewhere = convert(
      "<audio src=\"https://old.example/a.mp3\"><source src=\"https://cdn.example/a.ogg\">Listen"
      "</audio>");
  EXPECT_EQ(elsewhere.find("<audio"), std::string::npos) << elsewhere;
  EXPECT_EQ(elsewhere.find("<source"), std::string::npos) << elsewhere;
  EXPECT_NE(elsewhere.find("Listen"), std::string::npos) << elsewhere;
  EXPECT_NE(convert("<audio><source src=\"/media/a.ogg\"></audio>").find("<audio controls"),
            std::string::npos);
}

TEST(WordPressContent, NestedCaptionsKeepTheirText) {
  std::string clean = convert("[caption]outer [caption]inner[/caption] after[/caption]");
  EXPECT_NE(clean.find("inner"), std::string::npos) << clean;
  EXPECT_NE(clean.find("after"), std::string::npos) << clean;
}

// The fastest of three runs, in seconds.
template <class F>
double fastest(F f) {
  double best = 1e9;
  for (int i = 0; i < 3; ++i) {
    auto start = std::chrono::steady_clock::now();
    f();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

// Not a speed target: a check of the growth. Eight times the input must cost about eight
// times the work; quadratic code (as before: 100,000 nested captions took 29 s) costs 64.
void expect_linear(const std::function<std::string(int)>& make) {
  std::string small = make(12500), large = make(100000);
  double t_small = fastest([&] { convert(small); });
  double t_large = fastest([&] { convert(large); });
  EXPECT_LT(t_large, 24 * std::max(t_small, 1e-4)) << t_small << " s vs " << t_large << " s";
}

TEST(WordPressContent, ShortcodeExpansionIsLinear) {
  expect_linear([](int n) {  // nested captions, as an attacker writes them
    std::string s;
    for (int i = 0; i < n; ++i) s += "[caption]";
    s += "x";
    for (int i = 0; i < n; ++i) s += "[/caption]";
    return s;
  });
  expect_linear([](int n) {  // openings that never close
    std::string s;
    for (int i = 0; i < n; ++i) s += "[caption a=b ";
    return s;
  });
  expect_linear([](int n) {  // many different unclosed names
    std::string s;
    for (int i = 0; i < n; ++i) s += "[x" + std::to_string(i) + "] ";
    s += "]";
    return s;
  });
  expect_linear([](int n) {  // block comments that never end
    std::string s;
    for (int i = 0; i < n; ++i) s += "<!-- wp:paragraph ";
    return s;
  });
}

TEST(WordPressContent, DeepMarkupIsFlattenedAndReported) {
  std::string s;
  for (int i = 0; i < 200000; ++i) s += "<span>";
  s += "kept";
  ContentReport report;
  std::string clean = convert(s, &report);
  EXPECT_TRUE(report.flattened);
  EXPECT_NE(clean.find("kept"), std::string::npos);
}

}  // namespace
