// The postman: queues letters in the store's outbox (sealed under the site secret) and,
// on its own thread in `khabar serve`, sends what is due: a request that sends mail only
// writes one row, never waits for an SMTP server. A failed attempt is retried after
// retry_s, doubling each time, up to `attempts`; a letter the recipient's server refuses
// for good, or that runs out of attempts, is given up (logged without the address).
// Several processes (nodes) may each run one: a claimed letter is leased to one of them.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "content/clock.h"
#include "mail/letter.h"
#include "mail/smtp.h"
#include "security/secret.h"
#include "store/store.h"

namespace khabar::mail {

class Postman {
 public:
  using Sender = std::function<Delivery(const MailSettings&, std::string_view recipient,
                                        std::string_view message)>;
  Postman(store::Store& store, const security::Secret& secret, MailSettings settings,
          const content::Clock& clock = content::system_clock(), Sender sender = smtp_send);
  ~Postman();
  Postman(const Postman&) = delete;
  Postman& operator=(const Postman&) = delete;

  bool enabled() const { return settings_.enabled(); }
  const MailSettings& settings() const { return settings_; }

  // Queues `letter` (durable when this returns) and wakes the sending thread. False when
  // email is off or the letter has no usable recipient.
  bool post(const Letter& letter);

  // Starts the sending thread, which runs a round at once, then every `poll_s` seconds
  // and whenever a letter is posted. Stopped by the destructor.
  void start(int poll_s = 15);

  // One round: sends the letters due now (and the moderation digest when one is due).
  // Returns how many were sent.
  int deliver_due();

 private:
  bool send_one(const store::QueuedLetter& letter);  // true if sent

  store::Store& store_;
  const security::Secret& secret_;
  MailSettings settings_;
  const content::Clock& clock_;
  Sender sender_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool posted_ = false;
  std::thread thread_;
};

}  // namespace khabar::mail
