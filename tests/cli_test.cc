// End-to-end tests through the built `storyline` binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace storyline::testing {
namespace {

TEST_F(CliTest, GoldenSampleGivesTheGoldPartition) {
  fs::path assignments = dir_ / "assign.jsonl";
  fs::path stories = dir_ / "stories.json";
  ASSERT_EQ(Run("cluster " + Quote(kSource + "/data/sample/articles.jsonl") + " -q -a " +
                Quote(assignments.string()) + " -o " + Quote(stories.string())),
            0)
      << err_;
  std::map<std::string, std::string> gold = ReadLabels(kSource + "/data/sample/gold.jsonl");
  std::map<std::string, std::string> pred = ReadLabels(assignments);
  ASSERT_FALSE(gold.empty());
  EXPECT_EQ(pred.size(), gold.size());
  EXPECT_EQ(Partition(pred), Partition(gold));

  nlohmann::json j = nlohmann::json::parse(ReadFile(stories), nullptr, false);
  ASSERT_TRUE(j.is_array());
  EXPECT_EQ(j.size(), Partition(gold).size());
}

TEST_F(CliTest, FoundingExampleIsOneStoryWithoutPageFurniture) {
  fs::path seeds = fs::path(kSource) / ".." / "shared" / "seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "no founding example at " << seeds;
  fs::path assignments = dir_ / "assign.jsonl";
  fs::path stories = dir_ / "stories.json";
  ASSERT_EQ(Run("cluster " + Quote(seeds.string()) + " -q -a " + Quote(assignments.string()) +
                " -o " + Quote(stories.string())),
            0)
      << err_;

  std::map<std::string, std::string> pred = ReadLabels(assignments);
  std::vector<std::string> seed_files;
  for (const auto& e : fs::directory_iterator(seeds)) {
    if (e.path().extension() == ".txt") seed_files.push_back(e.path().filename().string());
  }
  ASSERT_GE(seed_files.size(), 2u);
  for (const std::string& f : seed_files) {
    ASSERT_TRUE(pred.count(f)) << f << " missing from assignments";
    EXPECT_EQ(pred[f], pred[seed_files[0]]) << f << " is in another story";
  }

  std::string json = ReadFile(stories);
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(json.find("Image: iStock"), std::string::npos);
  EXPECT_EQ(json.find("\u00a9 Copyright"), std::string::npos);
  EXPECT_EQ(json.find("Campaign Rally"), std::string::npos);
  // Bare text: each outlet is the name its text gives itself ("Asia Times
  // understands ...", "© Copyright 2024 Bloomberg News.").
  EXPECT_EQ(j[0]["outlets"], nlohmann::json({"Asia Times", "Bloomberg News"}));
}

TEST_F(CliTest, BadInputsAreReportedAndSkippedWithoutFailingTheRun) {
  Write("in/broken.jsonl",
        "{\"id\": \"j1\", \"text\": \"unterminated\n"
        "{\"id\": \"j2\", \"title\": \"Rail strike\", \"text\": \"Rail workers walked out on "
        "Monday in a dispute over pay, halting trains across the north of the country.\"}\n");
  Write("in/bad-utf8.txt", "Caf\xE9 au lait in Lisbon.\n");
  Write("in/empty.txt", "");
  Write("in/notes/README.md", "Not an article: a directory's other files are passed over.\n");
  Write("in/good.txt",
        "Firefighters in Lisbon battled a large blaze in the hills above the city on Sunday.\n\n"
        "Hundreds of residents were evacuated as strong winds pushed the flames toward homes.\n");
  fs::path assignments = dir_ / "assign.jsonl";
  int rc = Run("cluster " + Quote((dir_ / "in").string()) + " -q -a " +
               Quote(assignments.string()) + " -o " + Quote((dir_ / "stories.json").string()));
  EXPECT_EQ(rc, 0) << err_;

  EXPECT_NE(err_.find("broken.jsonl:1: "), std::string::npos) << err_;
  EXPECT_NE(err_.find("bad-utf8.txt: invalid UTF-8"), std::string::npos) << err_;
  EXPECT_NE(err_.find("empty.txt: empty text"), std::string::npos) << err_;
  EXPECT_EQ(err_.find("good.txt:"), std::string::npos) << err_;
  EXPECT_NE(err_.find("skipped 3,"), std::string::npos) << err_;
  EXPECT_EQ(err_.find("README.md"), std::string::npos) << err_;
  EXPECT_NE(err_.find("; 1 file in directories passed over (not .txt"), std::string::npos) << err_;

  std::map<std::string, std::string> pred = ReadLabels(assignments);
  EXPECT_EQ(pred.size(), 2u);
  EXPECT_TRUE(pred.count("good.txt"));
  EXPECT_TRUE(pred.count("j2"));
}

TEST_F(CliTest, ArticlesInOtherLanguagesAreReadInTheirLanguage) {
  // Three unrelated German articles with no language given. Read with
  // English rules, "der", "die" and "und" were rare words of high weight,
  // and the first two became one story.
  const char* texts[] = {
      "Der Bundestag hat am Donnerstag ein neues Gesetz zur Förderung der Windenergie "
      "beschlossen. Die Abgeordneten der Koalition stimmten für den Entwurf, die Opposition "
      "dagegen. Das Gesetz soll den Ausbau der Windkraft an Land beschleunigen und die "
      "Genehmigungsverfahren verkürzen. Der Wirtschaftsminister sprach von einem wichtigen "
      "Schritt für die Energiewende. Die Länder müssen künftig zwei Prozent ihrer Fläche für "
      "Windräder bereitstellen. Umweltverbände begrüßten die Entscheidung, forderten aber mehr "
      "Tempo.",
      "Der FC Bayern München hat am Samstag das Spitzenspiel gegen Borussia Dortmund mit vier "
      "zu zwei gewonnen. Die Münchner gingen bereits in der ersten Halbzeit mit zwei Toren in "
      "Führung. Dortmund kam nach der Pause zwar noch einmal heran, doch die Gäste hatten das "
      "bessere Ende für sich. Der Trainer lobte die Moral seiner Mannschaft und sprach von einem "
      "wichtigen Sieg im Kampf um die Meisterschaft. Die Fans feierten die Spieler nach dem "
      "Abpfiff.",
      "Die Polizei in Hamburg hat am Montag einen mutmaßlichen Bankräuber festgenommen. Der "
      "Mann soll in der vergangenen Woche eine Filiale in der Innenstadt überfallen und dabei "
      "mehrere tausend Euro erbeutet haben. Die Ermittler kamen ihm durch Aufnahmen einer "
      "Überwachungskamera auf die Spur. Er wurde in seiner Wohnung im Stadtteil Altona gefasst "
      "und soll noch am Dienstag einem Haftrichter vorgeführt werden. Die Beute wurde zum Teil "
      "sichergestellt."};
  int n = 0;
  for (const char* text : texts) Write("de/" + std::to_string(++n) + ".txt", text);
  fs::path assignments = dir_ / "assign.jsonl";
  ASSERT_EQ(Run("cluster -q -o /dev/null -a " + Quote(assignments.string()) + " " +
                Quote((dir_ / "de").string())),
            0)
      << err_;
  std::map<std::string, std::string> pred = ReadLabels(assignments);
  ASSERT_EQ(pred.size(), 3u) << err_;
  EXPECT_NE(pred["1.txt"], pred["2.txt"]);
  EXPECT_NE(pred["1.txt"], pred["3.txt"]);
  EXPECT_NE(pred["2.txt"], pred["3.txt"]);
  // `extract` names the language it read.
  ASSERT_EQ(Run("extract -q " + Quote((dir_ / "de" / "1.txt").string())), 0) << err_;
  EXPECT_NE(out_.find("\"lang\": \"de\""), std::string::npos) << out_;
}

// Two German outlets run the same quote, each with its own marks and
// attribution: the brief shows it once, with its speaker and both outlets
// (read as English, „…“ was no quotation and "sagte" no speech verb).
TEST_F(CliTest, AGermanStorysBriefNamesTheSharedQuoteAndItsSpeaker) {
  Write("de.jsonl",
        R"({"id": "a", "source": "Wiener Zeitung", "lang": "de", "text": "Die neue Regierung in )"
        R"(Wien hat sich am Mittwoch auf ihr Programm geeinigt. Die Verhandlungen dauerten drei )"
        R"(Monate. „Wir haben ein gutes Programm für das ganze Land vorgelegt“, sagte Werner )"
        R"(Kogler am Abend vor der Presse in Wien. Das Kabinett soll am Dienstag vereidigt )"
        R"(werden."})"
        "\n"
        R"({"id": "b", "source": "Kurier", "lang": "de", "text": "In Wien haben sich die )"
        R"(Parteien auf eine neue Regierung geeinigt. Nach drei Monaten Verhandlungen steht das )"
        R"(Programm. Werner Kogler sagte: „Wir haben ein gutes Programm für das ganze Land )"
        R"(vorgelegt.“ Die Vereidigung des Kabinetts ist für Dienstag geplant."})"
        "\n");
  fs::path stories = dir_ / "stories.json";
  ASSERT_EQ(
      Run("cluster -q -o " + Quote(stories.string()) + " " + Quote((dir_ / "de.jsonl").string())),
      0)
      << err_;
  nlohmann::json j = nlohmann::json::parse(ReadFile(stories), nullptr, false);
  ASSERT_TRUE(j.is_array() && j.size() == 1u) << ReadFile(stories);
  bool found = false;
  for (const auto& q : j[0]["quotes"]) {
    if (q["text"].get<std::string>().starts_with("Wir haben ein gutes Programm")) {
      found = true;
      EXPECT_EQ(q["speaker"], "Werner Kogler") << q.dump();
      EXPECT_EQ(q["outlets"].size(), 2u) << q.dump();
    }
  }
  EXPECT_TRUE(found) << j[0]["quotes"].dump();
}

