// Runs the real `khabar` binary for tests: init/demo commands and a `khabar serve` on a
// free 127.0.0.1 port, stopped (by its PID, with SIGTERM) when the object goes away.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace khabar::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;    // stdout and stderr together
  long peak_rss_kb = 0;  // the command's largest resident set
};

// Runs `khabar args...` to completion, with `input` as its standard input.
CommandResult run_khabar(const std::vector<std::string>& args, const std::string& input = "");

class ServerProcess {
 public:
  // Starts `khabar serve --data DIR --listen 127.0.0.1:<free port>` plus `extra` arguments
  // and waits until it accepts connections (throws if it does not within 10 s).
  explicit ServerProcess(const std::filesystem::path& data_dir,
                         const std::vector<std::string>& extra = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits for the exit; returns the exit status (-1 if killed).
  int stop(int signal = 15);
  std::string log() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::filesystem::path log_path_;
};

}  // namespace khabar::test
