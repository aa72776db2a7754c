#include "site/websub.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <memory>

#include "content/urls.h"

namespace khabar::site {
namespace {

std::size_t discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

// One ping; the hub's status (0 when it could not be reached).
long ping(const std::string& hub, const std::string& topic, std::string* error) {
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return 0;
  CURL* c = curl.get();
  std::string body = "hub.mode=publish&hub.url=" + content::percent_encode(topic);
  char message[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, hub.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Khabar/" KHABAR_VERSION);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, message);
  CURLcode result = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (result != CURLE_OK) *error = message[0] ? message : curl_easy_strerror(result);
  return result == CURLE_OK ? status : 0;
}

}  // namespace

HubNotifier::HubNotifier(std::chrono::milliseconds delay)
    : delay_(delay), thread_([this] { run(); }) {}

HubNotifier::~HubNotifier() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void HubNotifier::changed(const std::string& hub, const std::vector<std::string>& topics) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& t : topics) pending_.insert({hub, t});
  }
  wake_.notify_all();
}

std::size_t HubNotifier::sent() const {
  std::lock_guard lock(mutex_);
  return sent_;
}

void HubNotifier::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stop_ || !pending_.empty(); });
    if (stop_) return;
    // Gather the asks of the next moments into one round.
    wake_.wait_for(lock, delay_, [&] { return stop_; });
    if (stop_) return;
    auto round = std::move(pending_);
    pending_.clear();
    lock.unlock();
    for (const auto& [hub, topic] : round) {
      std::string error;
      long status = ping(hub, topic, &error);
      if (status >= 200 && status < 300)
        spdlog::info("websub: {} told of {}", hub, topic);
      else
        spdlog::warn("websub: {} did not take {} ({})", hub, topic,
                     status ? "HTTP " + std::to_string(status) : error);
    }
    lock.lock();
    sent_ += round.size();
  }
}

}  // namespace khabar::site
