// The server's edge defences (issue 18, findings 3, 4 and 11), in process with a handler of
// the test's own on a real loopback socket: heavy work is chosen on the decoded path, large
// bodies need the application's consent before they are read, bodies in flight share one
// memory budget, one client cannot take every connection, and the idlest go first.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <sstream>
#include <thread>

#include "http/server.h"
#include "support/http_client.h"

using namespace khabar;
using namespace khabar::test;

namespace {

// A server on a free port with `options`, run on its own thread until the test ends.
class RunningServer {
 public:
  RunningServer(http::ServerOptions options, http::Handler handler) {
    options.port = 0;
    options.handle_signals = false;
    server_ = std::make_unique<http::Server>(options, std::move(handler));
    thread_ = std::thread([this] { server_->run(); });
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return server_->port(); }

 private:
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

std::string thread_name() {
  std::ostringstream s;
  s << std::this_thread::get_id();
  return s.str();
}

// A raw client connection, from `source` (any 127.x address).
struct Client {
  int fd = -1;
  explicit Client(int port, const char* source = "127.0.0.1") {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, source, &local.sin_addr);
    bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) close(fd), fd = -1;
  }
  ~Client() {
    if (fd >= 0) close(fd);
  }
  void send(const std::string& bytes) const {
    (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  }
  // What arrives within `ms` (until the peer closes).
  std::string receive(int ms = 2000) const {
    std::string out;
    char buf[8192];
    pollfd p{fd, POLLIN, 0};
    while (poll(&p, 1, ms) > 0) {
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      if (out.find("\r\n\r\n") != std::string::npos &&
          out.find("Connection: close") == std::string::npos &&
          out.find("content-length") == std::string::npos &&
          out.find("Content-Length") != std::string::npos) {
        auto head_end = out.find("\r\n\r\n") + 4;
        auto cl = out.find("Content-Length: ");
        std::size_t length = std::stoul(out.substr(cl + 16));
        if (out.size() >= head_end + length) break;
      }
    }
    return out;
  }
  // Whether the server closed this connection (within `ms`).
  bool closed_by_server(int ms = 2000) const {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) return false;
    char c;
    return recv(fd, &c, 1, MSG_PEEK) == 0;
  }
};

http::Response echo_thread(const http::Request&) {
  return http::Response::plain(200, thread_name());
}

}  // namespace

// Finding 3: /%61dmin/media was admin work done on the reader threads.
TEST(ServerLimits, HeavyWorkIsChosenOnTheDecodedPath) {
  http::ServerOptions o;
  o.threads = 1;
  o.worker_threads = 1;
  o.lane = [](std::string_view, std::string_view path) {
    return path.starts_with("/admin/") ? http::Lane::Heavy : http::Lane::Read;
  };
  RunningServer server(o, echo_thread);
  std::string reader = http_get(server.port(), "/").body;
  std::string admin = http_get(server.port(), "/admin/x").body;
  std::string encoded = http_get(server.port(), "/%61dmin/x").body;
  std::string upper = http_get(server.port(), "/%61%64%6D%69%6E/x").body;
  EXPECT_NE(admin, reader);
  EXPECT_EQ(encoded, admin);
  EXPECT_EQ(upper, admin);
}

// Comments wait for their group commit's fsync: on the one reader thread they would hold up
// every reader and leave one comment per commit. Here three posts are held in the handler
// until a reader's GET has been answered: that can only happen if they wait on the commit
// pool, all at once, while the single reader thread goes on serving.
TEST(ServerLimits, WritesWaitForTheirCommitOffTheReaderThreads) {
  http::ServerOptions o;
  o.threads = 1;
  o.commit_threads = 4;
  o.lane = [](std::string_view method, std::string_view) {
    return method == "POST" ? http::Lane::Commit : http::Lane::Read;
  };
  std::mutex m;
  std::condition_variable cv;
  bool reader_served = false;
  int waiting = 0;
  RunningServer server(o, [&](const http::Request& r) {
    std::unique_lock lock(m);
    if (r.method == "GET") {
      reader_served = true;
      cv.notify_all();
      return http::Response::plain(200, "read");
    }
    ++waiting;
    cv.notify_all();
    bool ok = cv.wait_for(lock, std::chrono::seconds(5), [&] { return reader_served; });
    return http::Response::plain(200, ok ? "committed with the reader served" : "timed out");
  });
  std::vector<std::string> answers(3);
  std::vector<std::thread> posters;
  for (int i = 0; i < 3; ++i)
    posters.emplace_back(
        [&, i] { answers[i] = http_request(server.port(), "POST", "/a/", {}, "x").body; });
  {
    std::unique_lock lock(m);
    cv.wait_for(lock, std::chrono::seconds(5), [&] { return waiting == 3; });
    EXPECT_EQ(waiting, 3) << "the three posts should be waiting at once";
  }
  EXPECT_EQ(http_get(server.port(), "/").body, "read\n");
  for (auto& t : posters) t.join();
  for (const auto& a : answers) EXPECT_EQ(a, "committed with the reader served\n");
}

