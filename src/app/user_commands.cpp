// `khabar user ...`: newsroom accounts from the command line (the first administrator,
// and a way back in when the admin is out of reach).
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <iomanip>
#include <iostream>

#include "app/cli_support.h"
#include "app/commands.h"
#include "newsroom/accounts.h"
#include "security/password.h"

namespace khabar::app {
namespace {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string site_url(store::Store& store) {
  return store.snapshot()->setting("url").value_or("http://127.0.0.1:8080");
}

// One line from stdin; without echo when stdin is a terminal.
std::optional<std::string> read_secret_line(const char* prompt) {
  bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  bool ok = static_cast<bool>(std::getline(std::cin, line));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!ok) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

int run_user(const UserOptions& o) {
  std::string error;
  auto store = open_site(o.data_dir, &error);
  if (!store) return fail(error);
  auto& accounts = store->accounts();
  try {
    if (o.action == "list") {
      for (const auto& a : accounts.accounts())
        std::cout << std::left << std::setw(24) << a.login << std::setw(15) << to_string(a.role)
                  << std::setw(10)
                  << (a.disabled                ? "disabled"
                      : a.password_hash.empty() ? "invited"
                                                : "active")
                  << (a.totp_sealed.empty() ? "2fa:off  " : "2fa:on   ") << a.display_name << "\n";
      return 0;
    }
    if (o.action == "add") {
      newsroom::NewAccount a{o.login, o.email, o.display_name};
      auto role = content::parse_role(o.role);
      if (!role) return fail("--role must be administrator, editor, author or contributor");
      a.role = *role;
      auto invitation = newsroom::create_account(*store, a, site_url(*store), unix_now());
      if (!invitation) return fail(invitation.status().message());
      std::cout << "Created " << to_string(a.role) << " '" << a.login << "'. They choose a "
                << "password with this link (once, within 24 hours):\n"
                << invitation->link << "\n";
      return 0;
    }
    auto account = accounts.account_by_login(o.login);
    if (!account) return fail("no user with the login '" + o.login + "'");
    if (o.action == "link") {
      std::cout << "Set-password link for '" << o.login << "' (once, within 24 hours):\n"
                << newsroom::password_link(store->accounts(), account->id, site_url(*store),
                                           unix_now())
                << "\n";
    } else if (o.action == "passwd") {
      auto password = read_secret_line("New password: ");
      if (!password) return fail("no password given on standard input; nothing changed");
      if (isatty(STDIN_FILENO)) {
        auto again = read_secret_line("Again: ");
        if (!again || *again != *password) return fail("the two passwords differ; nothing changed");
      }
      if (auto weak = security::password_weakness(*password, account->login, account->display_name))
        return fail(*weak + " Nothing changed.");
      accounts.set_password_hash(account->id, security::hash_password(*password), unix_now());
      std::cout << "Password of '" << o.login << "' changed; their sessions have ended.\n";
    } else if (o.action == "disable") {
      if (newsroom::is_last_administrator(*store, account->id))
        return fail("'" + o.login + "' is the only enabled administrator; nothing changed");
      accounts.set_disabled(account->id, true);
      std::cout << "'" << o.login << "' is disabled and signed out everywhere.\n";
    } else if (o.action == "enable") {
      accounts.set_disabled(account->id, false);
      std::cout << "'" << o.login << "' is enabled.\n";
    } else if (o.action == "reset-2fa") {
      accounts.set_two_factor(account->id, "", {});
      std::cout << "Two-factor sign-in of '" << o.login << "' is off; they can set it up again.\n";
    } else {
      return fail("unknown user action '" + o.action + "'");
    }
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  return 0;
}

}  // namespace khabar::app
