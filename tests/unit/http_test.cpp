#include <gtest/gtest.h>

#include "content/urls.h"
#include "http/compression.h"
#include "http/finalize.h"
#include "http/url.h"

using namespace khabar::http;
namespace content = khabar::content;

TEST(Url, PercentDecodeRejectsMalformedAndNul) {
  EXPECT_EQ(content::percent_decode("/a%20b/"), "/a b/");
  EXPECT_EQ(content::percent_decode("%D9%BE"), "پ");
  EXPECT_EQ(content::percent_decode("a+b", true), "a b");
  EXPECT_EQ(content::percent_decode("a+b", false), "a+b");
  EXPECT_FALSE(content::percent_decode("%zz"));
  EXPECT_FALSE(content::percent_decode("%4"));
  EXPECT_FALSE(content::percent_decode("%"));
  EXPECT_FALSE(content::percent_decode("a%00b"));
}

TEST(Url, TargetParsingRejectsDotSegmentsAndNonOriginForm) {
  auto t = parse_target("/category/world/?utm=x&y=%41");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/category/world/");
  EXPECT_EQ(t->query, "utm=x&y=%41");
  EXPECT_FALSE(parse_target("http://example.org/"));
  EXPECT_FALSE(parse_target("*"));
  EXPECT_FALSE(parse_target("/../etc/passwd"));
  EXPECT_FALSE(parse_target("/a/%2e%2e/b"));
  EXPECT_FALSE(parse_target("/a/./b"));
  EXPECT_TRUE(parse_target("/a..b/"));
}

TEST(Url, QueryParameters) {
  auto q = parse_query("a=1&b=x+y&c=%E2%9C%93&bad=%zz&&d");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[1].second, "x y");
  EXPECT_EQ(q[2].second, "✓");
  EXPECT_EQ(q[3].first, "d");
}

TEST(Compression, GzipRoundTripAndAcceptEncoding) {
  std::string text(10000, 'k');
  auto gz = gzip_compress(text);
  EXPECT_LT(gz.size(), 200u);
  EXPECT_EQ(gzip_decompress(gz, 1 << 20), text);
  EXPECT_FALSE(gzip_decompress(gz, 100));  // over the limit
  EXPECT_FALSE(gzip_decompress("not gzip", 100));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("br"));
  EXPECT_FALSE(accepts_gzip(""));
}

namespace {
Request get(std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request r;
  r.method = "GET";
  r.path = "/";
  r.headers = std::move(headers);
  return r;
}
Response page() {
  Response r;
  r.body = std::string(2000, 'x');
  return r;
}
std::string header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}
}  // namespace

TEST(Finalize, EtagAndNotModified) {
  Response r = page();
  finalize_response(get(), r);
  std::string etag = header(r, "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.cache_control, "no-cache");
  EXPECT_EQ(header(r, "X-Content-Type-Options"), "nosniff");

  Response again = page();
  finalize_response(get({{"if-none-match", etag}}), again);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());

  Response other = page();
  finalize_response(get({{"if-none-match", "\"0000\""}}), other);
  EXPECT_EQ(other.status, 200);
}

TEST(Finalize, GzipWhenAcceptedWithItsOwnEtag) {
  Response r = page();
  finalize_response(get({{"accept-encoding", "gzip"}}), r);
  EXPECT_EQ(header(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(r, "Vary"), "Accept-Encoding");
  EXPECT_NE(header(r, "ETag").find("-gzip\""), std::string::npos);
  EXPECT_EQ(gzip_decompress(r.body, 1 << 20), std::string(2000, 'x'));

  // The gzip ETag revalidates too.
  Response again = page();
  finalize_response(get({{"accept-encoding", "gzip"}, {"if-none-match", header(r, "ETag")}}),
                    again);
  EXPECT_EQ(again.status, 304);
}

TEST(Finalize, SmallOrBinaryBodiesAreNotCompressed) {
  Response small;
  small.body = "tiny";
  finalize_response(get({{"accept-encoding", "gzip"}}), small);
  EXPECT_EQ(header(small, "Content-Encoding"), "");
  Response png = page();
  png.content_type = "image/png";
  finalize_response(get({{"accept-encoding", "gzip"}}), png);
  EXPECT_EQ(header(png, "Content-Encoding"), "");
}

TEST(Finalize, ErrorsGetNoEtag) {
  Response r = page();
  r.status = 404;
  finalize_response(get(), r);
  EXPECT_EQ(header(r, "ETag"), "");
}
