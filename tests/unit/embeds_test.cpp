// Embeds (issue 13): which links are embeds, the placeholder that makes no request to the
// provider, the frame once asked for, the page's frame sources, and what an import keeps.
#include "render/embeds.h"

#include <gtest/gtest.h>

#include "importers/wordpress_content.h"
#include "render/markdown.h"

namespace {

using khabar::render::EmbedOptions;
using khabar::render::recognise_embed;
using khabar::render::with_embeds;

struct Case {
  std::string url, provider, page, frame;
};

TEST(Embeds, EachProvidersPagesAndFramesAreKnown) {
  std::vector<Case> cases = {
      {"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "youtube",
       "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
       "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"},
      {"https://youtu.be/dQw4w9WgXcQ", "youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
       "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"},
      {"https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube",
       "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
       "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"},
      {"https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed", "youtube",
       "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
       "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"},
      {"https://vimeo.com/76979871", "vimeo", "https://vimeo.com/76979871",
       "https://player.vimeo.com/video/76979871?dnt=1"},
      {"https://player.vimeo.com/video/76979871", "vimeo", "https://vimeo.com/76979871",
       "https://player.vimeo.com/video/76979871?dnt=1"},
      {"https://twitter.com/TOLOnews/status/1234567890123456789", "x",
       "https://x.com/TOLOnews/status/1234567890123456789",
       "https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789&dnt=true"},
      {"https://x.com/i/web/status/42", "x", "https://x.com/i/status/42",
       "https://platform.twitter.com/embed/Tweet.html?id=42&dnt=true"},
      {"https://www.facebook.com/bbcpashto/posts/12345", "facebook",
       "https://www.facebook.com/bbcpashto/posts/12345",
       "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fbbcpashto%"
       "2Fposts%2F12345"},
      {"https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx%"
       "2Fvideos%2F9",
       "facebook", "https://www.facebook.com/x/videos/9",
       "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx%"
       "2Fvideos%2F9"},
      {"https://www.instagram.com/p/CxYz_12-a/", "instagram",
       "https://www.instagram.com/p/CxYz_12-a/", "https://www.instagram.com/p/CxYz_12-a/embed/"},
      {"https://www.tiktok.com/@bbcnews/video/7300000000000000000", "tiktok",
       "https://www.tiktok.com/@bbcnews/video/7300000000000000000",
       "https://www.tiktok.com/embed/v2/7300000000000000000"},
      {"https://soundcloud.com/radio-azadi/episode-12", "soundcloud",
       "https://soundcloud.com/radio-azadi/episode-12",
       "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fradio-azadi%2Fepisode-"
       "12"},
      {"https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&color=ff5500",
       "soundcloud", "https://api.soundcloud.com/tracks/293",
       "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F293"},
      {"https://open.spotify.com/intl-de/episode/4rOoJ6Egrf8K2IrywzwOMk?si=1", "spotify",
       "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
       "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"},
  };
  for (const auto& c : cases) {
    auto e = recognise_embed(c.url);
    ASSERT_TRUE(e) << c.url;
    EXPECT_EQ(e->provider->key, c.provider) << c.url;
    EXPECT_EQ(e->url, c.page) << c.url;
    EXPECT_EQ(e->frame, c.frame) << c.url;
    // The page found is itself known, as the same embed (what an import keeps).
    auto again = recognise_embed(e->url);
    ASSERT_TRUE(again) << e->url;
    EXPECT_EQ(again->frame, e->frame);
  }
  for (std::string bad :
       {"https://www.youtube.com/watch?v=short",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
        "https://user@youtube.com/watch?v=dQw4w9WgXcQ", "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
        "https://vimeo.com/channels/staffpicks", "https://x.com/TOLOnews",
        "https://www.facebook.com/bbcpashto", "https://open.spotify.com/user/abc",
        "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fevil.example%2F",
        "ftp://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgX\"Q"})
    EXPECT_FALSE(recognise_embed(bad)) << bad;
}

EmbedOptions all() {
  EmbedOptions o;
  for (const auto& p : khabar::render::embed_providers()) o.enabled.emplace_back(p.key);
  return o;
}

TEST(Embeds, ALinkAloneIsAPlaceholderUntilTheReaderAsks) {
  std::string html = khabar::render::markdown_to_html(
      "Before.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nA [link](https://youtu.be/dQw4w9WgXcQ) in "
      "text stays a link.\n\nhttps://x.com/TOLOnews/status/42\n");
  std::string placeholders = with_embeds(html, all());
  EXPECT_EQ(placeholders.find("<iframe"), std::string::npos) << placeholders;
  EXPECT_EQ(placeholders.find("youtube-nocookie"), std::string::npos);
  EXPECT_EQ(placeholders.find("platform.twitter.com"), std::string::npos);
  EXPECT_NE(placeholders.find("<figure class=\"embed embed-youtube\" id=\"embed-1\">"
                              "<p class=\"embed-what\">YouTube: <a "
                              "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" "
                              "rel=\"nofollow noopener\">"),
            std::string::npos)
      << placeholders;
  EXPECT_NE(placeholders.find("href=\"?embed=1#embed-1\""), std::string::npos);
  EXPECT_NE(placeholders.find("href=\"?embed=2#embed-2\""), std::string::npos);
  EXPECT_NE(placeholders.find("<a href=\"https://youtu.be/dQw4w9WgXcQ\">link</a> in text"),
            std::string::npos);
  EXPECT_NE(placeholders.find("<p>Before.</p>"), std::string::npos);

  auto asked = all();
  asked.load = 2;
  std::string second = with_embeds(html, asked);
  EXPECT_NE(second.find("<iframe src=\"https://platform.twitter.com/embed/Tweet.html?id=42&amp;"
                        "dnt=true\" title=\"X\""),
            std::string::npos)
      << second;
  EXPECT_EQ(second.find("youtube-nocookie"), std::string::npos);  // only the one asked for
  EXPECT_EQ(second.find("<iframe"), second.rfind("<iframe"));

  // A provider not enabled stays a plain link; none enabled: the HTML as it was.
  EmbedOptions only_x;
  only_x.enabled = {"x"};
  std::string x = with_embeds(html, only_x);
  EXPECT_NE(x.find("<p><a href=\"https://youtu.be/dQw4w9WgXcQ\">"), std::string::npos) << x;
  EXPECT_NE(x.find("id=\"embed-1\""), std::string::npos);
  EXPECT_EQ(with_embeds(html, {}), html);
  EXPECT_FALSE(khabar::render::has_embeds(html, {}));
  EXPECT_TRUE(khabar::render::has_embeds(html, {"x"}));
}

TEST(Embeds, TheFrameSourcesAreThoseOfTheEnabledProviders) {
  EXPECT_EQ(khabar::render::embed_frame_sources({}), "'none'");
  EXPECT_EQ(khabar::render::embed_frame_sources({"spotify", "youtube", "nonsense"}),
            "https://www.youtube-nocookie.com https://open.spotify.com");
}

std::string imported(std::string_view content) {
  khabar::importers::ContentReport report;
  auto none = [](std::int64_t) -> const khabar::importers::Attachment* { return nullptr; };
  return khabar::importers::wordpress_to_html(content, none, {}, report);
}

TEST(Embeds, AnImportKeepsWordPressEmbedsAsTheirLinks) {
  // An iframe of a provider, an auto-embed line, a block-editor embed and [embed] each
  // become an embed; any other iframe is removed, never shown as code.
  std::string html = imported(
      "Watch:\n\n<iframe width=\"560\" height=\"315\" "
      "src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed\" frameborder=\"0\" "
      "allowfullscreen></iframe>\n\nhttps://twitter.com/TOLOnews/status/42\n\n"
      "<!-- wp:embed {\"url\":\"https://vimeo.com/76979871\"} -->\n<figure "
      "class=\"wp-block-embed is-type-video\"><div class=\"wp-block-embed__wrapper\">\n"
      "https://vimeo.com/76979871\n</div></figure>\n<!-- /wp:embed -->\n\n"
      "[embed]https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC[/embed]\n\n"
      "<iframe src=\"https://evil.example/frame\"></iframe>\n\nAfter.");
  EXPECT_EQ(html.find("iframe"), std::string::npos) << html;
  EXPECT_EQ(html.find("evil.example"), std::string::npos) << html;
  std::string shown = with_embeds(html, all());
  for (std::string provider : {"youtube", "x", "vimeo", "spotify"})
    EXPECT_NE(shown.find("embed embed-" + provider + "\""), std::string::npos) << provider << "\n"
                                                                               << shown;
  EXPECT_NE(shown.find("After."), std::string::npos);
}

TEST(Embeds, PastedEmbedCodeIsAnEmbedAndOtherCodeIsNeverShown) {
  std::string md =
      "Before.\n\n<iframe width=\"560\" height=\"315\" "
      "src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?si=x\" title=\"YouTube video player\" "
      "frameborder=\"0\" allowfullscreen></iframe>\n\n"
      "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Floods in Kunar</p>"
      "&mdash; TOLOnews (@TOLOnews) <a "
      "href=\"https://twitter.com/TOLOnews/status/42?ref_src=twsrc%5Etfw\">December 1, "
      "2026</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" "
      "charset=\"utf-8\"></script>\n\n"
      "<IFRAME src=\"https://evil.example/\">\n</IFRAME>\n\n<script>alert(1)</script>\n\n"
      "```\n<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>\n```\n\nAfter.";
  std::string html = with_embeds(khabar::render::markdown_to_html(md), all());
  EXPECT_NE(html.find("embed embed-youtube"), std::string::npos) << html;
  EXPECT_NE(html.find("embed embed-x"), std::string::npos) << html;
  EXPECT_EQ(html.find("evil.example"), std::string::npos) << html;
  EXPECT_EQ(html.find("alert(1)"), std::string::npos) << html;
  EXPECT_EQ(html.find("widgets.js"), std::string::npos) << html;
  EXPECT_EQ(html.find("Floods in Kunar"), std::string::npos) << html;  // in the embed itself
  // A code block shows its code, escaped, as written.
  EXPECT_NE(html.find("<code>&lt;iframe src=&quot;https://www.youtube.com/embed/"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<p>Before.</p>"), std::string::npos);
  EXPECT_NE(html.find("<p>After.</p>"), std::string::npos);
  // An opening with no element after it is text, as typed (shown escaped), and many of
  // them cost linear time.
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "<script a=\"\n";
  EXPECT_TRUE(khabar::render::embed_code_as_links(many) == many);
  EXPECT_EQ(khabar::render::embed_code_as_links("<iframe> is the element for frames.\n"),
            "<iframe> is the element for frames.\n");
}

}  // namespace
