// Email as Khabar sends it: the [mail] settings of khabar.toml, a letter (one recipient,
// plain UTF-8 text), and the RFC 5322 message made of it. Every letter has exactly one
// recipient, so no address is ever shown to another.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/model.h"

namespace khabar::mail {

enum class Security { StartTls, Tls, None };

struct MailSettings {
  std::string host;  // empty: no email (links are shown to the administrator instead)
  int port = 587;
  Security security = Security::StartTls;
  std::string user;      // SMTP AUTH, when set
  std::string password;  //
  std::string from;      // "news@example.org" or "Newsroom <news@example.org>"
  std::string ca_file;   // certificates to trust instead of the system's (a private CA)
  int timeout_s = 30;    // for one attempt to deliver one letter
  int retry_s = 60;      // first wait after a failed attempt; doubles with each one
  int attempts = 10;     // attempts before a letter is given up (logged)

  bool enabled() const { return !host.empty(); }
};

struct Letter {
  std::string kind;         // for the log: "invitation", "password-reset"... (no personal data)
  content::Id user_id = 0;  // the account it is for, for the log; 0 if none
  std::string to;           // one address
  std::string subject;
  std::string body;  // plain text, UTF-8, lines separated by \n
};

// The address part of a From setting ("news@example.org" of "Newsroom <news@example.org>")
// and its display name ("Newsroom", or "").
std::string address_of(std::string_view from);
std::string display_name_of(std::string_view from);

// Whether `address` can be an envelope and header address as Khabar writes it: one
// local@domain, no spaces, controls, quotes or brackets.
bool is_plain_address(std::string_view address);

// The whole message: headers (Date, From, To, Subject, Message-ID, MIME, Auto-Submitted)
// and the body as base64 UTF-8 text, CRLF line ends. Non-ASCII names and subjects are RFC
// 2047 encoded words; line breaks in a subject are spaces (no header can be injected).
// Nothing if the recipient or sender address is not plain.
std::optional<std::string> compose(const Letter& letter, std::string_view from,
                                   content::Timestamp now, std::string_view message_id);

// Checks [mail] settings; the problem, or "" if they can be used.
std::string settings_problem(const MailSettings& s);

}  // namespace khabar::mail
