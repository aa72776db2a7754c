#include "http/page_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "http/compression.h"
#include "http/finalize.h"

using namespace khabar::http;

namespace {

// HTTP/1.0 unless a test asks otherwise: the answer is then a Response to look into; HTTP/1.1
// GETs may get prepared wire forms instead (tested on their own).
Request get(const std::string& path, std::vector<std::pair<std::string, std::string>> headers = {},
            int version = 10) {
  Request r;
  r.method = "GET";
  r.version = version;
  r.path = path;
  r.target = path;
  r.headers = std::move(headers);
  return r;
}

Handler page(std::atomic<int>& renders, std::vector<std::string> tags, std::string body = "",
             bool cacheable = true) {
  return [&renders, tags, body, cacheable](const Request& r) {
    ++renders;
    Response out;
    out.body = body.empty() ? "<p>" + r.path + "</p>" + std::string(1000, 'x') : body;
    out.cacheable = cacheable;
    out.cache_tags = tags;
    return out;
  };
}

std::string header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

}  // namespace

TEST(PageCache, HitServesTheStoredBytesWithPrecomputedEncodings) {
  PageCache cache;
  std::atomic<int> renders{0};
  auto render = page(renders, {"a"});
  Response first = cache.serve(get("/x/"), render);
  Response second = cache.serve(get("/x/"), render);
  EXPECT_EQ(renders.load(), 1);
  EXPECT_EQ(header(first, "X-Cache"), "MISS");
  EXPECT_EQ(header(second, "X-Cache"), "HIT");
  EXPECT_EQ(first.body, second.body);
  ASSERT_TRUE(second.gzip_body);
  ASSERT_TRUE(second.brotli_body);
  EXPECT_EQ(gzip_decompress(*second.gzip_body, 1 << 20), second.body);
  // A client that takes brotli gets the prepared wire form: headers made once.
  Response br = cache.serve(get("/x/", {{"accept-encoding", "br, gzip"}}, 11), render);
  ASSERT_TRUE(br.wire);
  const WireForm* form =
      pick_wire_form(get("/x/", {{"accept-encoding", "br, gzip"}}, 11), *br.wire);
  ASSERT_TRUE(form);
  EXPECT_NE(form->head.find("Content-Encoding: br\r\n"), std::string::npos) << form->head;
  EXPECT_NE(form->head.find("X-Cache: HIT\r\n"), std::string::npos);
  EXPECT_NE(form->head.find("Vary: Accept-Encoding\r\n"), std::string::npos);
  EXPECT_NE(form->head.find("Content-Length: " + std::to_string(form->body->size()) + "\r\n"),
            std::string::npos);
  EXPECT_TRUE(form->head.starts_with("HTTP/1.1 200 OK\r\n"));
  // Conditional requests take the ordinary path, where finalize answers 304.
  std::string etag = header(second, "ETag");
  auto conditional = get("/x/", {{"if-none-match", etag}});
  Response again = cache.serve(conditional, render);
  EXPECT_FALSE(again.wire && pick_wire_form(conditional, *again.wire));
  finalize_response(conditional, again);
  EXPECT_EQ(again.status, 304);
  auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 3u);
  EXPECT_EQ(stats.misses, 1u);
  EXPECT_EQ(stats.entries, 1u);
}

