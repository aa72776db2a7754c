// Issue 17: WebSub. With a hub set, the RSS and Atom feeds name it (rel="hub") and, after
// a publish, the server tells it which feeds changed: a POST of hub.mode=publish and
// hub.url, received here by a small hub stand-in on 127.0.0.1.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "content/urls.h"
#include "store/open.h"
#include "support/clock.h"
#include "support/demo_site.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

// Accepts HTTP requests on a free 127.0.0.1 port, keeps each one's body and answers
// 202 Accepted, as a hub does.
class HubStandIn {
 public:
  HubStandIn() {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    listen(listener_, 8);
    socklen_t n = sizeof a;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &n);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~HubStandIn() {
    stop_ = true;
    shutdown(listener_, SHUT_RDWR);
    close(listener_);
    thread_.join();
  }
  int port() const { return port_; }
  // The bodies received, waiting up to `seconds` for at least `count`.
  std::vector<std::string> wait_for(std::size_t count, int seconds = 15) {
    for (int i = 0; i < seconds * 20; ++i) {
      {
        std::lock_guard lock(mutex_);
        if (bodies_.size() >= count) return bodies_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::lock_guard lock(mutex_);
    return bodies_;
  }

 private:
  void serve() {
    while (!stop_) {
      int c = accept(listener_, nullptr, nullptr);
      if (c < 0) return;
      std::string request;
      char buf[4096];
      std::size_t want = std::string::npos;
      while (true) {
        ssize_t got = read(c, buf, sizeof buf);
        if (got <= 0) break;
        request.append(buf, static_cast<std::size_t>(got));
        std::size_t end = request.find("\r\n\r\n");
        if (end == std::string::npos) continue;
        if (want == std::string::npos) {
          std::size_t at = request.find("Content-Length: ");
          want = end + 4 + (at == std::string::npos ? 0 : std::stoul(request.substr(at + 16)));
        }
        if (request.size() >= want) break;
      }
      std::size_t end = request.find("\r\n\r\n");
      {
        std::lock_guard lock(mutex_);
        if (request.starts_with("POST /hub ") && end != std::string::npos)
          bodies_.push_back(request.substr(end + 4));
      }
      const char answer[] =
          "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      (void)!write(c, answer, sizeof answer - 1);
      close(c);
    }
  }

  int listener_ = -1, port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<std::string> bodies_;
  std::thread thread_;
};

}  // namespace

TEST(WebSub, FeedsNameTheHubAndAPublishIsPingedToIt) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data);
  ServerProcess server(data);
  auto store = [&] {
    return khabar::store::open_store({.location = (data / "khabar.db").string()});
  };
  std::string site = store()->snapshot()->setting("url").value_or("");
  EXPECT_EQ(http_get(server.port(), "/feed/").body.find("rel=\"hub\""), std::string::npos)
      << "no hub, none named";

  HubStandIn hub;
  std::string hub_url = "http://127.0.0.1:" + std::to_string(hub.port()) + "/hub";
  {
    auto s = store();
    auto tx = s->begin();
    tx->set_setting("websub_hub", hub_url);
    tx->commit().or_throw();
  }
  EXPECT_NE(http_get(server.port(), "/feed/")
                .body.find("<atom:link href=\"" + hub_url + "\" rel=\"hub\"/>"),
            std::string::npos);
  EXPECT_NE(http_get(server.port(), "/feed/atom/")
                .body.find("<link rel=\"hub\" href=\"" + hub_url + "\"/>"),
            std::string::npos);
  EXPECT_TRUE(hub.wait_for(1, 3).empty()) << "a setting is not a publish";

  {
    auto s = store();
    auto tx = s->begin();
    khabar::store::NewArticle a;
    a.slug = "breaking";
    a.title = "Breaking";
    a.status = khabar::content::Status::Published;
    a.published_at = unix_now();
    tx->add_article(a).or_throw();
    tx->commit().or_throw();
  }
  http_get(server.port(), "/");  // the server takes changes in with its next request
  auto bodies = hub.wait_for(2);
  ASSERT_EQ(bodies.size(), 2u) << server.log();
  std::sort(bodies.begin(), bodies.end());
  EXPECT_EQ(bodies[0],
            "hub.mode=publish&hub.url=" + khabar::content::percent_encode(site + "/feed/"));
  EXPECT_EQ(bodies[1],
            "hub.mode=publish&hub.url=" + khabar::content::percent_encode(site + "/feed/atom/"));
}
