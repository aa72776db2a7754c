#include "content/comments.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

#include "content/settings.h"
#include "content/text.h"

namespace khabar::content {
namespace {

std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view line : split(text, '\n'))
    if (std::string trimmed = trim(line); !trimmed.empty()) out.push_back(std::move(trimmed));
  return out;
}

std::optional<int> to_int(std::string_view s, int min, int max) {
  auto v = parse_integer(s);
  if (!v || *v < min || *v > max) return std::nullopt;
  return static_cast<int>(*v);
}

bool looks_like_email(std::string_view e) {
  std::size_t at = e.find('@');
  if (at == std::string_view::npos || at == 0 || at != e.rfind('@') || e.size() > 254) return false;
  std::string_view domain = e.substr(at + 1);
  std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : e)
    if (c == ' ' || c == '<' || c == '>' || c == '"' || c == ',' ||
        static_cast<unsigned char>(c) < 32)
      return false;
  return true;
}

// An entry of a list is an IP pattern if it parses as an address, with an optional /bits.
bool is_ip_pattern(std::string_view entry) {
  std::string address(entry.substr(0, entry.find('/')));
  unsigned char buf[16];
  return inet_pton(AF_INET, address.c_str(), buf) == 1 ||
         inet_pton(AF_INET6, address.c_str(), buf) == 1;
}

// Whether a list entry matches the submission: an email (contains '@') matches the
// email exactly, an IP pattern the address, anything else is a word looked for in the
// name, email, website and text (case-insensitive).
bool entry_matches(const std::string& entry, const CommentSubmission& s, bool words_too) {
  std::string e = ascii_lower(entry);
  if (e.find('@') != std::string::npos) return ascii_lower(s.email) == e;
  if (is_ip_pattern(e)) return ip_matches(s.ip, e);
  if (!words_too) return false;
  for (const std::string* field : {&s.name, &s.email, &s.url, &s.body})
    if (ascii_lower(*field).find(e) != std::string::npos) return true;
  return false;
}

}  // namespace

ModerationSettings moderation_settings(
    const std::function<std::optional<std::string>(std::string_view)>& setting) {
  ModerationSettings m;
  if (auto v = setting("comments_hold")) {
    if (*v == "all")
      m.hold = ModerationSettings::Hold::All;
    else if (*v == "none")
      m.hold = ModerationSettings::Hold::None;
  }
  // Ranges and defaults: content/settings.cpp.
  m.max_links = integer_setting("comments_max_links", setting("comments_max_links"));
  m.close_after_days =
      integer_setting("comments_close_after_days", setting("comments_close_after_days"));
  m.thread_depth = integer_setting("comments_thread_depth", setting("comments_thread_depth"));
  m.flood_seconds = integer_setting("comments_flood_seconds", setting("comments_flood_seconds"));
  if (auto v = setting("comments_block_list")) m.block_list = lines(*v);
  if (auto v = setting("comments_allow_list")) m.allow_list = lines(*v);
  return m;
}

CommentSubmission normalise_comment(CommentSubmission s) {
  s.name = trim(s.name);
  s.email = ascii_lower(trim(s.email));
  s.url = trim(s.url);
  s.body = trim(s.body);
  std::string body;
  for (char c : s.body)
    if (c != '\r') body += c;
  s.body = body;
  return s;
}

FieldErrors validate_comment(const CommentSubmission& s) {
  FieldErrors errors;
  if (s.name.empty())
    errors["author"] = "error_name_required";
  else if (utf8_length(s.name) > 100 || !is_valid_utf8(s.name))
    errors["author"] = "error_name_long";
  if (s.email.empty())
    errors["email"] = "error_email_required";
  else if (!looks_like_email(s.email))
    errors["email"] = "error_email_invalid";
  if (!s.url.empty()) {
    std::string u = ascii_lower(s.url);
    bool scheme = u.starts_with("http://") || u.starts_with("https://");
    bool clean = u.find_first_of(" \"<>\\") == std::string::npos && u.size() <= 200 && u.size() > 8;
    if (!scheme || !clean) errors["url"] = "error_url_invalid";
  }
  if (s.body.empty())
    errors["comment"] = "error_comment_required";
  else if (!is_valid_utf8(s.body))
    errors["comment"] = "error_comment_encoding";
  else if (utf8_length(s.body) > kMaxCommentChars)
    errors["comment"] = "error_comment_long";
  return errors;
}

int count_links(std::string_view text) {
  std::string t = ascii_lower(text);
  int n = 0;
  for (std::string_view marker : {"http://", "https://"})
    for (std::size_t p = t.find(marker); p != std::string::npos; p = t.find(marker, p + 1)) ++n;
  for (std::size_t p = t.find("www."); p != std::string::npos; p = t.find("www.", p + 1))
    if (p < 2 || t.compare(p - 2, 2, "//") != 0) ++n;  // not already counted as http(s)://www.
  return n;
}

CommentStatus classify_comment(const CommentSubmission& s, const ModerationSettings& m,
                               bool has_approved_before) {
  for (const auto& entry : m.block_list)
    if (entry_matches(entry, s, true)) return CommentStatus::Spam;
  for (const auto& entry : m.allow_list)
    if (entry_matches(entry, s, false)) return CommentStatus::Approved;
  if (count_links(s.body) > m.max_links) return CommentStatus::Pending;
  switch (m.hold) {
    case ModerationSettings::Hold::All:
      return CommentStatus::Pending;
    case ModerationSettings::Hold::FirstTime:
      return has_approved_before ? CommentStatus::Approved : CommentStatus::Pending;
    case ModerationSettings::Hold::None:
      return CommentStatus::Approved;
  }
  return CommentStatus::Pending;
}

bool comments_open(const Article& a, const ModerationSettings& m, Timestamp now) {
  if (!a.comments_open || a.kind != Kind::Article) return false;
  if (m.close_after_days > 0 && now - a.published_at > Timestamp{m.close_after_days} * 86400)
    return false;
  return true;
}

bool ip_matches(std::string_view ip, std::string_view pattern) {
  std::string address(pattern.substr(0, pattern.find('/')));
  unsigned char want[16], have[16];
  int family = address.find(':') == std::string::npos ? AF_INET : AF_INET6;
  int size = family == AF_INET ? 4 : 16;
  std::string client(ip);
  if (inet_pton(family, address.c_str(), want) != 1) return false;
  if (inet_pton(family, client.c_str(), have) != 1) return false;
  int bits = size * 8;
  if (std::size_t slash = pattern.find('/'); slash != std::string_view::npos) {
    auto parsed = to_int(pattern.substr(slash + 1), 0, size * 8);
    if (!parsed) return false;
    bits = *parsed;
  }
  for (int i = 0; i < size && bits > 0; ++i, bits -= 8) {
    unsigned char mask = bits >= 8 ? 0xFF : static_cast<unsigned char>(0xFF << (8 - bits));
    if ((want[i] & mask) != (have[i] & mask)) return false;
  }
  return true;
}

}  // namespace khabar::content