TEST(PageCache, SingleFlightThousandConcurrentRequestsOneRender) {
  PageCache cache;
  std::atomic<int> renders{0};
  Handler slow = [&](const Request&) {
    ++renders;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    Response r;
    r.body = "slow page";
    r.cacheable = true;
    return r;
  };
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 1000; ++i)
    threads.emplace_back([&] {
      if (cache.serve(get("/busy/"), slow).body == "slow page") ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(renders.load(), 1);
  EXPECT_EQ(ok.load(), 1000);
}

TEST(PageCache, InvalidationDropsExactlyTheTaggedPages) {
  PageCache cache;
  std::atomic<int> renders{0};
  cache.serve(get("/a/"), page(renders, {"article:1", "site"}));
  cache.serve(get("/b/"), page(renders, {"article:2", "site"}));
  cache.serve(get("/c/"), page(renders, {"article:2"}));
  cache.invalidate({"article:2"});
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(header(cache.serve(get("/a/"), page(renders, {})), "X-Cache"), "HIT");
  EXPECT_EQ(header(cache.serve(get("/b/"), page(renders, {"site"})), "X-Cache"), "MISS");
  cache.invalidate({"site"});
  EXPECT_EQ(cache.stats().entries, 0u);
  EXPECT_EQ(cache.stats().invalidated, 4u);
}

TEST(PageCache, APageRenderedAcrossAChangeIsNotKept) {
  PageCache cache;
  std::atomic<int> renders{0};
  Handler racing = [&](const Request&) {
    ++renders;
    cache.invalidate({"unrelated"});  // a change lands while this page renders
    Response r;
    r.body = "maybe stale";
    r.cacheable = true;
    return r;
  };
  EXPECT_EQ(cache.serve(get("/r/"), racing).body, "maybe stale");
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(PageCache, BudgetEvictsLeastRecentlyUsed) {
  PageCache::Options options;
  options.budget_bytes = 100000;
  PageCache cache(options);
  std::atomic<int> renders{0};
  std::string noise;
  std::uint32_t seed = 12345;  // incompressible-ish text, so each page costs ~20 KB
  for (int i = 0; i < 10000; ++i) {
    seed = seed * 1664525u + 1013904223u;
    noise += static_cast<char>('a' + (seed >> 24) % 26);
  }
  auto big = [&](std::string body) { return page(renders, {}, std::move(body)); };
  cache.serve(get("/1/"), big("1" + noise));
  cache.serve(get("/2/"), big("2" + noise));
  for (int i = 3; i <= 8; ++i) {
    cache.serve(get("/1/"), big(""));  // keep /1/ the most recently used
    cache.serve(get("/" + std::to_string(i) + "/"), big(std::to_string(i) + noise));
  }
  auto stats = cache.stats();
  EXPECT_GT(stats.evictions, 0u);
  EXPECT_LE(stats.bytes, options.budget_bytes);
  EXPECT_EQ(header(cache.serve(get("/1/"), big("")), "X-Cache"), "HIT");
  EXPECT_EQ(header(cache.serve(get("/8/"), big("")), "X-Cache"), "HIT");
  EXPECT_EQ(header(cache.serve(get("/2/"), big("2" + noise)), "X-Cache"), "MISS");  // least recent
}

TEST(PageCache, PersonalAndOtherRequestsBypassAndNeverFill) {
  PageCache::Options options;  // the application's check; here: a session cookie "abc"
  options.personal = [](const Request& r) {
    return r.header("cookie").find("khabar_session=abc") != std::string_view::npos;
  };
  PageCache cache(options);
  std::atomic<int> renders{0};
  auto render = page(renders, {"t"});
  auto logged_in = get("/p/", {{"cookie", "theme=dark; khabar_session=abc"}});
  EXPECT_EQ(header(cache.serve(logged_in, render), "X-Cache"), "BYPASS");
  EXPECT_EQ(cache.stats().entries, 0u);
  auto post = get("/p/");
  post.method = "POST";
  EXPECT_EQ(header(cache.serve(post, render), "X-Cache"), "BYPASS");
  auto query = get("/p/");
  query.query = "replytocom=3";
  EXPECT_EQ(header(cache.serve(query, render), "X-Cache"), "BYPASS");
  EXPECT_EQ(cache.stats().entries, 0u);
  cache.serve(get("/p/"), render);  // now cached for readers...
  EXPECT_EQ(header(cache.serve(logged_in, render), "X-Cache"), "BYPASS");  // ...not for them
  EXPECT_EQ(cache.stats().bypasses, 4u);
  // Not cacheable, or not a 200: served, not kept.
  cache.serve(get("/n/"), page(renders, {}, "personal", false));
  EXPECT_EQ(cache.stats().entries, 1u);
}

// Issue 18, finding 10: a client without Accept-Encoding got the page inflated on every hit
// (a third of the gzip rate); its form is now made once and sent as prepared bytes.
TEST(PageCache, IdentityClientsGetAPreparedForm) {
  PageCache cache;
  std::atomic<int> renders{0};
  auto render = page(renders, {"a"});
  Response first = cache.serve(get("/x/", {}, 11), render);
  Response hit = cache.serve(get("/x/", {}, 11), render);
  ASSERT_TRUE(hit.wire);
  const WireForm* form = pick_wire_form(get("/x/", {}, 11), *hit.wire);
  ASSERT_TRUE(form);
  EXPECT_EQ(*form->body, first.body);
  EXPECT_EQ(form->head.find("Content-Encoding"), std::string::npos);
  EXPECT_NE(form->head.find("Content-Length: " + std::to_string(first.body.size())),
            std::string::npos);
  std::size_t bytes = cache.stats().bytes;
  Response again = cache.serve(get("/x/", {}, 11), render);
  EXPECT_EQ(again.wire, hit.wire);  // made once
  EXPECT_EQ(cache.stats().bytes, bytes);
  EXPECT_EQ(renders.load(), 1);
}

TEST(PageCache, TrackingParametersShareThePage) {
  PageCache cache;
  std::atomic<int> renders{0};
  auto render = page(renders, {"a"});
  auto with_query = [](const std::string& q) {
    Request r = get("/x/");
    r.query = q;
    return r;
  };
  cache.serve(get("/x/"), render);
  for (const char* q :
       {"utm_source=facebook&utm_medium=social", "fbclid=IwAR0abc", "gclid=x&utm_campaign=y"})
    EXPECT_EQ(header(cache.serve(with_query(q), render), "X-Cache"), "HIT") << q;
  EXPECT_EQ(header(cache.serve(with_query("replytocom=5"), render), "X-Cache"), "BYPASS");
  EXPECT_EQ(header(cache.serve(with_query("utm_source=x&p=3"), render), "X-Cache"), "BYPASS");
  EXPECT_EQ(renders.load(), 3);
}

TEST(PageCache, OnlyGenuinePersonalRequestsBypass) {
  PageCache::Options o;
  o.personal = [](const Request& r) { return r.header("cookie") == "khabar_session=real"; };
  PageCache cache(o);
  std::atomic<int> renders{0};
  auto render = page(renders, {"a"});
  cache.serve(get("/x/"), render);
  EXPECT_EQ(header(cache.serve(get("/x/", {{"cookie", "khabar_session=junk"}}), render), "X-Cache"),
            "HIT");
  EXPECT_EQ(header(cache.serve(get("/x/", {{"cookie", "khabar_session=real"}}), render), "X-Cache"),
            "BYPASS");
}
