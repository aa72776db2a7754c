#include "mail/postman.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "mail/notices.h"

namespace khabar::mail {
namespace {

constexpr std::string_view kSealPurpose = "mail-outbox";
constexpr content::Timestamp kLease = 600;  // a claimed letter is another's after this
constexpr content::Timestamp kLongestWait = 6 * 3600;

}  // namespace

Postman::Postman(store::Store& store, const security::Secret& secret, MailSettings settings,
                 const content::Clock& clock, Sender sender)
    : store_(store),
      secret_(secret),
      settings_(std::move(settings)),
      clock_(clock),
      sender_(std::move(sender)) {}

Postman::~Postman() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool Postman::post(const Letter& letter) {
  if (!enabled() || !is_plain_address(letter.to)) return false;
  content::Timestamp now = clock_.now();
  auto message = compose(letter, settings_.from, now, security::new_token().substr(0, 32));
  if (!message) return false;
  store_.outbox().enqueue(letter.kind, letter.user_id,
                          secret_.seal(kSealPurpose, letter.to + "\n" + *message), now);
  spdlog::info("mail: queued a letter ({}) for account {}", letter.kind, letter.user_id);
  {
    std::lock_guard lock(mutex_);
    posted_ = true;
  }
  wake_.notify_all();
  return true;
}

void Postman::start(int poll_s) {
  if (!enabled() || thread_.joinable()) return;
  thread_ = std::thread([this, poll_s] {
    std::unique_lock lock(mutex_);
    while (!stop_) {
      posted_ = false;
      lock.unlock();
      try {
        deliver_due();
      } catch (const std::exception& e) {
        spdlog::error("mail: {}", e.what());
      }
      lock.lock();
      wake_.wait_for(lock, std::chrono::seconds(poll_s), [&] { return stop_ || posted_; });
    }
  });
}

int Postman::deliver_due() {
  if (!enabled()) return 0;
  int sent = 0;
  moderation_digest(*this, store_, clock_.now());
  for (;;) {
    content::Timestamp now = clock_.now();
    auto due = store_.outbox().claim_due(now, now + kLease, 20);
    if (due.empty()) break;
    for (const auto& letter : due) sent += send_one(letter) ? 1 : 0;
  }
  return sent;
}

bool Postman::send_one(const store::QueuedLetter& letter) {
  auto opened = secret_.open(kSealPurpose, letter.sealed);
  auto newline = opened ? opened->find('\n') : std::string::npos;
  if (newline == std::string::npos) {
    // Sealed under another secret (a copied database) or damaged: no one can send it.
    spdlog::error("mail: letter {} ({}) cannot be opened with this site's secret; given up",
                  letter.id, letter.kind);
    store_.outbox().remove(letter.id);
    return false;
  }
  std::string_view recipient = std::string_view(*opened).substr(0, newline);
  std::string_view message = std::string_view(*opened).substr(newline + 1);
  Delivery d = sender_(settings_, recipient, message);
  if (d.outcome == Delivery::Sent) {
    store_.outbox().remove(letter.id);
    spdlog::info("mail: sent letter {} ({}) for account {}", letter.id, letter.kind,
                 letter.user_id);
    return true;
  }
  int attempts = letter.attempts + 1;
  if (d.outcome == Delivery::Refused || attempts >= settings_.attempts) {
    store_.outbox().remove(letter.id);
    spdlog::error("mail: gave up letter {} ({}) for account {} after {} attempt(s): {}", letter.id,
                  letter.kind, letter.user_id, attempts, d.error);
    return false;
  }
  content::Timestamp wait =
      std::min<content::Timestamp>(kLongestWait, static_cast<content::Timestamp>(settings_.retry_s)
                                                     << std::min(attempts - 1, 20));
  store_.outbox().retry_at(letter.id, clock_.now() + wait, d.error);
  spdlog::warn("mail: letter {} ({}) for account {} not sent (attempt {} of {}), again in {} s: {}",
               letter.id, letter.kind, letter.user_id, attempts, settings_.attempts, wait, d.error);
  return false;
}

}  // namespace khabar::mail
