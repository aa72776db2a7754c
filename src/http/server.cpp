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
#include <limits>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>

#include "content/dates.h"
#include "http/finalize.h"
#include "http/url.h"

namespace khabar::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

// One open connection, as seen from stop() and from the shedding of idle connections.
// Shared so that they can reach it safely even as it closes; its stream is touched only on
// the connection's own thread, the flags are atomics read from the accepting thread.
struct Connection {
  asio::any_io_executor executor;  // the io_context (one thread) the connection lives on
  beast::tcp_stream* stream = nullptr;
  std::atomic<bool> waiting_for_request{false};
  std::atomic<std::int64_t> waiting_since{0};  // steady clock, nanoseconds
  std::atomic<bool> alive{true};
  std::atomic<bool> shed{false};
};

std::int64_t steady_now() { return std::chrono::steady_clock::now().time_since_epoch().count(); }

// Bytes of request bodies held at once, over all connections.
class BodyBudget {
 public:
  explicit BodyBudget(std::size_t limit) : limit_(limit) {}
  bool take(std::size_t n) {
    std::size_t used = used_.load();
    do {
      if (used + n > limit_) return false;
    } while (!used_.compare_exchange_weak(used, used + n));
    return true;
  }
  void give(std::size_t n) { used_ -= n; }

 private:
  std::size_t limit_;
  std::atomic<std::size_t> used_{0};
};

// What a connection has reserved of the body budget, given back when it goes.
struct BodyReservation {
  BodyBudget* budget = nullptr;
  std::size_t bytes = 0;
  ~BodyReservation() { release(); }
  void release() {
    if (budget && bytes) budget->give(bytes);
    bytes = 0;
  }
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
  std::unique_ptr<asio::thread_pool> workers;     // Lane::Heavy
  std::unique_ptr<asio::thread_pool> committers;  // Lane::Commit
  BodyBudget body_budget;
  std::mutex connections_mutex;
  std::list<std::shared_ptr<Connection>> connections;
  std::unordered_map<std::string, int> per_client;  // open connections by address

  Impl(ServerOptions o, Handler h)
      : options(std::move(o)),
        handler(std::move(h)),
        contexts(make_contexts(options.threads)),
        ioc(*contexts.front()),
        acceptor(ioc),
        signals(ioc),
        workers(make_pool(options.lane ? options.worker_threads : 0)),
        committers(make_pool(options.lane ? options.commit_threads : 0)),
        body_budget(options.body_memory_limit) {
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

  bool limited(const std::string& address) const {
    return std::find(options.unlimited_clients.begin(), options.unlimited_clients.end(), address) ==
           options.unlimited_clients.end();
  }

  // Closes the connection that has waited longest for a request, if one does.
  void shed_idlest() {
    std::shared_ptr<Connection> idlest;
    {
      std::lock_guard lock(connections_mutex);
      std::int64_t oldest = std::numeric_limits<std::int64_t>::max();
      for (const auto& conn : connections)
        if (conn->waiting_for_request && !conn->shed && conn->waiting_since < oldest)
          oldest = conn->waiting_since, idlest = conn;
      if (idlest) idlest->shed = true;
    }
    if (!idlest) return;
    asio::post(idlest->executor, [idlest] {
      boost::system::error_code ignored;
      if (idlest->alive && idlest->waiting_for_request) idlest->stream->socket().cancel(ignored);
    });
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
      std::string remote;
      if (auto endpoint = socket.remote_endpoint(ec); !ec) remote = endpoint.address().to_string();
      if (open_connections.load() >= options.shed_idle_at) shed_idlest();
      if (open_connections.load() >= options.max_connections || !admit(remote)) {
        socket.close(ec);
        continue;
      }
      auto executor = socket.get_executor();
      asio::co_spawn(executor, session(std::move(socket), std::move(remote)), asio::detached);
    }
  }

