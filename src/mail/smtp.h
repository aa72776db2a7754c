// Delivers one message to one recipient over SMTP (libcurl): STARTTLS, implicit TLS or
// plain, with AUTH when a user is set. Thread-safe; blocks for at most the timeout.
#pragma once

#include <string>
#include <string_view>

#include "mail/letter.h"

namespace khabar::mail {

struct Delivery {
  enum Outcome { Sent, TryAgain, Refused } outcome = Sent;  // Refused: 5xx, never retried
  std::string error;  // what the server or the connection said (no addresses)
};

Delivery smtp_send(const MailSettings& settings, std::string_view recipient,
                   std::string_view message);

}  // namespace khabar::mail