TEST_F(CliTest, MissingOnlyInputFailsWithMessage) {
  std::string missing = (dir_ / "no-such-dir").string();
  EXPECT_NE(Run("cluster " + Quote(missing) + " -q -o " + Quote((dir_ / "s.json").string())), 0);
  EXPECT_NE(err_.find("no-such-dir"), std::string::npos) << err_;
}

TEST_F(CliTest, UnknownCommandIsNamedWithTheCommandsThereAre) {
  EXPECT_EQ(Run("clsuter data"), 2);
  EXPECT_NE(err_.find("unknown command 'clsuter'"), std::string::npos) << err_;
  EXPECT_NE(err_.find("cluster, extract, brief, eval, df, serve"), std::string::npos) << err_;
}

TEST_F(CliTest, SummaryLineCountsOneArticleInTheSingular) {
  fs::path in = Write("one.jsonl", "{\"id\": \"a\", \"text\": \"A flood hit the valley.\"}\n");
  ASSERT_EQ(Run("cluster -q -o " + Quote((dir_ / "s.json").string()) + " " + Quote(in.string())),
            0);
  EXPECT_NE(err_.find("1 article in 1 story from 1 file "), std::string::npos) << err_;
}

TEST_F(CliTest, EvalOfPerfectPredictionPrintsF1One) {
  fs::path gold =
      Write("gold.jsonl",
            "{\"id\": \"a\", \"label\": \"quake\"}\n{\"id\": \"b\", \"label\": \"quake\"}\n"
            "{\"id\": \"c\", \"label\": \"vote\"}\n");
  fs::path pred = Write("pred.jsonl",
                        "{\"id\": \"c\", \"story\": \"s2\"}\n{\"id\": \"a\", \"story\": \"s1\"}\n"
                        "{\"id\": \"b\", \"story\": \"s1\"}\n");
  ASSERT_EQ(
      Run("eval --gold " + Quote(gold.string()) + " --pred " + Quote(pred.string()) + " --json"), 0)
      << err_;
  EXPECT_NE(out_.find("\"bcubed_f1\": 1.0000"), std::string::npos) << out_;
  nlohmann::json j = nlohmann::json::parse(out_, nullptr, false);
  ASSERT_TRUE(j.is_object()) << out_;
  EXPECT_DOUBLE_EQ(j["nmi"].get<double>(), 1.0);
  EXPECT_EQ(j["n"].get<int>(), 3);
}