  // Counts a new connection of `remote`; false when that client has too many already.
  bool admit(const std::string& remote) {
    if (!limited(remote)) return true;
    std::lock_guard lock(connections_mutex);
    int& n = per_client[remote];
    if (n >= options.max_connections_per_client) return false;
    ++n;
    return true;
  }
  void release(const std::string& remote) {
    if (!limited(remote)) return;
    std::lock_guard lock(connections_mutex);
    auto it = per_client.find(remote);
    if (it != per_client.end() && --it->second <= 0) per_client.erase(it);
  }

  // "Date: <now>\r\n", made once a second per thread.
  static const std::string& date_line() {
    thread_local std::time_t last = 0;
    thread_local std::string line;
    std::time_t now = std::time(nullptr);
    if (now != last) {
      last = now;
      line = "Date: " + content::http_date(now) + "\r\n";
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

  static std::unique_ptr<asio::thread_pool> make_pool(int threads) {
    if (threads <= 0) return nullptr;
    return std::make_unique<asio::thread_pool>(static_cast<std::size_t>(threads));
  }

  // One request as read: the parsed message, and the lane that answers it.
  struct Incoming {
    std::optional<bhttp::request_parser<bhttp::string_body>> parser;
    Lane lane = Lane::Read;
    BodyReservation body;
    int error_status = 0;  // set when the request is refused before it is handled
    std::string error_message;
    Headers error_headers;
  };

  // The header-only view of a request that the body-size decision looks at.
  static Request headers_of(const bhttp::request_parser<bhttp::string_body>& parser,
                            std::string path, const std::string& remote) {
    Request r;
    const auto& msg = parser.get();
    r.method = std::string(msg.method_string());
    r.target = std::string(msg.target());
    r.path = std::move(path);
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    r.remote_address = remote;
    return r;
  }

  // Reads the next request. Its header decides, from the decoded path the router will use,
  // its lane and how large a body it may send; the body is read only once it
  // fits both that limit and the memory budget. False: the connection is done (a refusal
  // to send is then in `in`).
  asio::awaitable<bool> read_request(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                     Connection& self, int served, const std::string& remote,
                                     Incoming& in) {
    auto& parser = in.parser.emplace();
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    // Beast compares Content-Length with the limit as soon as the header is complete, so
    // the header is read under the largest limit and the request decides afterwards.
    std::size_t largest = std::max(options.body_limit, options.upload_body_limit);
    parser.body_limit(largest);
    stream.expires_after(served == 0 ? options.read_timeout : options.idle_timeout);
    self.waiting_since = steady_now();
    self.waiting_for_request = true;
    boost::system::error_code ec;
    if (stopping) co_return false;
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) {
      auto target = parse_target(parser.get().target());
      if (target && options.lane)
        in.lane = options.lane(parser.get().method_string(), target->path);
      if (!parser.is_done()) {
        auto length = parser.content_length();
        std::size_t limit = options.body_limit;
        if (in.lane == Lane::Heavy && (!length || *length > options.body_limit) &&
            options.may_send_large_body &&
            options.may_send_large_body(headers_of(parser, target->path, remote)))
          limit = largest;
        parser.body_limit(limit);  // enforced while a chunked body is read
        std::size_t reserve = length ? static_cast<std::size_t>(*length) : limit;
        if (length && *length > limit) {
          ec = bhttp::error::body_limit;
        } else if (!body_budget.take(reserve)) {
          self.waiting_for_request = false;
          in.error_status = 503;
          in.error_message = "The server is busy receiving other uploads. Try again in a moment.";
          in.error_headers.emplace_back("Retry-After", "5");
          co_return false;
        } else {
          in.body.budget = &body_budget;
          in.body.bytes = reserve;
          co_await bhttp::async_read(stream, buffer, parser,
                                     asio::redirect_error(asio::use_awaitable, ec));
        }
      }
    }
    self.waiting_for_request = false;
    if (!ec) co_return true;
    if (ec == bhttp::error::body_limit)
      in.error_status = 413,
      in.error_message = "The request body is larger than this server accepts.";
    else if (ec == bhttp::error::header_limit)
      in.error_status = 431,
      in.error_message = "The request headers are larger than this server accepts.";
    else if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout &&
             ec != asio::error::operation_aborted && ec != asio::error::connection_reset &&
             ec != asio::error::eof && buffer.size() > 0)
      in.error_status = 400, in.error_message = "Malformed HTTP request: " + ec.message() + ".";
    co_return false;
  }

