// HTTP behaviour of a real `khabar serve` on 127.0.0.1: the wire, limits, shutdown.
#include <gtest/gtest.h>
#include <signal.h>
#include <sodium.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include "http/compression.h"
#include "support/demo_site.h"
#include "support/http_client.h"
#include "support/temp_dir.h"
#include "support/tool.h"

using namespace khabar::test;

TEST(Server, KeepAliveAnswersPipelinedRequestsInOrder) {
  int port = demo_site().port();
  std::string two = "GET /about/ HTTP/1.1\r\nHost: x\r\n\r\nGET /feed/ HTTP/1.1\r\nHost: x\r\n\r\n";
  auto responses = http_exchange(port, two, 2);
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].status, 200);
  EXPECT_NE(responses[0].body.find("About Khabar"), std::string::npos);
  EXPECT_EQ(responses[1].header("content-type"), "application/rss+xml; charset=utf-8");
  EXPECT_EQ(responses[0].header("connection"), "");  // HTTP/1.1 keep-alive is implicit
}

TEST(Server, HeadHasTheHeadersOfGetWithoutBody) {
  int port = demo_site().port();
  auto get = http_get(port, "/");
  auto head = http_request(port, "HEAD", "/");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
  EXPECT_EQ(head.header("etag"), get.header("etag"));
}

TEST(Server, EtagRevalidatesWith304) {
  int port = demo_site().port();
  auto first = http_get(port, "/category/world/");
  ASSERT_EQ(first.status, 200);
  std::string etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  auto again = http_get(port, "/category/world/", {"If-None-Match: " + etag});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(http_get(port, "/category/world/", {"If-None-Match: \"nope\""}).status, 200);
}

TEST(Server, GzipWhenAcceptedAndCacheHeaders) {
  int port = demo_site().port();
  auto plain = http_get(port, "/");
  auto gz = http_get(port, "/", {"Accept-Encoding: gzip, deflate"});
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_EQ(gz.header("vary"), "Accept-Encoding");
  EXPECT_LT(gz.body.size(), plain.body.size() / 2);
  EXPECT_EQ(khabar::http::gzip_decompress(gz.body, 10 << 20), plain.body);
  EXPECT_EQ(plain.header("cache-control"), "public, max-age=60");
  EXPECT_NE(plain.header("content-security-policy").find("script-src 'none'"), std::string::npos);
  EXPECT_EQ(plain.header("x-content-type-options"), "nosniff");
}

// Issue 14 (Lighthouse performance): the reader pages carry the theme's small stylesheet
// in a <style> element, the very text /static/style.css serves, so the first paint waits
// for no second request; the Content-Security-Policy lets exactly that text through (by
// its SHA-256) and no other inline style. The admin links its stylesheet as before.
TEST(Server, ReaderPagesCarryTheirStylesheetAllowedByItsHash) {
  int port = demo_site().port();
  std::string css = http_get(port, "/static/style.css").body;
  ASSERT_GT(css.size(), 1000u);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(css.data()), css.size());
  char hash[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(hash, sizeof hash, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
  for (const char* path : {"/", "/kabul-opens-three-new-public-libraries-before-winter/",
                           "/category/afghanistan/", "/search/?q=kabul", "/no-such-page/"}) {
    auto page = http_get(port, path);
    EXPECT_NE(page.body.find("<style>" + css + "</style>"), std::string::npos) << path;
    EXPECT_EQ(page.body.find("rel=\"stylesheet\""), std::string::npos) << path;
    std::string policy = page.header("content-security-policy");
    EXPECT_NE(policy.find("style-src 'self' 'sha256-" + std::string(hash) + "';"),
              std::string::npos)
        << path << ": " << policy;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << path;
  }
  auto admin = http_get(port, "/admin/login");
  EXPECT_NE(admin.body.find("rel=\"stylesheet\""), std::string::npos);
  EXPECT_EQ(admin.body.find("<style>"), std::string::npos);
}

TEST(Server, FingerprintedStaticAssetsAreImmutable) {
  int port = demo_site().port();
  // The reader pages carry their stylesheet inside; the admin's links its own.
  auto login = http_get(port, "/admin/login");
  std::size_t at = login.body.find("/static/admin.");
  ASSERT_NE(at, std::string::npos);
  std::string url = login.body.substr(at, login.body.find('"', at) - at);
  auto css = http_get(port, url, {"Accept-Encoding: gzip"});
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.header("content-encoding"), "gzip");
  EXPECT_EQ(http_get(port, "/static/style.css").header("cache-control"), "public, max-age=3600");
  EXPECT_EQ(http_get(port, "/static/nope.css").status, 404);
  EXPECT_EQ(http_get(port, "/static/../khabar.toml").status, 400);
  EXPECT_EQ(http_get(port, "/static/%2e%2e/khabar.toml").status, 400);
}

