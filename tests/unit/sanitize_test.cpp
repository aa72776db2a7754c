// The HTML sanitiser against what attackers (and old WordPress plugins) put in posts.
#include "render/sanitize.h"

#include <gtest/gtest.h>

using khabar::render::is_safe_url;
using khabar::render::sanitize_html;

TEST(Sanitize, KeepsOrdinaryArticleMarkup) {
  EXPECT_EQ(sanitize_html("<p>Hello <strong>world</strong> &amp; <a "
                          "href=\"https://x.example/a?b=1&amp;c=2\" title=\"T\">link</a></p>"),
            "<p>Hello <strong>world</strong> &amp; <a href=\"https://x.example/a?b=1&amp;c=2\" "
            "title=\"T\" rel=\"noopener\">link</a></p>");
  EXPECT_EQ(sanitize_html("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
  EXPECT_EQ(sanitize_html("<img src=\"/a.jpg\" alt=\"A\" onerror=\"x()\">"),
            "<img src=\"/a.jpg\" alt=\"A\" loading=\"lazy\">");
  EXPECT_EQ(sanitize_html("<figure class=\"wp-caption aligncenter evil\"><img "
                          "src=\"a.png\"><figcaption>C</figcaption></figure>"),
            "<figure class=\"wp-caption aligncenter\"><img src=\"a.png\" "
            "loading=\"lazy\"><figcaption>C</figcaption></figure>");
  EXPECT_EQ(sanitize_html("Ø كابل <em>ښه</em>"), "Ø كابل <em>ښه</em>");
}

TEST(Sanitize, RemovesScriptsHandlersAndDangerousUrls) {
  for (const char* attack :
       {"<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVa&#x09;ScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)><script>x</script></svg>",
        "<style>body{display:none}</style>",
        "<div style=\"background:url(javascript:x)\">t</div>",
        "<body onload=alert(1)>t</body>",
        "<p onclick=\"alert(1)\">t</p>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<object data=\"x.swf\"></object>",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<math><mi xlink:href=\"javascript:x\">t</mi></math>",
        "<img src=\"vbscript:msgbox(1)\">",
        "<!--<script>x</script>-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<scr<script>ipt>alert(1)</script>"}) {
    std::string clean = sanitize_html(attack);
    SCOPED_TRACE(std::string(attack) + " -> " + clean);
    EXPECT_EQ(clean.find("<script"), std::string::npos);
    EXPECT_EQ(clean.find("onerror="), std::string::npos);
    EXPECT_EQ(clean.find("onload="), std::string::npos);
    EXPECT_EQ(clean.find("onclick="), std::string::npos);
    EXPECT_EQ(clean.find("javascript:"), std::string::npos);
    EXPECT_EQ(clean.find("<iframe"), std::string::npos);
    EXPECT_EQ(clean.find("style"), std::string::npos);
    EXPECT_EQ(clean.find("data:"), std::string::npos);
    EXPECT_EQ(clean.find("<form"), std::string::npos);
  }
  EXPECT_EQ(sanitize_html("<p>a<unknown-tag>b</unknown-tag>c</p>"), "<p>abc</p>");
}

TEST(Sanitize, UrlSchemes) {
  EXPECT_TRUE(is_safe_url("https://a.example/"));
  EXPECT_TRUE(is_safe_url("/relative/path:with-colon"));
  EXPECT_TRUE(is_safe_url("page.html"));
  EXPECT_TRUE(is_safe_url("mailto:desk@news.example"));
  EXPECT_TRUE(is_safe_url("#top"));
  EXPECT_FALSE(is_safe_url("javascript:alert(1)"));
  EXPECT_FALSE(is_safe_url("\x01java\nscript:alert(1)"));
  EXPECT_FALSE(is_safe_url("data:image/png;base64,AAAA"));
  EXPECT_FALSE(is_safe_url("file:///etc/passwd"));
}

// Issue 18, finding 1: hostile nesting must cost bounded stack and memory.
static std::string nested(const std::string& open, const std::string& close, int n,
                          const std::string& inner = "deep") {
  std::string s;
  s.reserve((open.size() + close.size()) * static_cast<std::size_t>(n) + inner.size());
  for (int i = 0; i < n; ++i) s += open;
  s += inner;
  for (int i = 0; i < n; ++i) s += close;
  return s;
}

TEST(Sanitize, DeeplyNestedSpansAreFlattenedNotCrashing) {
  khabar::render::SanitizeNotes notes;
  std::string clean = sanitize_html(nested("<span>", "</span>", 200000), nullptr, &notes);
  EXPECT_TRUE(notes.flattened);
  EXPECT_NE(clean.find("deep"), std::string::npos);
  std::size_t opened = 0;
  for (std::size_t at = 0; (at = clean.find("<span>", at)) != std::string::npos; ++at) ++opened;
  EXPECT_LE(opened, 100u);
  EXPECT_EQ(opened, [&] {
    std::size_t closed = 0;
    for (std::size_t at = 0; (at = clean.find("</span>", at)) != std::string::npos; ++at) ++closed;
    return closed;
  }());
}

TEST(Sanitize, DeeplyNestedDivsWithoutEndTagsStayBounded) {
  // 200,000 unclosed <div> (1 MB): gumbo records a parse error per element left open, each
  // with a copy of the open-element stack, unless errors are bounded.
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "end";
  khabar::render::SanitizeNotes notes;
  std::string clean = sanitize_html(html, nullptr, &notes);
  EXPECT_TRUE(notes.flattened);
  EXPECT_NE(clean.find("end"), std::string::npos);
  EXPECT_LT(clean.size(), 4096u);
}

TEST(Sanitize, ShallowMarkupIsNotFlattened) {
  khabar::render::SanitizeNotes notes;
  EXPECT_EQ(sanitize_html(nested("<div>", "</div>", 50, "x"), nullptr, &notes),
            nested("<div>", "</div>", 50, "x"));
  EXPECT_FALSE(notes.flattened);
}

TEST(Sanitize, TextAfterAnUnclosedMathOrSvgIsKept) {
  std::string clean =
      sanitize_html("<p>Before <math><mi>x</mi> and the rest of the story</p><p>Next</p>");
  EXPECT_NE(clean.find("Before"), std::string::npos) << clean;
  EXPECT_NE(clean.find("the rest of the story"), std::string::npos) << clean;
  EXPECT_NE(clean.find("Next"), std::string::npos) << clean;
  EXPECT_EQ(clean.find("<math"), std::string::npos) << clean;
  std::string svg = sanitize_html("<svg><text>Label</text><script>alert(1)</script> tail");
  EXPECT_NE(svg.find("Label"), std::string::npos) << svg;
  EXPECT_NE(svg.find("tail"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("alert"), std::string::npos) << svg;
}