TEST_F(CliTest, EvalFailsClearlyWhenPredictionLacksAGoldId) {
  fs::path gold =
      Write("gold.jsonl",
            "{\"id\": \"a\", \"label\": \"quake\"}\n{\"id\": \"lost-one\", \"label\": \"vote\"}\n");
  fs::path pred = Write("pred.jsonl", "{\"id\": \"a\", \"story\": \"s1\"}\n");
  EXPECT_NE(
      Run("eval --gold " + Quote(gold.string()) + " --pred " + Quote(pred.string()) + " --json"),
      0);
  EXPECT_NE(err_.find("lost-one"), std::string::npos) << err_;
  EXPECT_NE(err_.find("missing"), std::string::npos) << err_;
  EXPECT_EQ(out_.find("bcubed_f1"), std::string::npos) << out_;
}

TEST_F(CliTest, HelpExitsZeroAndNamesSubcommands) {
  EXPECT_EQ(Run("--help"), 0);
  std::string text = out_ + err_;
  EXPECT_NE(text.find("cluster"), std::string::npos) << text;
  EXPECT_NE(text.find("eval"), std::string::npos) << text;
}

TEST_F(CliTest, NoSubcommandIsAnError) { EXPECT_NE(Run(""), 0); }

}  // namespace
}  // namespace storyline::testing

