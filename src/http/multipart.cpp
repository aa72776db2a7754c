#include "http/multipart.h"

#include <algorithm>
#include <cctype>

namespace khabar::http {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `key` in a header value like `form-data; name="a"; filename="b"`.
std::optional<std::string> parameter(std::string_view header, std::string_view key) {
  std::size_t pos = 0;
  while ((pos = header.find(';', pos)) != std::string_view::npos) {
    ++pos;
    std::size_t eq = header.find('=', pos);
    if (eq == std::string_view::npos) return std::nullopt;
    if (lower(trim(header.substr(pos, eq - pos))) != key) continue;
    std::string_view rest = header.substr(eq + 1);
    if (!rest.empty() && rest.front() == '"') {
      std::string value;
      for (std::size_t i = 1; i < rest.size(); ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) {
          value += rest[++i];
        } else if (rest[i] == '"') {
          return value;
        } else {
          value += rest[i];
        }
      }
      return std::nullopt;
    }
    return std::string(trim(rest.substr(0, rest.find(';'))));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  if (lower(content_type.substr(0, content_type.find(';'))) != "multipart/form-data")
    return std::nullopt;
  auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view boundary, std::string* error,
                                                     std::size_t max_parts) {
  std::string delimiter = "--" + std::string(boundary);
  std::vector<FormPart> parts;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) {
    *error = "the form data has no boundary line";
    return std::nullopt;
  }
  at += delimiter.size();
  while (true) {
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") break;
    at += 2;
    std::size_t headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string_view::npos) break;
    FormPart part;
    bool named = false;
    for (std::size_t line = at; line < headers_end;) {
      std::size_t eol = body.find("\r\n", line);
      if (eol == std::string_view::npos || eol > headers_end) eol = headers_end;
      std::string_view header = body.substr(line, eol - line);
      std::size_t colon = header.find(':');
      if (colon != std::string_view::npos) {
        std::string key = lower(trim(header.substr(0, colon)));
        std::string_view value = trim(header.substr(colon + 1));
        if (key == "content-disposition") {
          auto name = parameter(value, "name");
          if (name) part.name = *name, named = true;
          part.filename = parameter(value, "filename").value_or("");
        } else if (key == "content-type") {
          part.content_type = std::string(value);
        }
      }
      line = eol + 2;
    }
    std::size_t data_start = headers_end + 4;
    // The next delimiter line: "\r\n--boundary" followed by "\r\n" or the closing "--".
    std::string needle = "\r\n" + delimiter;
    std::size_t next = body.find(needle, data_start);
    while (next != std::string_view::npos) {
      std::string_view after = body.substr(next + needle.size(), 2);
      if (after == "\r\n" || after == "--") break;
      next = body.find(needle, next + 1);
    }
    if (next == std::string_view::npos || !named) break;
    part.data = std::string(body.substr(data_start, next - data_start));
    parts.push_back(std::move(part));
    if (parts.size() > max_parts) {
      *error = "the form has too many parts";
      return std::nullopt;
    }
    at = next + 2 + delimiter.size();
  }
  *error = "the form data is cut short or malformed";
  return std::nullopt;
}

}  // namespace khabar::http
