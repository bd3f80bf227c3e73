// Shared by the end-to-end tests: a fixture that runs the built `storyline`
// binary in a fresh temporary directory, and readers for what it writes.
#ifndef STORYLINE_TESTS_CLI_FIXTURE_H_
#define STORYLINE_TESTS_CLI_FIXTURE_H_

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_dir.h"

namespace storyline::testing {

namespace fs = std::filesystem;

inline const std::string kSource = STORYLINE_SOURCE_DIR;
inline const std::string kCli = STORYLINE_CLI;

inline std::string Quote(const std::string& s) { return "'" + s + "'"; }

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// id -> label from JSONL lines {"id": ..., "story"|"label": ...}.
inline std::map<std::string, std::string> ReadLabels(const fs::path& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("id")) {
      ADD_FAILURE() << path << ": bad line: " << line;
      continue;
    }
    std::string label =
        j.contains("story") ? j["story"].get<std::string>() : j["label"].get<std::string>();
    out[j["id"].get<std::string>()] = label;
  }
  return out;
}

// The grouping of ids, independent of the label names.
inline std::set<std::set<std::string>> Partition(const std::map<std::string, std::string>& labels) {
  std::map<std::string, std::set<std::string>> groups;
  for (const auto& [id, label] : labels) groups[label].insert(id);
  std::set<std::set<std::string>> out;
  for (auto& [label, ids] : groups) out.insert(ids);
  return out;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::FreshTestDir("storyline_cli"); }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& contents) {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }

  // Runs the CLI with `args` (already quoted); stdout and stderr go to
  // out_ and err_. Returns the exit status.
  int Run(const std::string& args) {
    fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    std::string command = Quote(kCli) + " " + args + " >" + Quote(out.string()) + " 2>" +
                          Quote(err.string()) + " </dev/null";
    int status = std::system(command.c_str());
    out_ = ReadFile(out);
    err_ = ReadFile(err);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  fs::path dir_;
  std::string out_, err_;
};

}  // namespace storyline::testing

#endif  // STORYLINE_TESTS_CLI_FIXTURE_H_
