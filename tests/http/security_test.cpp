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
