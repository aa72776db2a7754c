#include "support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/http_client.h"

namespace khabar::test {
namespace {

pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& log,
            const std::filesystem::path& input = "/dev/null") {
  pid_t pid = fork();
  if (pid == 0) {
    int in = open(input.c_str(), O_RDONLY);
    dup2(in, 0);
    close(in);
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    close(fd);
    setenv("KHABAR_THEME_DIR", KHABAR_SOURCE_DIR "/themes/default", 1);
    std::vector<char*> argv;
    std::string binary = KHABAR_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

CommandResult run_khabar(const std::vector<std::string>& args, const std::string& input) {
  auto log =
      std::filesystem::temp_directory_path() / ("khabar-cmd-" + std::to_string(getpid()) + ".log");
  auto stdin_file =
      std::filesystem::temp_directory_path() / ("khabar-cmd-" + std::to_string(getpid()) + ".in");
  std::ofstream(stdin_file) << input;
  pid_t pid = spawn(args, log, stdin_file);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.peak_rss_kb = usage.ru_maxrss;
  r.output = read_file(log);
  std::filesystem::remove(log);
  std::filesystem::remove(stdin_file);
  return r;
}

ServerProcess::ServerProcess(const std::filesystem::path& data_dir,
                             const std::vector<std::string>& extra) {
  port_ = free_port();
  log_path_ = data_dir / ("serve-" + std::to_string(port_) + ".log");
  std::vector<std::string> args = {"serve", "--data", data_dir.string(), "--listen",
                                   "127.0.0.1:" + std::to_string(port_)};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = spawn(args, log_path_);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!can_connect(port_)) {
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("khabar serve exited early: " + log());
    }
    if (std::chrono::steady_clock::now() > deadline) {
      stop(SIGKILL);
      throw std::runtime_error("khabar serve did not start: " + log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
}

int ServerProcess::stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string ServerProcess::log() const { return read_file(log_path_); }

}  // namespace khabar::test
