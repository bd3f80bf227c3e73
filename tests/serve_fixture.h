// Shared by the end-to-end tests of `storyline serve`: runs the built binary
// as a child process on a free port and stops it.
#ifndef STORYLINE_TESTS_SERVE_FIXTURE_H_
#define STORYLINE_TESTS_SERVE_FIXTURE_H_

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "cli_fixture.h"

namespace storyline::testing {

class ServeProcess {
 public:
  ~ServeProcess() { Kill(SIGKILL); }

  // Starts `storyline serve --port 0 ARGS...` with stderr to `log` and
  // `env` ("NAME=value") added; returns the port it listens on, 0 on failure.
  int Start(const fs::path& log, const std::vector<std::string>& args,
            const std::vector<std::string>& env = {}) {
    log_ = log;
    std::vector<std::string> argv = {kCli, "serve", "--port", "0"};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_ = fork();
    if (pid_ == 0) {
      if (!std::freopen(log.c_str(), "w", stderr)) _exit(126);
      for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
      std::vector<char*> c_argv;
      for (auto& a : argv) c_argv.push_back(const_cast<char*>(a.c_str()));
      c_argv.push_back(nullptr);
      execv(kCli.c_str(), c_argv.data());
      _exit(127);
    }
    // The server prints "open http://127.0.0.1:PORT/" once it listens.
    for (int tries = 0; tries < 600; ++tries) {
      std::string text = ReadFile(log);
      std::size_t at = text.find("open http://127.0.0.1:");
      if (at != std::string::npos && text.find('/', at + 22) != std::string::npos) {
        return std::atoi(text.c_str() + at + 22);
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        ADD_FAILURE() << "server exited: " << text;
        return 0;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "server did not start: " << ReadFile(log);
    return 0;
  }

  // Sends `signal` and waits for the exit; returns whether it exited cleanly
  // (for SIGKILL: whether there was a process to kill).
  bool Kill(int signal) {
    if (pid_ <= 0) return false;
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return signal == SIGKILL || (WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }

  std::string log() const { return ReadFile(log_); }

 private:
  pid_t pid_ = 0;
  fs::path log_;
};

}  // namespace storyline::testing

#endif  // STORYLINE_TESTS_SERVE_FIXTURE_H_
