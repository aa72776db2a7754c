// Issue 13: email through a real SMTP server (Debian's python3-aiosmtpd on 127.0.0.1),
// from a real `khabar serve` with [mail] in its khabar.toml: "Forgot your password?",
// invitations, notices (review, moderation digest, new devices) each to those who want
// them, one recipient a letter, and a server that fails or hangs never holding up a request.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "security/secret.h"
#include "store/open.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

constexpr const char* kFrom = "Kabul Desk <desk@news.example>";

// Points the site's [mail] at 127.0.0.1:`port`, plain SMTP (or `security` with the
// certificates of `ca_file`), quick retries.
void configure_mail(const std::filesystem::path& data, int port, int timeout_s = 10,
                    const std::string& security = "none", const std::string& ca_file = "") {
  std::ifstream in(data / "khabar.toml");
  std::stringstream text;
  text << in.rdbuf();
  std::string toml = text.str();
  auto set = [&](const std::string& from, const std::string& to) {
    auto at = toml.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    toml.replace(at, from.size(), to);
  };
  set("[mail]\n", "[mail]\nretry_s = 1\ntimeout_s = " + std::to_string(timeout_s) + "\n");
  set("host = \"\"", "host = \"127.0.0.1\"");
  set("port = 587", "port = " + std::to_string(port));
  set("security = \"starttls\"", "security = \"" + security + "\"");
  if (!ca_file.empty()) set("[mail]\n", "[mail]\nca_file = \"" + ca_file + "\"\n");
  set("from = \"Newsroom <news@example.org>\"", std::string("from = \"") + kFrom + "\"");
  set("scheduler_interval_s = 15", "scheduler_interval_s = 1");
  std::ofstream(data / "khabar.toml") << toml;
}

std::vector<ReceivedMail> with_subject(const std::vector<ReceivedMail>& all,
                                       const std::string& part) {
  std::vector<ReceivedMail> out;
  for (const auto& m : all)
    if (m.header("subject").find(part) != std::string::npos) out.push_back(m);
  return out;
}

std::vector<ReceivedMail> to(const std::vector<ReceivedMail>& all, const std::string& address) {
  std::vector<ReceivedMail> out;
  for (const auto& m : all)
    if (m.header("x-rcptto") == address) out.push_back(m);
  return out;
}

// Every letter has one recipient, named in To as in the envelope, and names no other
// address of the newsroom in its headers or text.
void expect_private(const std::vector<ReceivedMail>& all,
                    const std::vector<std::string>& addresses) {
  for (const auto& m : all) {
    std::string rcpt = m.header("x-rcptto");
    EXPECT_EQ(rcpt.find(','), std::string::npos) << rcpt;
    EXPECT_EQ(m.header("to"), "<" + rcpt + ">");
    EXPECT_EQ(m.header("x-mailfrom"), "desk@news.example");
    EXPECT_EQ(m.header("from"), "\"Kabul Desk\" <desk@news.example>");
    EXPECT_EQ(m.header("cc"), "");
    EXPECT_EQ(m.header("bcc"), "");
    for (const auto& a : addresses) {
      if (a == rcpt) continue;
      EXPECT_EQ(m.raw_headers.find(a), std::string::npos) << a << " in " << m.raw_headers;
      EXPECT_EQ(m.body.find(a), std::string::npos) << a << " in " << m.body;
    }
  }
}

std::string status_text(const std::string& body) {
  return Html::first_text(body, "p", "role", "status");
}

