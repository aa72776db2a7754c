// Scheduled publishing in a real `khabar serve`: an article scheduled a few seconds ahead
// goes live on the home page, its category and the feed once its time has come (not
// before), and one whose time passed while the server was down is published at start.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/sqlite/sqlite_store.h"
#include "support/clock.h"
#include "support/demo_site.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar;
using namespace khabar::test;

namespace {

content::Id schedule(store::Store& db, const std::string& slug, std::int64_t at) {
  store::NewArticle a;
  a.slug = slug;
  a.title = "Scheduled " + slug;
  a.excerpt = "Goes live at its time.";
  a.body_markdown = "Text.";
  a.status = content::Status::Scheduled;
  a.published_at = at;
  auto tx = db.begin();
  a.category_id = *tx->category_id_by_path("world");
  content::Id id = tx->add_article(a).or_throw();
  tx->commit().or_throw();
  return id;
}

TEST(Scheduler, PublishesWhenTheTimeComesAndAfterARestart) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data, "scheduler_interval_s = 1");
  auto db = store::open_sqlite_store((data / "khabar.db").string());
  schedule(*db, "missed-while-down", unix_now() - 3600);
  ServerProcess server(data);
  // Published at start: its time passed while nothing was serving.
  for (int i = 0; i < 30 && http_get(server.port(), "/missed-while-down/").status != 200; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(http_get(server.port(), "/missed-while-down/").status, 200);

  std::int64_t at = unix_now() + 3;
  schedule(*db, "goes-live-soon", at);
  EXPECT_EQ(http_get(server.port(), "/goes-live-soon/").status, 404);
  EXPECT_EQ(http_get(server.port(), "/").body.find("Scheduled goes-live-soon"), std::string::npos);
  int waited_ms = 0;
  while (http_get(server.port(), "/goes-live-soon/").status != 200 && waited_ms < 10000) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    waited_ms += 200;
  }
  ASSERT_EQ(http_get(server.port(), "/goes-live-soon/").status, 200);
  EXPECT_GE(unix_now(), at);  // not before its time
  EXPECT_NE(http_get(server.port(), "/").body.find("Scheduled goes-live-soon"), std::string::npos);
  EXPECT_NE(http_get(server.port(), "/category/world/").body.find("Scheduled goes-live-soon"),
            std::string::npos);
  EXPECT_NE(http_get(server.port(), "/feed/").body.find("Scheduled goes-live-soon"),
            std::string::npos);
  EXPECT_NE(server.log().find("scheduler: published 1 article(s)"), std::string::npos);
}

}  // namespace
