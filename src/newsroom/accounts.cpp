#include "newsroom/accounts.h"

#include "content/text.h"
#include "security/secret.h"
#include "store/names.h"

namespace khabar::newsroom {
namespace {

bool valid_login(std::string_view login) {
  if (login.size() < 2 || login.size() > 60) return false;
  for (char c : login)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
          c == '@'))
      return false;
  return true;
}

bool valid_email(std::string_view email) {
  if (email.empty()) return true;
  std::size_t at = email.find('@');
  return at != std::string_view::npos && at > 0 && email.find('.', at) != std::string_view::npos &&
         email.size() <= 254 && email.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> new_account_problem(const NewAccount& a) {
  if (!valid_login(a.login))
    return "A login has 2 to 60 characters: lower-case letters a-z, digits, '.', '_', '-' or '@'.";
  if (!valid_email(a.email)) return "'" + a.email + "' is not an email address.";
  if (a.display_name.size() > 200 || !content::is_valid_utf8(a.display_name))
    return "The display name is too long or not valid text.";
  return std::nullopt;
}

store::Result<Invitation> create_account(store::Store& store, const NewAccount& a,
                                         std::string_view site_url, content::Timestamp now) {
  if (auto problem = new_account_problem(a)) return store::Status::invalid(*problem);
  Invitation out;
  std::string title = store.snapshot()->setting("title").value_or("Newsroom");
  auto tx = store.begin();
  if (tx->user_id_by_login(a.login))
    return store::Status::conflict("The login '" + a.login + "' is taken.");
  {
    store::NewUser u;
    u.login = a.login;
    u.email = a.email;
    // Bylines and the public slug (/author/<slug>/) never give the login away: without a
    // name of its own the account is shown under the newsroom's name until one is set.
    bool own_name = !a.display_name.empty() && !content::names_login(a.display_name, a.login);
    u.display_name = own_name ? a.display_name : title;
    u.slug = store::free_author_slug(
        *tx, own_name ? u.display_name : "author-" + security::new_token().substr(0, 8));
    u.role = std::string(to_string(a.role));
    auto id = tx->add_user(u);
    if (!id) return id.status();
    out.user_id = *id;
    out.link = password_link(tx->accounts(), out.user_id, site_url, now);
  }
  if (auto s = tx->commit(); !s) return s;
  return out;
}

std::string password_link(store::AccountStore& accounts, content::Id user_id,
                          std::string_view site_url, std::int64_t now, std::int64_t valid_seconds) {
  std::string token = security::new_token();
  accounts.add_password_link(security::token_digest(token), user_id, now + valid_seconds);
  std::string base(site_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/admin/password?token=" + token;
}

bool is_last_administrator(store::Store& store, content::Id user_id) {
  int others = 0;
  bool is_admin = false;
  for (const auto& a : store.accounts().accounts()) {
    if (a.role != content::Role::Administrator || a.disabled) continue;
    if (a.id == user_id)
      is_admin = true;
    else
      ++others;
  }
  return is_admin && others == 0;
}

}  // namespace khabar::newsroom
