// The messages Khabar sends (mail/letter.h): RFC 5322 headers, RFC 2047 encoded words for
// Pashto names and subjects, base64 UTF-8 text, one recipient, nothing injected.
#include <gtest/gtest.h>
#include <sodium.h>

#include "mail/letter.h"

namespace khabar::mail {
namespace {

std::string decode_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  EXPECT_EQ(
      sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), "\r\n", &length, nullptr, sodium_base64_VARIANT_ORIGINAL),
      0);
  out.resize(length);
  return out;
}

std::string header(const std::string& m, const std::string& name) {
  auto at = m.find("\r\n" + name + ": ");
  if (m.starts_with(name + ": "))
    at = 0;
  else if (at == std::string::npos)
    return "";
  else
    at += 2;
  at += name.size() + 2;
  std::string value;
  for (;;) {
    auto end = m.find("\r\n", at);
    value += m.substr(at, end - at);
    if (m.compare(end + 2, 1, " ") != 0) break;
    at = end + 2;
  }
  return value;
}

// Decodes the encoded words of a header value (the form compose writes).
std::string decode_words(const std::string& value) {
  std::string out;
  std::size_t at = 0;
  while ((at = value.find("=?utf-8?b?", at)) != std::string::npos) {
    auto end = value.find("?=", at + 10);
    out += decode_base64(value.substr(at + 10, end - at - 10));
    at = end + 2;
  }
  return out;
}

TEST(MailMessage, HeadersAndTextAreWhatTheStandardsAsk) {
  Letter l{"review", 3, "rahima@example.org", "For review: Wheat prices", "Line one\nLine two\n"};
  auto m = compose(l, "Kabul Desk <desk@news.example>", 1796212800, "0123abcd");
  ASSERT_TRUE(m);
  EXPECT_EQ(header(*m, "Date"), "Wed, 02 Dec 2026 12:00:00 +0000");
  EXPECT_EQ(header(*m, "From"), "\"Kabul Desk\" <desk@news.example>");
  EXPECT_EQ(header(*m, "To"), "<rahima@example.org>");
  EXPECT_EQ(header(*m, "Subject"), "For review: Wheat prices");
  EXPECT_EQ(header(*m, "Message-ID"), "<0123abcd@news.example>");
  EXPECT_EQ(header(*m, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(header(*m, "Auto-Submitted"), "auto-generated");
  auto body_at = m->find("\r\n\r\n");
  ASSERT_NE(body_at, std::string::npos);
  std::string body = m->substr(body_at + 4);
  for (std::size_t i = 0; i < body.size();) {  // lines of at most 76 characters
    auto end = body.find("\r\n", i);
    EXPECT_LE(end - i, 76u);
    i = end + 2;
  }
  EXPECT_EQ(decode_base64(body), "Line one\r\nLine two\r\n");
  EXPECT_EQ(m->find("\n\n"), std::string::npos);  // CRLF only
}

TEST(MailMessage, PashtoNamesAndSubjectsAreEncodedWords) {
  std::string subject =
      "د کابل ښار کې نوې کتابتونونه پرانستل شول، او د ولایت چارواکو وویل چې نور به هم جوړ شي";
  Letter l{"review", 3, "rahima@example.org", subject, "متن"};
  auto m = compose(l, "خبریال <desk@news.example>", 0, "id");
  ASSERT_TRUE(m);
  std::string s = header(*m, "Subject");
  EXPECT_TRUE(s.starts_with("=?utf-8?b?")) << s;
  EXPECT_EQ(decode_words(s), subject);
  // Every encoded word within 75 characters, on lines of their own.
  auto raw_at = m->find("Subject: ");
  auto raw_end = m->find("\r\nMessage-ID");
  std::string raw = m->substr(raw_at, raw_end - raw_at);
  std::size_t start = 0;
  while (start < raw.size()) {
    auto end = raw.find("\r\n", start);
    if (end == std::string::npos) end = raw.size();
    std::string line = raw.substr(start, end - start);
    auto w = line.find("=?");
    EXPECT_LE(line.size() - w, 75u) << line;
    start = end + 2;
  }
  std::string from = header(*m, "From");
  EXPECT_EQ(decode_words(from.substr(0, from.find(" <"))), "خبریال");
  EXPECT_TRUE(from.ends_with(" <desk@news.example>"));
}

TEST(MailMessage, NoHeaderCanBeInjectedAndOnlyPlainAddressesAreUsed) {
  Letter l{"x", 0, "rahima@example.org", "Hello\r\nBcc: everyone@example.org", "Body"};
  auto m = compose(l, "Desk <desk@news.example>", 0, "id");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(header(*m, "Subject"), "Hello  Bcc: everyone@example.org");
  for (const char* bad : {"a@b.org\r\nBcc: c@d.org", "a@b.org, c@d.org", "<a@b.org>", "a b@c.org",
                          "no-at-sign", "@b.org", "a@", "a@b@c"}) {
    l.to = bad;
    EXPECT_FALSE(compose(l, "desk@news.example", 0, "id")) << bad;
  }
  l.to = "rahima@example.org";
  EXPECT_FALSE(compose(l, "Desk <not an address>", 0, "id"));
  EXPECT_EQ(address_of("Desk <desk@news.example>"), "desk@news.example");
  EXPECT_EQ(address_of(" desk@news.example "), "desk@news.example");
  EXPECT_EQ(display_name_of("\"Kabul Desk\" <desk@news.example>"), "Kabul Desk");
  EXPECT_EQ(display_name_of("desk@news.example"), "");
}

TEST(MailSettings, ProblemsAreNamed) {
  MailSettings s;
  EXPECT_EQ(settings_problem(s), "");  // off
  s.host = "smtp.example.org";
  s.from = "Desk <desk@news.example>";
  EXPECT_EQ(settings_problem(s), "");
  s.user = "desk";
  EXPECT_NE(settings_problem(s).find("user and password"), std::string::npos);
  s.password = "x";
  s.port = 0;
  EXPECT_NE(settings_problem(s).find("port"), std::string::npos);
  s.port = 465;
  s.from = "nobody";
  EXPECT_NE(settings_problem(s).find("from"), std::string::npos);
}

}  // namespace
}  // namespace khabar::mail
