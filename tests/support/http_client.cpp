#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace khabar::test {
namespace {

int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Parses one response from the front of `data`; returns bytes used, 0 if incomplete.
std::size_t parse_one(const std::string& data, bool head, bool at_eof, HttpResponse& out) {
  std::size_t end = data.find("\r\n\r\n");
  if (end == std::string::npos) return 0;
  HttpResponse r;
  std::size_t line_end = data.find("\r\n");
  std::string status_line = data.substr(0, line_end);
  if (status_line.size() < 12) throw std::runtime_error("bad status line: " + status_line);
  r.status = std::stoi(status_line.substr(9, 3));
  std::size_t pos = line_end + 2;
  while (pos < end) {
    std::size_t eol = data.find("\r\n", pos);
    std::string line = data.substr(pos, eol - pos);
    std::size_t colon = line.find(':');
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    std::string name = lower(line.substr(0, colon));
    // Several Set-Cookie headers are kept, one per line; other repeated headers: the last.
    if (name == "set-cookie" && r.headers.count(name))
      r.headers[name] += "\n" + value;
    else
      r.headers[name] = value;
    pos = eol + 2;
  }
  std::size_t body_start = end + 4;
  std::size_t length = 0;
  bool has_length = r.headers.count("content-length");
  if (has_length) length = std::stoul(r.headers["content-length"]);
  if (head || r.status == 304 || r.status == 204)
    length = 0;
  else if (!has_length) {
    if (!at_eof) return 0;
    length = data.size() - body_start;
  }
  if (data.size() < body_start + length) return 0;
  r.body = data.substr(body_start, length);
  out = std::move(r);
  return body_start + length;
}

}  // namespace

std::vector<HttpResponse> http_exchange(int port, const std::string& raw, std::size_t expected,
                                        const std::vector<bool>& head) {
  int fd = connect_to(port);
  if (fd < 0) throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
  std::size_t sent = 0;
  while (sent < raw.size()) {
    ssize_t n = send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string data;
  std::vector<HttpResponse> responses;
  char buf[65536];
  bool eof = false;
  while (responses.size() < expected) {
    HttpResponse r;
    bool is_head = responses.size() < head.size() && head[responses.size()];
    std::size_t used = parse_one(data, is_head, eof, r);
    if (used) {
      data.erase(0, used);
      responses.push_back(std::move(r));
      continue;
    }
    if (eof) break;
    // A minute of silence ends the wait: under ThreadSanitizer an upload's variants (libvips
    // on one thread) take half of that.
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 60000) <= 0) break;
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0)
      eof = true;
    else
      data.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  return responses;
}

HttpResponse http_request(int port, const std::string& method, const std::string& target,
                          const std::vector<std::string>& headers, const std::string& body) {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& h : headers) raw += h + "\r\n";
  if (!body.empty() || method == "POST")
    raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  raw += "\r\n" + body;
  auto responses = http_exchange(port, raw, 1, {method == "HEAD"});
  if (responses.empty()) throw std::runtime_error("no response to " + method + " " + target);
  return responses.front();
}

bool can_connect(int port) {
  int fd = connect_to(port);
  if (fd < 0) return false;
  close(fd);
  return true;
}

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

}  // namespace khabar::test
