// One demo site (khabar init + khabar demo) served by a real `khabar serve`, shared by
// the tests of one binary. Created on first use, stopped at exit.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "store/store.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace khabar::test {

struct DemoSite {
  TempDir dir;
  std::filesystem::path data;
  std::unique_ptr<ServerProcess> server;
  int port() const { return server->port(); }
};

// The shared site; `toml_extra` is appended to khabar.toml's [server] table before
// serving (only honoured on first use).
DemoSite& demo_site();

// Makes a new demo site in `dir` (init + demo), throwing with the output on failure.
void make_demo_site(const std::filesystem::path& data, const std::string& server_toml = "");

// A test fixture with a demo site of its own (data_), served for the test's length: for
// tests that change the site. (Tests that only read share demo_site().)
class OwnDemoSite : public ::testing::Test {
 protected:
  void SetUp() override;
  int port() const { return server_->port(); }
  // The site's store, opened beside the server (a second process's view).
  std::unique_ptr<store::Store> open_store() const;

  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
};

}  // namespace khabar::test
