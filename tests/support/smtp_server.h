// A real SMTP server for tests: Debian's python3-aiosmtpd on a free 127.0.0.1 port,
// writing what it receives into a Maildir (with the envelope: X-MailFrom, X-RcptTo),
// stopped by its PID when the object goes away.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace khabar::test {

struct ReceivedMail {
  std::map<std::string, std::string> headers;  // lower-case names; folded lines joined
  std::string raw_headers;                     // as received
  std::string body;                            // decoded (base64 or as sent), CRLF -> LF
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// How the server speaks TLS: not at all, STARTTLS required before any mail (port 587's
// way), or TLS from the first byte (SMTPS, port 465's way), with `certificate` and `key`.
struct SmtpTls {
  enum class Mode { None, StartTls, Implicit } mode = Mode::None;
  std::filesystem::path certificate, key;
};

// Writes a self-signed certificate for 127.0.0.1 (and its key) with Debian's openssl.
SmtpTls make_test_certificate(const std::filesystem::path& dir, SmtpTls::Mode mode);

class SmtpServer {
 public:
  // Listens on `port` (0: a free one).
  explicit SmtpServer(const std::filesystem::path& dir, int port = 0, const SmtpTls& tls = {});
  ~SmtpServer();
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  int port() const { return port_; }
  // Every message received so far, in the order they arrived.
  std::vector<ReceivedMail> messages() const;
  // Waits (up to `seconds`) until at least `count` messages arrived; returns them all.
  std::vector<ReceivedMail> wait_for(std::size_t count, int seconds = 20) const;
  // Waits (up to `seconds`) until `count` messages whose Subject contains `part` arrived;
  // returns those.
  std::vector<ReceivedMail> wait_for(const std::string& part, std::size_t count,
                                     int seconds = 20) const;
  void stop();

 private:
  std::filesystem::path maildir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// The first http(s) link in `text` that contains `part`, or "".
std::string link_in(const std::string& text, const std::string& part);

}  // namespace khabar::test
