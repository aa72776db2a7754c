// /livez and /readyz: what a load balancer, systemd or a monitoring system asks a node.
// /livez: the process answers (nothing else is looked at: a node that is alive but cannot
// reach its store should be taken out of the pool, not restarted). /readyz: the node can
// serve readers and store what they send: the store answers (Store::health) and the data
// directory's file system is writable with room left. Plain text, one line per check,
// never cached; 503 with the failing check's reason when not ready. Neither shows a path,
// an address or a count beyond the free space.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "http/message.h"
#include "store/store.h"

namespace khabar::app {

struct HealthOptions {
  std::filesystem::path data_dir;
  std::uint64_t min_free_bytes = 64ull << 20;  // [server] ready_min_free_mb
};

// The answer when `request` asks /livez or /readyz (GET or HEAD); nothing otherwise.
std::optional<http::Response> serve_health(const http::Request& request, store::Store& store,
                                           const HealthOptions& options);

}  // namespace khabar::app