// Finding 4: anyone could send 25 MB bodies to any /admin/ URL, buffered before any check.
TEST(ServerLimits, LargeBodiesNeedConsentBeforeTheyAreRead) {
  http::ServerOptions o;
  o.body_limit = 64 * 1024;
  o.upload_body_limit = 4 << 20;
  o.lane = [](std::string_view, std::string_view path) {
    return path.starts_with("/admin/") ? http::Lane::Heavy : http::Lane::Read;
  };
  std::atomic<int> asked{0};
  o.may_send_large_body = [&](const http::Request& r) {
    ++asked;
    return r.header("cookie") == "khabar_session=good";
  };
  RunningServer server(o, [](const http::Request& r) {
    return http::Response::plain(200, std::to_string(r.body.size()));
  });
  std::string body(1 << 20, 'x');
  auto post = [&](const std::string& target, const std::string& cookie) {
    return http_request(server.port(), "POST", target,
                        {"Content-Type: application/octet-stream", "Cookie: " + cookie}, body);
  };
  EXPECT_EQ(post("/admin/media", "khabar_session=junk").status, 413);
  EXPECT_EQ(post("/%61dmin/media", "").status, 413);
  EXPECT_EQ(post("/story/", "khabar_session=good").status, 413);  // not heavy: the ordinary limit
  auto ok = post("/admin/media", "khabar_session=good");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, std::to_string(body.size()) + "\n");
  // The refusal comes from the header alone: the body is never sent.
  Client c(server.port());
  c.send("POST /admin/media HTTP/1.1\r\nHost: x\r\nContent-Length: 4000000\r\n\r\n");
  EXPECT_NE(c.receive().find("413"), std::string::npos);
  EXPECT_GE(asked.load(), 3);
}

TEST(ServerLimits, BodiesInFlightShareOneMemoryBudget) {
  http::ServerOptions o;
  o.body_limit = 2 << 20;
  o.body_memory_limit = 3 << 20;
  RunningServer server(o, [](const http::Request& r) {
    return http::Response::plain(200, std::to_string(r.body.size()));
  });
  // One slow upload holds 2 MB of the 3 MB budget...
  Client slow(server.port());
  slow.send("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n" +
            std::string(1000, 'x'));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // ...so another 2 MB body must wait: 503 with Retry-After, before its body is read.
  Client second(server.port());
  second.send("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n");
  std::string refused = second.receive();
  EXPECT_NE(refused.find("HTTP/1.1 503"), std::string::npos) << refused;
  EXPECT_NE(refused.find("Retry-After"), std::string::npos) << refused;
  // A small one still fits; and when the slow upload is done, its share comes back.
  EXPECT_EQ(http_request(server.port(), "POST", "/c", {}, std::string(1000, 'y')).status, 200);
  slow.send(std::string(2000000 - 1000, 'x'));
  EXPECT_NE(slow.receive().find("2000000"), std::string::npos);
  EXPECT_EQ(http_request(server.port(), "POST", "/d", {}, std::string(2000000, 'z')).status, 200);
}

// Finding 11: one client held 10,500 connections and others were refused.
TEST(ServerLimits, OneClientCannotTakeEveryConnection) {
  http::ServerOptions o;
  o.max_connections_per_client = 5;
  o.unlimited_clients = {};
  RunningServer server(o, echo_thread);
  std::vector<std::unique_ptr<Client>> hog;
  for (int i = 0; i < 5; ++i) hog.push_back(std::make_unique<Client>(server.port(), "127.0.0.2"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Client sixth(server.port(), "127.0.0.2");
  EXPECT_TRUE(sixth.closed_by_server());
  // Everyone else is served.
  Client other(server.port(), "127.0.0.3");
  other.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(other.receive().find("HTTP/1.1 200"), std::string::npos);
  // And the hog gets a place back when it lets one go.
  hog.pop_back();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Client again(server.port(), "127.0.0.2");
  again.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(again.receive().find("HTTP/1.1 200"), std::string::npos);
}

TEST(ServerLimits, NearTheCapTheIdlestConnectionsGoFirst) {
  http::ServerOptions o;
  o.max_connections = 8;
  o.shed_idle_at = 4;
  o.unlimited_clients = {"127.0.0.1"};
  RunningServer server(o, echo_thread);
  std::vector<std::unique_ptr<Client>> idle;
  for (int i = 0; i < 6; ++i) {  // the 5th and 6th each close the one waiting longest
    idle.push_back(std::make_unique<Client>(server.port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  Client reader(server.port());  // and this one the next
  reader.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(reader.receive().find("HTTP/1.1 200"), std::string::npos);
  EXPECT_TRUE(idle[0]->closed_by_server());
  EXPECT_TRUE(idle[1]->closed_by_server());
  EXPECT_TRUE(idle[2]->closed_by_server());
  EXPECT_FALSE(idle[5]->closed_by_server(200));
}