class Mail : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
    smtp_ = std::make_unique<SmtpServer>(dir_.path());
    configure_mail(data_, smtp_->port());
    server_ = std::make_unique<ServerProcess>(data_);
  }

  int port() const { return server_->port(); }

  // A user with an email address who chose a password (and signed in, once).
  AdminClient user(const std::string& login, const std::string& role, const std::string& email) {
    AdminClient c(port());
    EXPECT_EQ(
        c.set_password(add_user(data_, login, role, "Name " + login, email), strong_password(login))
            .status,
        303);
    EXPECT_EQ(c.sign_in(login, strong_password(login)).status, 303);
    return c;
  }

  std::unique_ptr<khabar::store::Store> open_store() {
    return khabar::store::open_store({.location = (data_ / "khabar.db").string()});
  }

  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<SmtpServer> smtp_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(Mail, ForgotPasswordSendsOneLinkThatWorksOnceForAnHour) {
  user("rahima", "editor", "rahima@example.org");
  AdminClient reader(port());
  auto login = reader.get("/admin/login");
  ASSERT_NE(login.body.find("href=\"/admin/forgot\""), std::string::npos);
  auto form = reader.get("/admin/forgot");
  ASSERT_EQ(form.status, 200);
  auto ask = [&](const std::string& who) {
    return reader.post(
        "/admin/forgot",
        {{"_csrf", input_value(reader.get("/admin/forgot").body, "_csrf")}, {"who", who}}, false);
  };
  // The same answer whether or not an account has that login.
  auto known = ask("rahima");
  auto unknown = ask("nobody-here");
  ASSERT_EQ(known.status, 200);
  ASSERT_EQ(unknown.status, 200);
  std::string said = status_text(known.body);
  EXPECT_NE(said.find("If an account has that login or email address"), std::string::npos)
      << known.body.substr(0, 3000);
  EXPECT_EQ(said, status_text(unknown.body));
  EXPECT_EQ(known.body.find("rahima@example.org"), std::string::npos);

  auto letters = smtp_->wait_for("Choose a new password", 1);
  ASSERT_EQ(letters.size(), 1u);
  const auto& letter = letters[0];
  EXPECT_EQ(letter.header("x-rcptto"), "rahima@example.org");
  EXPECT_EQ(letter.header("subject"), "Choose a new password for Khabar Test");
  EXPECT_FALSE(letter.header("date").empty());
  EXPECT_TRUE(
      std::regex_match(letter.header("message-id"), std::regex("<[0-9a-f]{32}@news\\.example>")))
      << letter.header("message-id");
  EXPECT_EQ(letter.header("auto-submitted"), "auto-generated");
  EXPECT_EQ(letter.header("content-type"), "text/plain; charset=utf-8");
  std::string link = link_in(letter.body, "/admin/password?token=");
  ASSERT_TRUE(link.starts_with("https://news.example/admin/password?token=")) << letter.body;
  EXPECT_NE(letter.body.find("valid for one hour"), std::string::npos);

  // Valid for one hour: the store says until when.
  std::string token = link.substr(link.find("token=") + 6);
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  {
    auto store = open_store();
    auto digest = khabar::security::token_digest(token);
    EXPECT_TRUE(store->accounts().password_link_user(digest, now + 3500).has_value());
    EXPECT_FALSE(store->accounts().password_link_user(digest, now + 3700).has_value());
  }
  // Used once: a new password, then the link is spent.
  AdminClient again(port());
  ASSERT_EQ(again.set_password(link, "Seven orange kites drift past the mosque").status, 303);
  EXPECT_EQ(again.sign_in("rahima", "Seven orange kites drift past the mosque").status, 303);
  EXPECT_EQ(AdminClient(port()).get(link.substr(link.find("/admin/"))).status, 410);

  // By email address too (any case); at most three letters an account an hour.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(ask("Rahima@Example.org").status, 200);
  smtp_->wait_for("Choose a new password", 3);
  EXPECT_EQ(smtp_->wait_for("Choose a new password", 4, 2).size(), 3u);  // 1 + 2, no more
  expect_private(smtp_->messages(), {"rahima@example.org"});
}

