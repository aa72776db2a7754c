// A deliberately small HTTP/1.1 client for tests, on plain POSIX sockets, so that the
// server is tested by bytes on the wire and not by the library it is built with.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace khabar::test {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// Sends raw request bytes to 127.0.0.1:port and reads responses until the connection
// closes (or `expected` responses arrived). HEAD responses must be flagged in `head`.
std::vector<HttpResponse> http_exchange(int port, const std::string& raw_request,
                                        std::size_t expected = 1,
                                        const std::vector<bool>& head = {});

// GET (or another method) with extra headers; "Connection: close" is added.
HttpResponse http_request(int port, const std::string& method, const std::string& target,
                          const std::vector<std::string>& headers = {},
                          const std::string& body = "");

inline HttpResponse http_get(int port, const std::string& target,
                             const std::vector<std::string>& headers = {}) {
  return http_request(port, "GET", target, headers);
}

// Whether something accepts connections on 127.0.0.1:port.
bool can_connect(int port);

// A port that was free a moment ago.
int free_port();

}  // namespace khabar::test
