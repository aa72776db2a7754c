#include "admin/throttle.h"

#include <algorithm>

#include "content/text.h"

namespace khabar::admin {
namespace {

constexpr std::int64_t kWindow = 15 * 60;
constexpr std::int64_t kFirstDelay = 30;
constexpr std::int64_t kMaxDelay = 15 * 60;

std::int64_t wait_for(const Context& ctx, const std::string& key, int limit) {
  auto f = ctx.accounts().login_failures(key, ctx.now - kWindow);
  if (f.count < limit) return 0;
  std::int64_t beyond = std::min<std::int64_t>(f.count - limit, 10);
  std::int64_t delay = std::min(kMaxDelay, kFirstDelay << beyond);
  return std::max<std::int64_t>(0, f.last + delay - ctx.now);
}

}  // namespace

ThrottleKeys throttle_keys(const Context& ctx, std::string_view login) {
  return {"account:" + ctx.secret.keyed_hash("login-throttle", content::ascii_lower(login)),
          "client:" + ctx.secret.keyed_hash("login-throttle-client", ctx.client_address)};
}

std::int64_t throttled_for(const Context& ctx, const ThrottleKeys& keys) {
  return std::max(wait_for(ctx, keys.account, ctx.settings.login_account_failures),
                  wait_for(ctx, keys.client, ctx.settings.login_client_failures));
}

void record_failure(const Context& ctx, const ThrottleKeys& keys) {
  ctx.accounts().add_login_failure(keys.account, ctx.now);
  ctx.accounts().add_login_failure(keys.client, ctx.now);
}

void record_success(const Context& ctx, const ThrottleKeys& keys) {
  ctx.accounts().clear_login_failures(keys.account);
}

}  // namespace khabar::admin
