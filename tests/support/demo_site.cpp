#include "support/demo_site.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "store/sqlite/sqlite_store.h"

namespace khabar::test {

void OwnDemoSite::SetUp() {
  data_ = dir_.path() / "site";
  make_demo_site(data_);
  server_ = std::make_unique<ServerProcess>(data_);
}

std::unique_ptr<store::Store> OwnDemoSite::open_store() const {
  return store::open_sqlite_store((data_ / "khabar.db").string());
}

void make_demo_site(const std::filesystem::path& data, const std::string& server_toml) {
  auto init = run_khabar(
      {"init", "--data", data.string(), "--title", "Khabar Test", "--url", "https://news.example"});
  if (init.exit_code != 0) throw std::runtime_error("init failed: " + init.output);
  auto demo = run_khabar({"demo", "--data", data.string()});
  if (demo.exit_code != 0) throw std::runtime_error("demo failed: " + demo.output);
  if (!server_toml.empty()) {
    std::ifstream in(data / "khabar.toml");
    std::stringstream text;
    text << in.rdbuf();
    std::string toml = text.str();
    // Each "key = value" line replaces the line of the same key in the default file.
    std::istringstream lines(server_toml);
    for (std::string line; std::getline(lines, line);) {
      std::string key = line.substr(0, line.find(" ="));
      std::size_t at = toml.find("\n" + key + " =");
      if (at == std::string::npos) throw std::runtime_error("no key " + key + " in khabar.toml");
      toml.replace(at + 1, toml.find('\n', at + 1) - at - 1, line);
    }
    std::ofstream(data / "khabar.toml") << toml;
  }
}

DemoSite& demo_site() {
  static DemoSite* site = [] {
    auto* s = new DemoSite;
    s->data = s->dir.path() / "site";
    make_demo_site(s->data, "read_timeout_ms = 1500\nidle_timeout_ms = 3000\n");
    s->server = std::make_unique<ServerProcess>(s->data);
    std::atexit([] { delete site; });
    return s;
  }();
  return *site;
}

}  // namespace khabar::test
