// A folder of its own for one test, for the files it writes: CTest runs the
// tests in parallel, several processes at once, so the name holds the process
// id and the test's name.
//
//   void SetUp() override { dir_ = testing::FreshTestDir("storyline_reader"); }
//   void TearDown() override { std::filesystem::remove_all(dir_); }
#ifndef STORYLINE_TESTS_TEST_DIR_H_
#define STORYLINE_TESTS_TEST_DIR_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace storyline::testing {

// TempDir()/<prefix>_<pid>_<test name>, created empty (whatever an earlier
// run left there removed first). Call it while a test runs (SetUp()).
inline std::filesystem::path FreshTestDir(std::string_view prefix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) /
      (std::string(prefix) + "_" + std::to_string(getpid()) + "_" + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace storyline::testing

#endif  // STORYLINE_TESTS_TEST_DIR_H_
