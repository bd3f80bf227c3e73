#include "features/df_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "tests/test_dir.h"

namespace storyline::features {
namespace {

namespace fs = std::filesystem;

class NoDiagnostics final : public ingest::Diagnostics {
 public:
  void Report(std::string_view origin, const Status& why) override {
    ADD_FAILURE() << origin << ": " << why.ToString();
  }
};

class DfBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::FreshTestDir("storyline_df_builder"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Build(const std::string& jsonl, int min_df) {
    std::string path = (dir_ / "corpus.jsonl").string();
    std::ofstream(path, std::ios::binary) << jsonl;
    NoDiagnostics diag;
    std::ostringstream out;
    EXPECT_TRUE(BuildDocumentFrequencies({path}, min_df, &diag, out).ok());
    return out.str();
  }

  fs::path dir_;
};

// Two documents: "home" in lower case in both, and as a name in one.
constexpr std::string_view kCorpus =
    R"({"id": "a", "text": "The team went home on Monday. Officials at the Home Office said the team was safe at home."})"
    "\n"
    R"({"id": "b", "text": "Rescuers reached the village on Tuesday and took the families home, Elena Ruiz said."})"
    "\n";

// Terms by stem, entity tokens as "E:", and the words written in lower case
// as "L:" (once a document; stop words not), each with its document count.
TEST_F(DfBuilderTest, CountsTermsNameTokensAndLowerCaseWords) {
  std::string df = Build(std::string(kCorpus), 1);
  EXPECT_EQ(df.rfind("#storyline-df\t1\t2\n", 0), 0u) << df;
  EXPECT_NE(df.find("\nL:home\t2\n"), std::string::npos) << df;
  EXPECT_NE(df.find("\nE:home\t1\n"), std::string::npos) << df;
  EXPECT_NE(df.find("\nE:ruiz\t1\n"), std::string::npos) << df;
  EXPECT_NE(df.find("\nhome\t2\n"), std::string::npos) << df;
  EXPECT_EQ(df.find("\nL:the\t"), std::string::npos) << df;   // a stop word
  EXPECT_EQ(df.find("\nL:ruiz\t"), std::string::npos) << df;  // never in lower case
  // With min_df 2, only what two documents share.
  std::string common = Build(std::string(kCorpus), 2);
  EXPECT_NE(common.find("\nL:home\t2\n"), std::string::npos) << common;
  EXPECT_EQ(common.find("\nE:home\t"), std::string::npos) << common;
}

}  // namespace
}  // namespace storyline::features
