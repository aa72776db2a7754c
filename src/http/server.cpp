#include "http/server.h"

// Boost 1.74: <utility> before Asio's coroutine headers.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <ctime>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

#include "http/finalize.h"
#include "http/url.h"
#include "render/dates.h"

namespace khabar::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

// One open connection, as seen from stop(). Shared so that stop() can reach it safely
// even as it closes; its flags are touched only on the connection's own thread.
struct Connection {
  asio::any_io_executor executor;  // the io_context (one thread) the connection lives on
  beast::tcp_stream* stream = nullptr;
  bool waiting_for_request = false;
  bool alive = true;
};

Request to_request(const bhttp::request<bhttp::string_body>& msg, Target target,
                   std::string remote) {
  Request r;
  r.method = std::string(msg.method_string());
  r.version = msg.version();
  r.target = std::string(msg.target());
  r.path = std::move(target.path);
  r.query = std::move(target.query);
  r.headers.reserve(8);
  for (const auto& field : msg) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  r.body = msg.body();
  r.remote_address = std::move(remote);
  return r;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Handler handler;
  // One io_context per thread, each run by exactly one thread: a connection lives on one
  // of them for its whole life, so its handlers never hop threads or take locks.
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  asio::io_context& ioc;  // contexts[0]: the acceptor and signals live there
  std::atomic<std::size_t> next_context{0};
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::atomic<bool> stopping{false};
  std::function<void()> release_guards;  // set by run(); called on ioc's thread at stop
  std::atomic<int> open_connections{0};
  std::unique_ptr<asio::thread_pool> workers;  // for targets under options.worker_prefix
  std::mutex connections_mutex;
  std::list<std::shared_ptr<Connection>> connections;

  Impl(ServerOptions o, Handler h)
      : options(std::move(o)),
        handler(std::move(h)),
        contexts(make_contexts(options.threads)),
        ioc(*contexts.front()),
        acceptor(ioc),
        signals(ioc),
        workers(options.worker_threads > 0
                    ? std::make_unique<asio::thread_pool>(static_cast<std::size_t>(options.worker_threads))
                    : nullptr) {
    boost::system::error_code ec;
    auto address = asio::ip::make_address(options.address, ec);
    if (ec) throw std::runtime_error("invalid listen address '" + options.address + "'");
    tcp::endpoint endpoint(address, options.port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
      throw std::runtime_error("cannot listen on " + options.address + ":" +
                               std::to_string(options.port) + ": " + ec.message());
  }

  static std::vector<std::unique_ptr<asio::io_context>> make_contexts(int threads) {
    std::vector<std::unique_ptr<asio::io_context>> out;
    for (int i = 0; i < std::max(1, threads); ++i)
      out.push_back(std::make_unique<asio::io_context>(1));
    return out;
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto& home = *contexts[next_context++ % contexts.size()];
      tcp::socket socket(home.get_executor());
      boost::system::error_code ec;
      co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
      if (stopping) co_return;
      if (ec) {
        if (ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        // Out of file descriptors and the like: pause rather than spin.
        asio::steady_timer pause(ioc, std::chrono::milliseconds(50));
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        continue;
      }
      if (open_connections.load() >= options.max_connections) {
        socket.close(ec);
        continue;
      }
      auto executor = socket.get_executor();
      asio::co_spawn(executor, session(std::move(socket)), asio::detached);
    }
  }

  // "Date: <now>\r\n", made once a second per thread.
  static const std::string& date_line() {
    thread_local std::time_t last = 0;
    thread_local std::string line;
    std::time_t now = std::time(nullptr);
    if (now != last) {
      last = now;
      line = "Date: " + render::http_date(now) + "\r\n";
    }
    return line;
  }

  template <class Body>
  static void add_common_headers(bhttp::response<Body>& res, const Response& r) {
    res.set(bhttp::field::server, "Khabar");
    const std::string& date = date_line();
    res.set(bhttp::field::date, std::string_view(date).substr(6, date.size() - 8));
    res.set(bhttp::field::content_type, r.content_type);
    if (!r.cache_control.empty()) res.set(bhttp::field::cache_control, r.cache_control);
    for (const auto& [k, v] : r.headers) res.insert(k, v);
  }

  asio::awaitable<void> session(tcp::socket socket) {
    ++open_connections;
    std::string remote;
    {
      boost::system::error_code ec;
      auto endpoint = socket.remote_endpoint(ec);
      if (!ec) remote = endpoint.address().to_string();
    }
    beast::tcp_stream stream(std::move(socket));
    auto self = std::make_shared<Connection>(Connection{stream.get_executor(), &stream});
    std::list<std::shared_ptr<Connection>>::iterator registered;
    {
      std::lock_guard lock(connections_mutex);
      registered = connections.insert(connections.end(), self);
    }
    beast::flat_buffer buffer;
    boost::system::error_code ec;
    for (int served = 0; served < options.max_requests_per_connection; ++served) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      // Beast compares Content-Length with the limit as soon as the header is complete, so
      // the header is read under the larger limit and the target decides afterwards.
      std::size_t largest = std::max(options.body_limit, options.upload_body_limit);
      parser.body_limit(largest);
      stream.expires_after(served == 0 ? options.read_timeout : options.idle_timeout);
      self->waiting_for_request = true;
      if (stopping) break;
      co_await bhttp::async_read_header(stream, buffer, parser,
                                        asio::redirect_error(asio::use_awaitable, ec));
      if (!ec && !parser.is_done()) {
        std::size_t limit = parser.get().target().starts_with(options.upload_prefix)
                                ? largest
                                : options.body_limit;
        parser.body_limit(limit);  // enforced while a chunked body is read
        if (parser.content_length() && *parser.content_length() > limit)
          ec = bhttp::error::body_limit;
        else
          co_await bhttp::async_read(stream, buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, ec));
      }
      self->waiting_for_request = false;
      if (ec) {
        int status = 0;
        std::string message;
        if (ec == bhttp::error::body_limit)
          status = 413, message = "The request body is larger than this server accepts.";
        else if (ec == bhttp::error::header_limit)
          status = 431, message = "The request headers are larger than this server accepts.";
        else if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout &&
                 ec != asio::error::operation_aborted && ec != asio::error::connection_reset &&
                 ec != asio::error::eof && buffer.size() > 0)
          status = 400, message = "Malformed HTTP request: " + ec.message() + ".";
        if (status) co_await send_error(stream, status, message);
        break;
      }
      auto& msg = parser.get();
      bool keep_alive =
          msg.keep_alive() && !stopping && served + 1 < options.max_requests_per_connection;
      const WireForm* wire = nullptr;
      Response response;
      if (workers && msg.target().starts_with(options.worker_prefix)) {
        // Answered on the worker pool; this coroutine resumes on its own thread after.
        response = co_await asio::co_spawn(
            workers->get_executor(),
            [&]() -> asio::awaitable<Response> { co_return respond(msg, remote, &wire); },
            asio::use_awaitable);
      } else {
        response = respond(msg, remote, &wire);
      }
      if (wire) {
        // A cache hit: its bytes were made once; add Date and Connection, send as is.
        static constexpr std::string_view kEnd = "\r\n";
        static constexpr std::string_view kClose = "Connection: close\r\n\r\n";
        std::array<asio::const_buffer, 4> bufs{asio::buffer(wire->head), asio::buffer(date_line()),
                                               asio::buffer(keep_alive ? kEnd : kClose),
                                               asio::buffer(*wire->body)};
        stream.expires_after(options.read_timeout);
        co_await asio::async_write(stream, bufs, asio::redirect_error(asio::use_awaitable, ec));
        if (ec || !keep_alive) break;
        continue;
      }
      bool head = msg.method() == bhttp::verb::head;
      bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(response.status),
                                              msg.version()};
      add_common_headers(res, response);
      res.keep_alive(keep_alive);
      if (head) {
        res.content_length(response.body.size());
        bhttp::response_serializer<bhttp::string_body> sr{res};
        sr.split(true);
        stream.expires_after(options.read_timeout);
        co_await bhttp::async_write_header(stream, sr,
                                           asio::redirect_error(asio::use_awaitable, ec));
      } else {
        res.body() = std::move(response.body);
        res.prepare_payload();
        stream.expires_after(options.read_timeout);
        co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
      }
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    self->alive = false;
    {
      std::lock_guard lock(connections_mutex);
      connections.erase(registered);
    }
    --open_connections;
  }

  // The handler's response, finalized; or, for a cache hit the client can take as is, the
  // prepared wire form in `wire` (then the returned response is not used).
  Response respond(const bhttp::request<bhttp::string_body>& msg, const std::string& remote,
                   const WireForm** wire) {
    auto target = parse_target(msg.target());
    Response response;
    Request request;
    if (!target) {
      request.method = std::string(msg.method_string());
      response = Response::plain(400,
                                 "Bad request target: it must be a path, correctly "
                                 "percent-encoded, without '.' or '..' segments.");
    } else if (msg.target().size() > 4096) {
      response = Response::plain(414, "The request URL is too long.");
    } else {
      request = to_request(msg, std::move(*target), remote);
      try {
        response = handler(request);
      } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", request.method, request.target, e.what());
        response = Response::plain(500, "Internal server error. It has been logged.");
      }
    }
    // The page cache hands back wire forms only when pick_wire_form accepts the request.
    if (response.wire && (*wire = pick_wire_form(request, *response.wire))) return response;
    finalize_response(request, response);
    return response;
  }

  asio::awaitable<void> send_error(beast::tcp_stream& stream, int status, std::string message) {
    Response r = Response::plain(status, std::move(message));
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), 11};
    add_common_headers(res, r);
    res.keep_alive(false);
    res.body() = std::move(r.body);
    res.prepare_payload();
    boost::system::error_code ec;
    stream.expires_after(std::chrono::seconds(5));
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
  }

  void stop() {
    if (stopping.exchange(true)) return;
    asio::post(ioc, [this] {
      boost::system::error_code ec;
      acceptor.close(ec);
      signals.cancel(ec);
      if (release_guards) release_guards();
      std::lock_guard lock(connections_mutex);
      for (const auto& conn : connections) {
        // On the connection's strand: close it only if it waits for a request.
        asio::post(conn->executor, [conn] {
          boost::system::error_code ignored;
          if (conn->alive && conn->waiting_for_request) conn->stream->socket().cancel(ignored);
        });
      }
    });
  }
};

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run() {
  Impl& s = *impl_;
  if (s.options.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      spdlog::info("signal {}: finishing requests in flight, then stopping", signal);
      stop();
    });
  }
  asio::co_spawn(s.ioc, s.accept_loop(), asio::detached);
  // The other contexts have no work until connections arrive: keep them running until
  // the stop, then let them finish their connections.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (std::size_t i = 1; i < s.contexts.size(); ++i)
    guards.emplace_back(s.contexts[i]->get_executor());
  s.release_guards = [&guards] { guards.clear(); };
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < s.contexts.size(); ++i)
    workers.emplace_back([&s, i] { s.contexts[i]->run(); });
  s.ioc.run();
  for (auto& t : workers) t.join();
}

void Server::stop() { impl_->stop(); }

}  // namespace khabar::http
