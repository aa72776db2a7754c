#include "mail/letter.h"

#include <sodium.h>

#include <string>

#include "content/dates.h"

namespace khabar::mail {
namespace {

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool is_ascii_text(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c >= 0x7f) return false;
  return true;
}

// Line breaks and other controls become spaces: a header value is one line.
std::string one_line(std::string_view s) {
  std::string out;
  for (unsigned char c : s) out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
  return out;
}

// RFC 2047 encoded words of at most 75 characters, split between UTF-8 characters, folded
// onto continuation lines.
std::string encoded_words(std::string_view text) {
  constexpr std::size_t kBytesPerWord = 45;  // 60 base64 characters
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.size(), i + kBytesPerWord);
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?utf-8?b?" + base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string header_text(std::string_view value) {
  std::string line = one_line(value);
  if (is_ascii_text(line) && line.find("=?") == std::string::npos && line.size() <= 900)
    return line;
  return encoded_words(line);
}

std::string mailbox(std::string_view name, std::string_view address) {
  std::string n = one_line(name);
  if (n.empty()) return "<" + std::string(address) + ">";
  if (!is_ascii_text(n) || n.find("=?") != std::string::npos)
    return encoded_words(n) + " <" + std::string(address) + ">";
  std::string quoted = "\"";
  for (char c : n) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + std::string(address) + ">";
}

}  // namespace

std::string address_of(std::string_view from) {
  auto open = from.rfind('<');
  auto close = from.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open)
    return std::string(from.substr(open + 1, close - open - 1));
  auto first = from.find_first_not_of(' ');
  auto last = from.find_last_not_of(' ');
  return first == std::string_view::npos ? "" : std::string(from.substr(first, last - first + 1));
}

std::string display_name_of(std::string_view from) {
  auto open = from.rfind('<');
  if (open == std::string_view::npos) return "";
  std::string_view name = from.substr(0, open);
  while (!name.empty() && (name.back() == ' ' || name.back() == '"')) name.remove_suffix(1);
  while (!name.empty() && (name.front() == ' ' || name.front() == '"')) name.remove_prefix(1);
  return std::string(name);
}

bool is_plain_address(std::string_view a) {
  if (a.empty() || a.size() > 254) return false;
  auto at = a.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= a.size() ||
      a.find('@', at + 1) != std::string_view::npos)
    return false;
  for (unsigned char c : a)
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '(' || c == ')' ||
        c == ',' || c == ';' || c == ':' || c == '\\' || c == '[' || c == ']')
      return false;
  return true;
}

std::optional<std::string> compose(const Letter& letter, std::string_view from,
                                   content::Timestamp now, std::string_view message_id) {
  std::string from_address = address_of(from);
  if (!is_plain_address(letter.to) || !is_plain_address(from_address)) return std::nullopt;
  std::string domain = from_address.substr(from_address.find('@') + 1);
  std::string body;
  for (char c : letter.body) {
    if (c == '\r') continue;
    if (c == '\n') body += '\r';
    body += c;
  }
  std::string encoded = base64(body);
  std::string m;
  m += "Date: " + content::rfc822(now) + "\r\n";
  m += "From: " + mailbox(display_name_of(from), from_address) + "\r\n";
  m += "To: <" + letter.to + ">\r\n";
  m += "Subject: " + header_text(letter.subject) + "\r\n";
  m += "Message-ID: <" + std::string(message_id) + "@" + domain + ">\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: text/plain; charset=utf-8\r\n";
  m += "Content-Transfer-Encoding: base64\r\n";
  m += "Auto-Submitted: auto-generated\r\n";
  m += "\r\n";
  for (std::size_t i = 0; i < encoded.size(); i += 76) m += encoded.substr(i, 76) + "\r\n";
  return m;
}

std::string settings_problem(const MailSettings& s) {
  if (!s.enabled()) return "";
  if (s.port < 1 || s.port > 65535) return "port must be 1 to 65535";
  if (!is_plain_address(address_of(s.from)))
    return "from must be an address, as news@example.org or \"Newsroom <news@example.org>\"";
  if (s.user.empty() != s.password.empty()) return "user and password go together";
  if (s.timeout_s < 1 || s.timeout_s > 600) return "timeout_s must be 1 to 600";
  if (s.retry_s < 1 || s.retry_s > 3600) return "retry_s must be 1 to 3600";
  if (s.attempts < 1 || s.attempts > 30) return "attempts must be 1 to 30";
  if (s.host.find_first_of("/ \r\n@") != std::string::npos) return "host must be a host name";
  return "";
}

}  // namespace khabar::mail