TEST_F(Mail, InvitationsAndNoticesReachWhoWantsThemAndNoOneElse) {
  AdminClient admin = user("zarmina", "administrator", "zarmina@example.org");
  AdminClient editor = user("bilal", "editor", "bilal@example.org");
  AdminClient quiet = user("sami", "editor", "sami@example.org");
  // Sami turns off review notices.
  auto profile = quiet.get("/admin/profile");
  ASSERT_NE(profile.body.find("when an article is submitted for review"), std::string::npos);
  ASSERT_EQ(quiet
                .post("/admin/profile", {{"action", "notices"},
                                         {"notice", "1"},  // comments and sign-ins
                                         {"notice", "4"}})
                .status,
            303);
  auto saved = quiet.get("/admin/profile");
  EXPECT_EQ(saved.body.find("value=\"2\" checked"), std::string::npos);
  EXPECT_NE(saved.body.find("value=\"1\" checked"), std::string::npos);

  // An invitation goes by email; the administrator never sees the link.
  auto invited = admin.post("/admin/users", {{"login", "nadia"},
                                             {"email", "nadia@example.org"},
                                             {"display_name", "Nadia Karimi"},
                                             {"role", "author"}});
  ASSERT_EQ(invited.status, 201) << invited.body.substr(0, 2000);
  EXPECT_EQ(invited.body.find("/admin/password?token="), std::string::npos);
  EXPECT_NE(invited.body.find("on its way to Nadia Karimi"), std::string::npos);
  auto invitation = smtp_->wait_for("You are invited", 1);
  ASSERT_EQ(invitation.size(), 1u);
  EXPECT_EQ(invitation[0].header("subject"), "You are invited to Khabar Test");
  EXPECT_NE(invitation[0].body.find("Your login is: nadia"), std::string::npos);
  std::string link = link_in(invitation[0].body, "/admin/password?token=");
  AdminClient nadia(port());
  ASSERT_EQ(nadia.set_password(link, strong_password("nadia")).status, 303);
  ASSERT_EQ(nadia.sign_in("nadia", strong_password("nadia")).status, 303);

  // Nadia submits an article: the editors and the administrator who want it are told.
  create_article(nadia, {{"title", "Wheat prices fall in Mazar"},
                         {"body", "Prices fell."},
                         {"language", "en"},
                         {"version", "0"},
                         {"move", "submit"}});
  smtp_->wait_for("For review: Wheat prices fall in Mazar", 2);
  auto reviews = smtp_->wait_for("For review: Wheat prices fall in Mazar", 3, 2);  // no more
  ASSERT_EQ(reviews.size(), 2u);
  std::set<std::string> told;
  for (const auto& r : reviews) {
    told.insert(r.header("x-rcptto"));
    EXPECT_NE(r.body.find("Nadia Karimi submitted an article for review"), std::string::npos)
        << r.body;
    EXPECT_NE(r.body.find("https://news.example/admin/articles/"), std::string::npos);
  }
  EXPECT_EQ(told, (std::set<std::string>{"zarmina@example.org", "bilal@example.org"}));

  // Comments awaiting moderation: one digest to each moderator, not one per comment.
  {
    auto store = open_store();
    auto article = store->snapshot()->published_by_slug(
        "kabul-opens-three-new-public-libraries-before-winter");
    ASSERT_TRUE(article);
    for (int i = 0; i < 3; ++i) {
      khabar::store::NewComment c;
      c.article_id = article->id;
      c.author_name = "Reader " + std::to_string(i);
      c.author_email = "reader" + std::to_string(i) + "@example.com";
      c.body = "Held comment " + std::to_string(i);
      c.created_at = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
      ASSERT_TRUE(store->add_reader_comment(c));
    }
  }
  smtp_->wait_for("await moderation", 3);
  auto digests = smtp_->wait_for("await moderation", 4, 3);  // a few rounds: still one each
  ASSERT_EQ(digests.size(), 3u);                             // zarmina, bilal, sami (comments on)
  for (const auto& d : digests) {
    EXPECT_NE(d.body.find("https://news.example/admin/comments"), std::string::npos);
    EXPECT_EQ(d.body.find("reader"), std::string::npos);  // nothing of the readers
  }
  EXPECT_EQ(to(digests, "nadia@example.org").size(), 0u);  // authors do not moderate
  expect_private(smtp_->messages(), {"zarmina@example.org", "bilal@example.org", "sami@example.org",
                                     "nadia@example.org"});
}

