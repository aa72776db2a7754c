// HTTP request parsing as the server does it: Beast's parser with the server's header and
// body limits, then the request target (path decoding, '.' and '..' segments), the query
// string and the cookies. No crash, and a decoded path never holds a NUL or a dot segment.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "http/cookies.h"
#include "http/url.h"

namespace bhttp = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(64 * 1024);
  boost::system::error_code ec;
  parser.eager(true);
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_header_done()) return 0;
  const auto& msg = parser.get();
  auto target = khabar::http::parse_target(msg.target());
  if (!target) return 0;
  if (target->path.find('\0') != std::string::npos ||
      target->path.find("/../") != std::string::npos ||
      target->path.find("/./") != std::string::npos || target->path.ends_with("/.."))
    std::abort();
  khabar::http::Request request;
  request.target = std::string(msg.target());
  request.path = target->path;
  request.query = target->query;
  for (const auto& field : msg)
    request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  for (auto& [name, value] : request.headers)
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  khabar::http::parse_query(request.query);
  request.query_param("p");
  khabar::http::cookie(request, "khabar_session");
  return 0;
}