namespace storyline::testing {
namespace {

TEST_F(CliTest, NoBriefsKeepsTheStoriesAndDropsTheBriefs) {
  const std::string sample = Quote(kSource + "/data/sample/articles.jsonl");
  fs::path with = dir_ / "with.jsonl", without = dir_ / "without.jsonl";
  fs::path stories = dir_ / "stories.json";
  ASSERT_EQ(Run("cluster -q " + sample + " -o /dev/null -a " + Quote(with.string())), 0) << err_;
  ASSERT_EQ(Run("cluster -q --no-briefs " + sample + " -o " + Quote(stories.string()) + " -a " +
                Quote(without.string())),
            0)
      << err_;
  EXPECT_EQ(ReadLabels(with), ReadLabels(without));
  nlohmann::json j = nlohmann::json::parse(ReadFile(stories), nullptr, false);
  ASSERT_TRUE(j.is_array());
  ASSERT_FALSE(j.empty());
  for (const auto& s : j) {
    EXPECT_TRUE(s["summary"].empty());
    EXPECT_TRUE(s["quotes"].empty());
    EXPECT_FALSE(s["headline"].get<std::string>().empty());
  }
}

TEST_F(CliTest, BriefTreatsAllInputsAsOneStory) {
  ASSERT_EQ(Run("brief --words 40 " + Quote(kSource + "/data/sample/articles.jsonl")), 0) << err_;
  nlohmann::json j = nlohmann::json::parse(out_, nullptr, false);
  ASSERT_TRUE(j.is_object()) << out_.substr(0, 200);
  EXPECT_EQ(j["size"], 52);
  std::size_t words = 0;
  for (const auto& s : j["summary"]) {
    std::istringstream in(s.get<std::string>());
    std::string w;
    while (in >> w) ++words;
  }
  EXPECT_GT(words, 0u);
  EXPECT_LE(words, 40u);
  EXPECT_NE(Run("brief " + Quote((dir_ / "missing.txt").string())), 0);
}

}  // namespace
}  // namespace storyline::testing