TEST_F(Mail, ANewDeviceIsToldToTheAccountAndTheAdministrators) {
  AdminClient admin = user("zarmina", "administrator", "zarmina@example.org");
  AdminClient writer = user("bilal", "author", "bilal@example.org");
  // Each of them signed in once from a new device: the first sign-ins were told too.
  auto first = smtp_->wait_for("New sign-in", 3);
  ASSERT_EQ(first.size(), 3u);  // zarmina (own); bilal (own) and zarmina (about bilal)
  std::size_t before = smtp_->messages().size();
  // The same browser again: nothing.
  AdminClient same(port());
  same.set_device(writer.device());
  ASSERT_FALSE(writer.device().empty());
  ASSERT_EQ(same.sign_in("bilal", strong_password("bilal")).status, 303);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(smtp_->messages().size(), before);
  // Another one: bilal and the administrator hear of it, with the browser and no address.
  AdminClient other(port(), "203.0.113.77");
  ASSERT_EQ(other.sign_in("bilal", strong_password("bilal")).status, 303);
  auto told = smtp_->wait_for(before + 2);
  ASSERT_EQ(told.size(), before + 2);
  auto own = with_subject(to(told, "bilal@example.org"), "New sign-in to your account");
  auto about = with_subject(to(told, "zarmina@example.org"), "New sign-in: Name bilal");
  ASSERT_EQ(own.size(), 2u);
  ASSERT_EQ(about.size(), 2u);
  EXPECT_NE(about[1].body.find("Network: 203.0.113.0"), std::string::npos) << about[1].body;
  EXPECT_EQ(about[1].body.find("203.0.113.77"), std::string::npos);
  EXPECT_NE(own[1].body.find("/admin/forgot"), std::string::npos);
  expect_private(told, {"zarmina@example.org", "bilal@example.org"});
}

// An SMTP server that takes the connection and never answers: the request that queued
// a letter answers at once; the letter waits, is retried, and arrives once a real server
// listens on that port.
TEST(MailQueue, AHangingServerDoesNotHoldUpARequestAndTheLetterIsRetried) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data);
  // Not inherited by `khabar serve`, which would keep it listening after close().
  int silent = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(silent, 16), 0);
  socklen_t length = sizeof addr;
  getsockname(silent, reinterpret_cast<sockaddr*>(&addr), &length);
  int smtp_port = ntohs(addr.sin_port);
  configure_mail(data, smtp_port, 3);
  ServerProcess server(data);
  AdminClient admin = signed_in_user(server.port(), data, "zarmina", "administrator");

  auto started = std::chrono::steady_clock::now();
  auto invited = admin.post("/admin/users", {{"login", "nadia"},
                                             {"email", "nadia@example.org"},
                                             {"display_name", "Nadia Karimi"},
                                             {"role", "author"}});
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(invited.status, 201);
  EXPECT_NE(invited.body.find("on its way"), std::string::npos);
  EXPECT_LT(took, std::chrono::seconds(2));  // the server's timeout is 3 s
  // The first attempt times out and is logged; the letter stays queued.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (server.log().find("not sent (attempt 1 of 10)") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_NE(server.log().find("not sent (attempt 1 of 10)"), std::string::npos) << server.log();
  EXPECT_EQ(server.log().find("nadia@example.org"), std::string::npos);  // no address logged
  {
    auto store = khabar::store::open_store({.location = (data / "khabar.db").string()});
    EXPECT_EQ(store->outbox().count(), 1);
  }
  close(silent);
  SmtpServer smtp(dir.path(), smtp_port);
  auto got = smtp.wait_for(1, 30);
  ASSERT_EQ(got.size(), 1u) << server.log();
  EXPECT_EQ(got[0].header("x-rcptto"), "nadia@example.org");
  EXPECT_EQ(got[0].header("subject"), "You are invited to Khabar Test");
  auto store = khabar::store::open_store({.location = (data / "khabar.db").string()});
  EXPECT_EQ(store->outbox().count(), 0);
  EXPECT_NE(server.log().find("mail: sent letter"), std::string::npos);
}

