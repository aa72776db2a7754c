#include "mail/smtp.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace khabar::mail {
namespace {

struct Reader {
  std::string_view rest;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* data) {
  auto* r = static_cast<Reader*>(data);
  std::size_t n = std::min(size * count, r->rest.size());
  std::memcpy(buffer, r->rest.data(), n);
  r->rest.remove_prefix(n);
  return n;
}

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Delivery smtp_send(const MailSettings& s, std::string_view recipient, std::string_view message) {
  init_curl();
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {Delivery::TryAgain, "libcurl could not start"};
  CURL* c = curl.get();
  std::string host = s.host.find(':') != std::string::npos ? "[" + s.host + "]" : s.host;
  std::string url = std::string(s.security == Security::Tls ? "smtps://" : "smtp://") + host + ":" +
                    std::to_string(s.port);
  std::string from = "<" + address_of(s.from) + ">";
  std::string to = "<" + std::string(recipient) + ">";
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> rcpt(curl_slist_append(nullptr, to.c_str()),
                                                          curl_slist_free_all);
  Reader reader{message};
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   s.security == Security::None ? CURLUSESSL_NONE : CURLUSESSL_ALL);
  if (!s.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, s.ca_file.c_str());
  if (!s.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, s.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, s.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(c, CURLOPT_READDATA, &reader);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(std::min(s.timeout_s, 30)));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(s.timeout_s));
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  CURLcode result = curl_easy_perform(c);
  if (result == CURLE_OK) return {Delivery::Sent, ""};
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  std::string said = error[0] ? error : curl_easy_strerror(result);
  if (code) said += " (SMTP " + std::to_string(code) + ")";
  // The recipient refused for good (5xx to RCPT: no such mailbox) stays refused; anything
  // else may pass: 4xx, no connection, a timeout, and refusals of the sender or the login,
  // which the administrator can mend in [mail] while the letter waits.
  bool refused = code >= 500 && code < 600 && result != CURLE_LOGIN_DENIED &&
                 said.find("RCPT") != std::string::npos;
  return {refused ? Delivery::Refused : Delivery::TryAgain, said};
}

}  // namespace khabar::mail
