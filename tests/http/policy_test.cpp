// Issue 14: reader pages run no script and load no frame from another host — unless an
// administrator names origins in the settings, for third-party analytics or ads the
// newsroom chose (off by default, a privacy warning beside them on the settings screen).
// Only https origins are accepted; the Content-Security-Policy of every page, cached ones
// included, names exactly those.
#include <gtest/gtest.h>

#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/http_client.h"

using namespace khabar::test;

namespace {

class Policy : public OwnDemoSite {
 protected:
  std::string policy(const std::string& path = "/") {
    return http_get(port(), path).header("content-security-policy");
  }
  CommandResult set(const std::string& key, const std::string& value) {
    return run_khabar({"settings", "--data", data_.string(), key, value});
  }
};

TEST_F(Policy, ThirdPartyOriginsOnlyWhereTheAdministratorNamesThem) {
  std::string before = policy();
  EXPECT_NE(before.find("script-src 'none';"), std::string::npos) << before;
  EXPECT_EQ(before.find("connect-src"), std::string::npos) << before;
  EXPECT_EQ(http_get(port(), "/").header("x-cache"), "HIT");

  auto r = set("csp_script_origins", "https://stats.example.org, https://tags.example.com:8443");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ASSERT_EQ(set("csp_frame_origins", "https://ads.example.net").exit_code, 0);
  for (const char* path : {"/", "/kabul-opens-three-new-public-libraries-before-winter/"}) {
    std::string after = policy(path);
    EXPECT_NE(after.find("script-src https://stats.example.org https://tags.example.com:8443; "
                         "connect-src 'self' https://stats.example.org "
                         "https://tags.example.com:8443;"),
              std::string::npos)
        << path << ": " << after;
    EXPECT_NE(after.find(" https://ads.example.net;"), std::string::npos) << after;
    EXPECT_NE(after.find("frame-src https://www.youtube-nocookie.com"), std::string::npos)
        << "the embeds stay: " << after;
  }

  // Back to none: the pages say so again.
  ASSERT_EQ(set("csp_script_origins", "").exit_code, 0);
  EXPECT_NE(policy().find("script-src 'none';"), std::string::npos);
}

TEST_F(Policy, OnlyHttpsOriginsAreAcceptedAndTheScreenWarns) {
  for (const char* bad : {"http://stats.example.org", "*", "https://*.example.org",
                          "'unsafe-inline'", "https://stats.example.org/path", "https://",
                          "https://localhost", "https://stats.example.org; script-src *"}) {
    auto r = set("csp_script_origins", bad);
    EXPECT_NE(r.exit_code, 0) << bad;
    EXPECT_NE(r.output.find("is not an https origin"), std::string::npos) << bad << r.output;
  }
  EXPECT_NE(policy().find("script-src 'none';"), std::string::npos);

  auto admin = signed_in_user(port(), data_, "chief", "administrator");
  auto screen = admin.get("/admin/settings");
  ASSERT_EQ(screen.status, 200);
  EXPECT_NE(screen.body.find("Third-party scripts (privacy warning)"), std::string::npos);
  EXPECT_NE(screen.body.find("can follow them across other sites"), std::string::npos);
}

}  // namespace
