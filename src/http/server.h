// The network: an HTTP/1.1 server on Boost.Beast/Asio with C++20 coroutines.
//
// Edge defaults: header and body size limits, a deadline for reading each request
// (slow clients are dropped), an idle keep-alive timeout, a cap on requests per
// connection and on open connections, 4xx for malformed requests. The handler is a
// plain function (message.h); exceptions from it become a 500 and are logged.
//
// Thread-safety: run() blocks on `threads` worker threads; stop() may be called from
// any thread (or by SIGINT/SIGTERM when handle_signals is set): it stops accepting,
// lets requests in flight finish and closes idle connections, then run() returns.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "http/message.h"

namespace khabar::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (see Server::port())
  int threads = 2;
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  // A larger body limit for targets starting with `upload_prefix` (the admin's uploads);
  // the headers are read first, then the limit for that target is applied.
  std::size_t upload_body_limit = 25 * 1024 * 1024;
  std::string upload_prefix = "/admin/";
  // Requests whose target starts with `worker_prefix` (the admin: argon2id password checks,
  // image processing) are answered on a pool of `worker_threads`, so that readers'
  // requests never queue behind them on the I/O threads. 0: everything on the I/O threads.
  std::string worker_prefix = "/admin/";
  int worker_threads = 2;
  std::chrono::milliseconds read_timeout{15000};  // whole request, from its first byte wait
  std::chrono::milliseconds idle_timeout{30000};  // keep-alive wait for the next request
  int max_requests_per_connection = 1000;
  int max_connections = 10000;
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
