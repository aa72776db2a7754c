// The network: an HTTP/1.1 server on Boost.Beast/Asio with C++20 coroutines.
//
// Edge defaults: header and body size limits, a cap on the memory of bodies in flight, a
// deadline for reading each request (slow clients are dropped), an idle keep-alive
// timeout, a cap on requests per connection, on open connections (the idlest are shed
// first) and on connections per client address, 4xx for malformed requests. The handler is a
// plain function (message.h); exceptions from it become a 500 and are logged.
//
// Thread-safety: run() blocks on `threads` worker threads; stop() may be called from
// any thread (or by SIGINT/SIGTERM when handle_signals is set): it stops accepting,
// lets requests in flight finish and closes idle connections, then run() returns.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace khabar::http {

// Which threads answer a request (ServerOptions::lane).
enum class Lane { Read, Heavy, Commit };

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (see Server::port())
  int threads = 2;
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  // Which threads answer a request, decided by the application from its method and the
  // decoded path the router uses. Readers' requests are answered on the I/O threads, where
  // nothing may block. Heavy work (the admin's password checks, image processing) runs on a
  // pool of `worker_threads`; requests that wait for their own write to be durable (a
  // reader's comment: a group commit's fsync) on a pool of `commit_threads`, large enough
  // that many such writes share one commit. 0 threads: that lane runs on the I/O threads.
  // Null: every request is Lane::Read.
  std::function<Lane(std::string_view method, std::string_view decoded_path)> lane;
  int worker_threads = 2;
  int commit_threads = 32;
  // A heavy request may send a body up to `upload_body_limit` when `may_send_large_body`
  // says yes for its headers (an authenticated session), asked before the body is read.
  std::size_t upload_body_limit = 25 * 1024 * 1024;
  std::function<bool(const Request& headers_only)> may_send_large_body;
  // Request bodies held in memory at once, over all connections; a request whose body does
  // not fit now gets 503 with Retry-After.
  std::size_t body_memory_limit = 256u << 20;
  std::chrono::milliseconds read_timeout{15000};  // whole request, from its first byte wait
  std::chrono::milliseconds idle_timeout{30000};  // keep-alive wait for the next request
  int max_requests_per_connection = 1000;
  int max_connections = 10000;
  // From `shed_idle_at` open connections on, each new connection closes the one that has
  // waited longest for a request (idle keep-alive, or headers still trickling in).
  int shed_idle_at = 9000;
  // Open connections per client address; more are refused. Addresses in
  // `unlimited_clients` (the reverse proxy in front) have no such limit.
  int max_connections_per_client = 256;
  std::vector<std::string> unlimited_clients = {"127.0.0.1", "::1"};
  bool handle_signals = true;
};

class Server {
 public:
  // Binds the listening socket. Throws std::runtime_error if it cannot (address in use...).
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;  // the bound port
  void run();                  // serves until stop(); returns when all connections closed
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace khabar::http
