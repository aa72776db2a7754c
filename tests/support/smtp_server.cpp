#include "support/smtp_server.h"

#include <signal.h>
#include <sodium.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/http_client.h"

namespace khabar::test {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string from_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), " \r\n", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return "(undecodable base64)";
  out.resize(length);
  return out;
}

ReceivedMail parse(const std::string& raw) {
  ReceivedMail m;
  std::string text;
  for (char c : raw)
    if (c != '\r') text += c;
  auto split = text.find("\n\n");
  m.raw_headers = text.substr(0, split);
  std::string body = split == std::string::npos ? "" : text.substr(split + 2);
  std::istringstream lines(m.raw_headers);
  std::string line, name;
  while (std::getline(lines, line)) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      if (!name.empty()) m.headers[name] += line;
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    name = lower(line.substr(0, colon));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    m.headers[name] = value;
  }
  m.body = lower(m.header("content-transfer-encoding")) == "base64" ? from_base64(body) : body;
  m.body.erase(std::remove(m.body.begin(), m.body.end(), '\r'), m.body.end());
  return m;
}

}  // namespace

SmtpTls make_test_certificate(const std::filesystem::path& dir, SmtpTls::Mode mode) {
  SmtpTls tls{mode, dir / "smtp-cert.pem", dir / "smtp-key.pem"};
  std::string command =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
      "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
      tls.key.string() + "' -out '" + tls.certificate.string() + "' >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl req failed");
  return tls;
}

SmtpServer::SmtpServer(const std::filesystem::path& dir, int port, const SmtpTls& tls)
    : maildir_(dir / "maildir"), port_(port ? port : free_port()) {
  std::string listen = "127.0.0.1:" + std::to_string(port_);
  std::string log = (dir / ("smtp-" + std::to_string(port_) + ".log")).string();
  std::vector<std::string> args = {"python3", "-m", "aiosmtpd", "-n", "-l", listen};
  if (tls.mode != SmtpTls::Mode::None) {
    bool start = tls.mode == SmtpTls::Mode::StartTls;
    args.insert(args.end(), {start ? "--tlscert" : "--smtpscert", tls.certificate.string(),
                             start ? "--tlskey" : "--smtpskey", tls.key.string()});
  }
  args.insert(args.end(), {"-c", "aiosmtpd.handlers.Mailbox", maildir_.string()});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = fork();
  if (pid_ == 0) {
    FILE* out = freopen(log.c_str(), "w", stdout);
    (void)out;
    dup2(1, 2);
    execv("/usr/bin/python3", argv.data());
    _exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (!can_connect(port_)) {
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("aiosmtpd exited (is python3-aiosmtpd installed?)");
    }
    if (std::chrono::steady_clock::now() > deadline) {
      stop();
      throw std::runtime_error("aiosmtpd did not start");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

SmtpServer::~SmtpServer() { stop(); }

void SmtpServer::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::vector<ReceivedMail> SmtpServer::messages() const {
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
  std::error_code ec;
  for (const char* sub : {"new", "cur"})
    for (const auto& e : std::filesystem::directory_iterator(maildir_ / sub, ec))
      files.emplace_back(e.last_write_time(), e.path());
  std::sort(files.begin(), files.end());
  std::vector<ReceivedMail> out;
  for (const auto& [time, path] : files) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    out.push_back(parse(s.str()));
  }
  return out;
}

std::vector<ReceivedMail> SmtpServer::wait_for(std::size_t count, int seconds) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    auto got = messages();
    if (got.size() >= count || std::chrono::steady_clock::now() > deadline) return got;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::vector<ReceivedMail> SmtpServer::wait_for(const std::string& part, std::size_t count,
                                               int seconds) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    std::vector<ReceivedMail> got;
    for (auto& m : messages())
      if (m.header("subject").find(part) != std::string::npos) got.push_back(std::move(m));
    if (got.size() >= count || std::chrono::steady_clock::now() > deadline) return got;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string link_in(const std::string& text, const std::string& part) {
  std::size_t at = 0;
  while ((at = text.find("http", at)) != std::string::npos) {
    auto end = text.find_first_of(" \n\r\t", at);
    std::string link = text.substr(at, end == std::string::npos ? end : end - at);
    if (link.find(part) != std::string::npos) return link;
    at += 4;
  }
  return "";
}

}  // namespace khabar::test
