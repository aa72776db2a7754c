// Issue 16: /livez and /readyz, for load balancers, systemd and monitoring. /livez says
// the process answers; /readyz says whether the node can serve and store: its store
// answers and its data directory has room. Plain text, never cached, 503 with
// Retry-After and the failing check when not ready, and no path or address in the text.
// README ("Behind nginx with TLS") shows this output.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/demo_site.h"
#include "support/http_client.h"

using namespace khabar::test;

namespace {

TEST(Health, LiveAndReadyOnAHealthyNodeNeverCached) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data);
  ServerProcess server(data);

  auto live = http_get(server.port(), "/livez");
  EXPECT_EQ(live.status, 200);
  EXPECT_EQ(live.body, "ok\n");
  EXPECT_EQ(live.header("cache-control"), "no-store");
  EXPECT_EQ(live.header("content-type"), "text/plain; charset=utf-8");

  for (int i = 0; i < 2; ++i) {  // the second from no cache either
    auto ready = http_get(server.port(), "/readyz");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.body, "store: ok\ndisk: ok\n");
    EXPECT_EQ(ready.header("cache-control"), "no-store");
  }
  EXPECT_EQ(http_request(server.port(), "HEAD", "/readyz").status, 200);
  auto post = http_request(server.port(), "POST", "/readyz", {}, "x");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("allow"), "GET, HEAD");
  // Only these two names: /livez/ and /readyz/ are ordinary (missing) pages.
  EXPECT_EQ(http_get(server.port(), "/readyz/").status, 404);
}

TEST(Health, NotReadyWhileTheDatabaseFileIsGoneAliveAllTheSame) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data);
  ServerProcess server(data);
  ASSERT_EQ(http_get(server.port(), "/readyz").status, 200);

  // Moved away while open: whatever were written now would be lost with the old file.
  std::filesystem::rename(data / "khabar.db", data / "khabar.db.moved");
  auto gone = http_get(server.port(), "/readyz");
  EXPECT_EQ(gone.status, 503);
  EXPECT_EQ(gone.header("retry-after"), "5");
  EXPECT_TRUE(gone.body.starts_with("store: the database file ")) << gone.body;
  EXPECT_NE(gone.body.find("\ndisk: ok\n"), std::string::npos) << gone.body;
  EXPECT_EQ(gone.body.find(data.string()), std::string::npos) << "no path shown";
  EXPECT_EQ(http_get(server.port(), "/livez").status, 200);

  // Back in place: ready again, without a restart.
  std::filesystem::rename(data / "khabar.db.moved", data / "khabar.db");
  auto back = http_get(server.port(), "/readyz");
  EXPECT_EQ(back.status, 200);
  EXPECT_EQ(back.body, "store: ok\ndisk: ok\n");
}

TEST(Health, NotReadyWhenTheDiskHasLessRoomThanConfigured) {
  TempDir dir;
  auto data = dir.path() / "site";
  // More room than any test machine has (a billion MiB).
  make_demo_site(data, "ready_min_free_mb = 1000000000");
  ServerProcess server(data);
  auto full = http_get(server.port(), "/readyz");
  EXPECT_EQ(full.status, 503);
  EXPECT_TRUE(full.body.starts_with("store: ok\ndisk: ")) << full.body;
  EXPECT_NE(full.body.find(" MiB free, less than ready_min_free_mb (1000000000)\n"),
            std::string::npos)
      << full.body;
  // Readers are still served: not ready is for the load balancer to decide.
  EXPECT_EQ(http_get(server.port(), "/").status, 200);
}

}  // namespace
