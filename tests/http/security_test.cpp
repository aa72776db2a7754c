// Regression tests for the findings of the outside security test (issue 18): each one
// reproduces what the attacker did, on a real server, and fails without its fix.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "http/message.h"
#include "support/database.h"
#include "support/demo_site.h"
#include "support/http_client.h"

using namespace khabar::test;

namespace {

constexpr const char* kSlug = "kabul-opens-three-new-public-libraries-before-winter";

class Security : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
  }
  void serve(const std::vector<std::string>& extra = {}) {
    server_ = std::make_unique<ServerProcess>(data_, extra);
  }
  int port() const { return server_->port(); }
  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
};

// Finding 2: "//evil.com" answered "301 Location: //evil.com/" when a slug "evil.com" existed.
TEST_F(Security, TrailingSlashRedirectsStayOnThisSite) {
  sql(data_, "UPDATE articles SET slug = 'evil.com' WHERE slug = '" + std::string(kSlug) + "'");
  sql(data_, "UPDATE articles SET slug = '3627734734' WHERE slug = "
             "'khost-students-build-a-solar-charging-kiosk-for-their-market'");
  serve();
  struct Case {
    std::string target, location;
  };
  for (const Case& c : std::vector<Case>{{"//evil.com", "/evil.com/"},
                                         {"///evil.com", "/evil.com/"},
                                         {"/evil.com", "/evil.com/"},
                                         {"//3627734734", "/3627734734/"},
                                         {"//3627734734?utm_source=x", "/3627734734/?utm_source=x"},
                                         {"/%2F3627734734", "/3627734734/"}}) {
    auto r = http_get(port(), c.target);
    SCOPED_TRACE(c.target);
    if (r.status == 404) continue;  // refusing is as good as staying
    EXPECT_EQ(r.status, 301);
    EXPECT_EQ(r.header("location"), c.location);
  }
  EXPECT_EQ(http_get(port(), "//evil.com").header("location"), "/evil.com/");
}

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  if (stat(p.c_str(), &st) != 0) return 0xFFFF;
  return st.st_mode & 0777;
}

// Finding 8: khabar init made khabar.toml (the site secret), the database and backups 0644.
TEST_F(Security, SecretsDatabaseAndBackupsArePrivate) {
  EXPECT_EQ(mode_of(data_ / "khabar.toml"), 0600u);
  EXPECT_EQ(mode_of(data_ / "khabar.db"), 0600u);
  EXPECT_EQ(mode_of(data_) & 0077, 0u) << std::oct << mode_of(data_);
  serve();
  ASSERT_EQ(http_get(port(), "/" + std::string(kSlug) + "/").status, 200);
  if (std::filesystem::exists(data_ / "khabar.db-wal")) {
    EXPECT_EQ(mode_of(data_ / "khabar.db-wal"), 0600u);
  }
  auto backup = dir_.path() / "backup.db";
  auto r = run_khabar({"backup", "--data", data_.string(), "--to", backup.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(mode_of(backup), 0600u);
}

TEST(SameSiteLocation, EveryRedirectIsAPathHere) {
  using khabar::http::same_site_location;
  EXPECT_EQ(same_site_location("//evil.example/x"), "/evil.example/x");
  EXPECT_EQ(same_site_location("/\\evil.example"), "/evil.example");
  EXPECT_EQ(same_site_location("\\\\evil.example"), "/evil.example");
  EXPECT_EQ(same_site_location("/\t/evil.example"), "/evil.example");
  EXPECT_EQ(same_site_location("/admin/?a=b#c"), "/admin/?a=b#c");
  EXPECT_EQ(same_site_location("story/"), "/story/");
}

}  // namespace
