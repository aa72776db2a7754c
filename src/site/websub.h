// WebSub (W3C Recommendation, 2018), the publisher's part: with a hub set (the websub_hub
// setting), the feeds name it (rel="hub") and, after a publish, the hub hears which feeds
// changed (a POST of hub.mode=publish&hub.url=<feed>, the form hubs take), so that feed
// readers subscribed there learn of a story in seconds instead of at their next poll.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace khabar::site {

class HubNotifier {
 public:
  // Pings go out `delay` after the first ask (asks meanwhile join the same round), from
  // one thread of their own: a slow hub never holds a reader's request.
  explicit HubNotifier(std::chrono::milliseconds delay = std::chrono::seconds(2));
  ~HubNotifier();  // waits for a round under way (each ping has a 10 s limit)
  HubNotifier(const HubNotifier&) = delete;
  HubNotifier& operator=(const HubNotifier&) = delete;

  // Tells `hub` soon that `topics` (absolute feed URLs) changed.
  void changed(const std::string& hub, const std::vector<std::string>& topics);
  // Pings sent and failed so far (for the log and tests).
  std::size_t sent() const;

 private:
  void run();
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::chrono::milliseconds delay_;
  std::set<std::pair<std::string, std::string>> pending_;  // (hub, topic)
  std::size_t sent_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace khabar::site