// STARTTLS (which the server requires before any mail) and TLS from the first byte both
// deliver, the server's certificate checked against ca_file; a server whose certificate
// is not trusted is told nothing: the letter waits in the outbox.
TEST(MailTls, StartTlsAndTlsDeliverAndAnUntrustedServerIsToldNothing) {
  struct Case {
    SmtpTls::Mode mode;
    std::string security;
    bool trusted;
  };
  for (const Case& c :
       {Case{SmtpTls::Mode::StartTls, "starttls", true}, Case{SmtpTls::Mode::Implicit, "tls", true},
        Case{SmtpTls::Mode::StartTls, "starttls", false}}) {
    SCOPED_TRACE(c.security + (c.trusted ? "" : ", untrusted"));
    TempDir dir;
    auto data = dir.path() / "site";
    make_demo_site(data);
    SmtpTls tls = make_test_certificate(dir.path(), c.mode);
    SmtpServer smtp(dir.path(), 0, tls);
    configure_mail(data, smtp.port(), 5, c.security, c.trusted ? tls.certificate.string() : "");
    ServerProcess server(data);
    AdminClient reader(server.port());
    ASSERT_EQ(reader
                  .set_password(add_user(data, "rahima", "editor", "Rahima", "rahima@example.org"),
                                strong_password("rahima"))
                  .status,
              303);
    auto asked = reader.post(
        "/admin/forgot",
        {{"_csrf", input_value(reader.get("/admin/forgot").body, "_csrf")}, {"who", "rahima"}},
        false);
    ASSERT_EQ(asked.status, 200);
    if (c.trusted) {
      auto letters = smtp.wait_for("Choose a new password", 1);
      ASSERT_EQ(letters.size(), 1u);
      EXPECT_EQ(letters[0].header("x-rcptto"), "rahima@example.org");
      EXPECT_NE(link_in(letters[0].body, "/admin/password?token="), "");
    } else {
      EXPECT_TRUE(smtp.wait_for(1, 3).empty()) << "a letter went to an untrusted server";
      auto store = khabar::store::open_store({.location = (data / "khabar.db").string()});
      EXPECT_GE(store->outbox().count(), 1) << "kept to be tried again";
    }
  }
}

// Without [mail] everything works as before: links are shown, no "Forgot your password?".
TEST(MailOff, LinksAreShownToTheAdministrator) {
  TempDir dir;
  auto data = dir.path() / "site";
  make_demo_site(data);
  ServerProcess server(data);
  AdminClient admin = signed_in_user(server.port(), data, "zarmina", "administrator");
  auto invited = admin.post("/admin/users", {{"login", "nadia"},
                                             {"email", "nadia@example.org"},
                                             {"display_name", "Nadia Karimi"},
                                             {"role", "author"}});
  ASSERT_EQ(invited.status, 201);
  EXPECT_NE(invited.body.find("/admin/password?token="), std::string::npos);
  AdminClient reader(server.port());
  EXPECT_EQ(reader.get("/admin/login").body.find("/admin/forgot"), std::string::npos);
  auto forgot = reader.get("/admin/forgot");
  EXPECT_EQ(forgot.status, 200);
  EXPECT_NE(forgot.body.find("This site sends no email"), std::string::npos);
}

}  // namespace
