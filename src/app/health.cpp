#include "app/health.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <string>

namespace khabar::app {
namespace {

struct Check {
  const char* name;
  std::string problem;  // empty: ok
};

Check check_store(store::Store& store) {
  auto status = store.health();  // never throws (store/store.h)
  return {"store", status ? "" : status.message()};
}

Check check_disk(const HealthOptions& options) {
  struct statvfs fs {};
  if (statvfs(options.data_dir.c_str(), &fs) != 0) return {"disk", "the data directory is gone"};
  if (fs.f_flag & ST_RDONLY) return {"disk", "the data directory is on a read-only file system"};
  if (access(options.data_dir.c_str(), W_OK) != 0)
    return {"disk", "the data directory is not writable by this process"};
  std::uint64_t free = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
  if (free < options.min_free_bytes)
    return {"disk", std::to_string(free >> 20) + " MiB free, less than ready_min_free_mb (" +
                        std::to_string(options.min_free_bytes >> 20) + ")"};
  return {"disk", ""};
}

http::Response answer(int status, std::string body) {
  auto r = http::Response::plain(status, std::move(body));
  r.cache_control = "no-store";
  return r;
}

}  // namespace

std::optional<http::Response> serve_health(const http::Request& request, store::Store& store,
                                           const HealthOptions& options) {
  if (request.path != "/livez" && request.path != "/readyz") return std::nullopt;
  if (!request.is_get_or_head()) {
    auto r = answer(405, "This address answers GET and HEAD only.\n");
    r.set_header("Allow", "GET, HEAD");
    return r;
  }
  if (request.path == "/livez") return answer(200, "ok\n");
  std::string body;
  bool ready = true;
  for (const Check& c : {check_store(store), check_disk(options)}) {
    ready = ready && c.problem.empty();
    body += std::string(c.name) + ": " + (c.problem.empty() ? "ok" : c.problem) + "\n";
  }
  auto r = answer(ready ? 200 : 503, std::move(body));
  if (!ready) r.set_header("Retry-After", std::to_string(store::kRetryAfterSeconds));
  return r;
}

}  // namespace khabar::app
