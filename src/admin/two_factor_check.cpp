#include "admin/two_factor_check.h"

#include "security/totp.h"

namespace khabar::admin {

std::string recovery_digest(const Context& ctx, Id user_id, std::string_view code) {
  return ctx.secret.keyed_hash(
      "recovery-code", std::to_string(user_id) + ":" + security::normalise_recovery_code(code));
}

std::optional<std::string> totp_secret(const Context& ctx, const store::Account& account) {
  return ctx.secret.open("totp", account.totp_sealed);
}

std::string seal_totp_secret(const Context& ctx, std::string_view secret) {
  return ctx.secret.seal("totp", secret);
}

bool second_factor_ok(const Context& ctx, const store::Account& account, std::string_view code) {
  std::string typed;
  for (char c : code)
    if (c != ' ') typed += c;
  if (typed.size() == 6) {
    auto secret = totp_secret(ctx, account);
    if (!secret) return false;
    auto step = security::totp_match(*secret, typed, ctx.now);
    return step && ctx.accounts().use_totp_step(account.id, *step);
  }
  if (security::normalise_recovery_code(typed).size() != 10) return false;
  return ctx.accounts().use_recovery_code(account.id, recovery_digest(ctx, account.id, typed));
}

}  // namespace khabar::admin