TEST(Server, MalformedRequestsGetClear4xx) {
  int port = demo_site().port();
  auto garbage = http_exchange(port, "THIS IS NOT HTTP\r\n\r\n");
  ASSERT_EQ(garbage.size(), 1u);
  EXPECT_EQ(garbage[0].status, 400);
  EXPECT_NE(garbage[0].body.find("Malformed"), std::string::npos);

  auto huge_header = http_exchange(
      port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n");
  ASSERT_EQ(huge_header.size(), 1u);
  EXPECT_EQ(huge_header[0].status, 431);

  auto huge_body =
      http_exchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\nabc");
  ASSERT_EQ(huge_body.size(), 1u);
  EXPECT_EQ(huge_body[0].status, 413);

  EXPECT_EQ(http_get(port, "/%zz/").status, 400);
  EXPECT_EQ(http_get(port, "/a/%00/").status, 400);
  EXPECT_EQ(http_request(port, "POST", "/").status, 405);
  EXPECT_EQ(http_request(port, "DELETE", "/about/").status, 405);
}

TEST(Server, BadUrlsAreNeverA500) {
  int port = demo_site().port();
  for (std::string target : std::vector<std::string>{
           "/%FF%FE%FD/", "/%C0%AF/", "/" + std::string(3000, 'x') + "/", "/category/%ED%A0%80/",
           "/page/0/", "/page/99999999999/", "/page/-1/", "/tag//", "/author/", "/category/",
           "/feed/feed/", "/%D9%BE%D9%BE/", "/a/b/c/d/e/f/", "/a;b/", "/index.php"}) {
    auto r = http_get(port, target);
    EXPECT_GE(r.status, 300) << target;
    EXPECT_LT(r.status, 500) << target;
  }
  auto long_target = http_get(port, "/" + std::string(6000, 'y'));
  EXPECT_EQ(long_target.status, 414);
}

TEST(Server, SlowClientsAreCutOff) {
  int port = demo_site().port();  // read_timeout_ms = 1500 in this site's khabar.toml
  auto start = std::chrono::steady_clock::now();
  // An unfinished request: the server must not wait for the rest forever.
  auto r = http_exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(r.empty());
  EXPECT_LT(waited, std::chrono::seconds(10));
  EXPECT_GE(waited, std::chrono::milliseconds(1000));
}

TEST(Server, StopsOnSigtermWithIdleConnectionsOpenAndExitsZero) {
  TempDir dir;
  make_demo_site(dir.path() / "site");
  ServerProcess server(dir.path() / "site");
  // An idle keep-alive connection (a request served, then silence) must not hold the stop.
  std::thread idle([port = server.port()] {
    http_exchange(port, "GET /about/ HTTP/1.1\r\nHost: x\r\n\r\n", 2);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto start = std::chrono::steady_clock::now();
  int code = server.stop(SIGTERM);
  auto took = std::chrono::steady_clock::now() - start;
  idle.join();
  EXPECT_EQ(code, 0) << server.log();
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_NE(server.log().find("finishing requests in flight"), std::string::npos);
}

TEST(Server, RequestsInFlightFinishDuringShutdown) {
  TempDir dir;
  make_demo_site(dir.path() / "site");
  ServerProcess server(dir.path() / "site");
  int port = server.port();
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i)
    clients.emplace_back([&] {
      for (int k = 0; k < 25; ++k) {
        try {
          auto r = http_get(port, "/");
          if (r.status == 200 && r.body.find("</html>") != std::string::npos)
            ++ok;
          else
            ++failed;
        } catch (const std::exception&) {
          return;  // refused after the stop: fine; a cut response is not
        }
      }
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(server.stop(SIGINT), 0);
  for (auto& c : clients) c.join();
  EXPECT_GT(ok.load(), 0);
  EXPECT_EQ(failed.load(), 0);
}

// Issue 20: the theme's own font for Arabic-script text. The stylesheet names its two
// WOFF2 files by their fingerprinted (immutable) addresses, only for the Arabic blocks;
// each file is served as font/woff2 and, read by fontTools (an implementation not ours),
// has a glyph for every letter of the Pashto alphabet.
TEST(Server, TheThemesArabicFontCoversEveryPashtoLetter) {
  int port = demo_site().port();
  auto css = http_get(port, "/static/style.css").body;
  std::regex face(R"(url\((/static/fonts/naskh-arabic-(regular|bold)\.[0-9a-f]{10}\.woff2)\))");
  std::vector<std::string> fonts;
  for (auto it = std::sregex_iterator(css.begin(), css.end(), face); it != std::sregex_iterator();
       ++it)
    fonts.push_back((*it)[1]);
  ASSERT_EQ(fonts.size(), 2u) << css.substr(0, 1500);
  EXPECT_NE(css.find("unicode-range: U+0600-06FF"), std::string::npos);
  TempDir dir;
  for (const auto& url : fonts) {
    auto font = http_get(port, url);
    ASSERT_EQ(font.status, 200) << url;
    EXPECT_EQ(font.header("content-type"), "font/woff2");
    EXPECT_EQ(font.header("cache-control"), "public, max-age=31536000, immutable");
    auto path = dir.path() / "font.woff2";
    std::ofstream(path, std::ios::binary) << font.body;
    // The 44 letters of the Pashto alphabet, with hamza forms and ye variants.
    auto check = run_tool(
        "/usr/bin/python3 -c 'import sys; from fontTools.ttLib import TTFont; "
        "cmap = TTFont(sys.argv[1]).getBestCmap(); "
        "letters = \"ابپتټثجځچڅحخدډذرړزږژسشښصضطظعغفقکګلمنڼوهۀيېیۍئءآأؤ\"; "
        "print(\"missing:\", \"\".join(c for c in letters if ord(c) not in cmap) or \"none\")' '" +
        path.string() + "' 2>&1");
    EXPECT_EQ(check.output, "missing: none\n") << url;
  }
}