  // Writes the answer to `msg`; false when the connection must close.
  asio::awaitable<bool> write_response(beast::tcp_stream& stream,
                                       const bhttp::request<bhttp::string_body>& msg,
                                       Response response, const WireForm* wire, bool keep_alive) {
    boost::system::error_code ec;
    stream.expires_after(options.read_timeout);
    if (wire) {
      // A cache hit: its bytes were made once; add Date and Connection, send as is.
      static constexpr std::string_view kEnd = "\r\n";
      static constexpr std::string_view kClose = "Connection: close\r\n\r\n";
      std::string middle, end;  // a page's fresh part (the comment form's token), if any
      if (wire->fill) wire->fill(middle, end);
      static const std::string kNothing;
      std::array<asio::const_buffer, 7> bufs{asio::buffer(wire->head),
                                             asio::buffer(date_line()),
                                             asio::buffer(keep_alive ? kEnd : kClose),
                                             asio::buffer(*wire->body),
                                             asio::buffer(middle),
                                             asio::buffer(wire->tail ? *wire->tail : kNothing),
                                             asio::buffer(end)};
      co_await asio::async_write(stream, bufs, asio::redirect_error(asio::use_awaitable, ec));
      co_return !ec && keep_alive;
    }
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(response.status),
                                            msg.version()};
    add_common_headers(res, response);
    res.keep_alive(keep_alive);
    if (msg.method() == bhttp::verb::head) {
      res.content_length(response.body.size());
      bhttp::response_serializer<bhttp::string_body> sr{res};
      sr.split(true);
      co_await bhttp::async_write_header(stream, sr, asio::redirect_error(asio::use_awaitable, ec));
    } else {
      res.body() = std::move(response.body);
      res.prepare_payload();
      co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
    }
    co_return !ec && keep_alive;
  }

  // The read / dispatch / write loop of one connection.
  asio::awaitable<void> session(tcp::socket socket, std::string remote) {
    ++open_connections;
    beast::tcp_stream stream(std::move(socket));
    auto self = std::make_shared<Connection>();
    self->executor = stream.get_executor();
    self->stream = &stream;
    std::list<std::shared_ptr<Connection>>::iterator registered;
    {
      std::lock_guard lock(connections_mutex);
      registered = connections.insert(connections.end(), self);
    }
    beast::flat_buffer buffer;
    for (int served = 0; served < options.max_requests_per_connection; ++served) {
      Incoming in;
      if (!co_await read_request(stream, buffer, *self, served, remote, in)) {
        if (in.error_status)
          co_await send_error(stream, in.error_status, in.error_message, in.error_headers);
        break;
      }
      auto& msg = in.parser->get();
      bool keep_alive =
          msg.keep_alive() && !stopping && served + 1 < options.max_requests_per_connection;
      const WireForm* wire = nullptr;
      Response response;
      asio::thread_pool* pool = in.lane == Lane::Heavy    ? workers.get()
                                : in.lane == Lane::Commit ? committers.get()
                                                          : nullptr;
      if (pool) {
        // Answered on that pool; this coroutine resumes on its own thread after.
        response = co_await asio::co_spawn(
            pool->get_executor(),
            [&]() -> asio::awaitable<Response> { co_return respond(msg, remote, &wire); },
            asio::use_awaitable);
      } else {
        response = respond(msg, remote, &wire);
      }
      in.body.release();  // handled: the body's memory goes back to the budget
      if (!co_await write_response(stream, msg, std::move(response), wire, keep_alive)) break;
    }
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    self->alive = false;
    {
      std::lock_guard lock(connections_mutex);
      connections.erase(registered);
    }
    release(remote);
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

  asio::awaitable<void> send_error(beast::tcp_stream& stream, int status, std::string message,
                                   const Headers& headers = {}) {
    Response r = Response::plain(status, std::move(message));
    r.headers = headers;
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
