#include "features/minhash.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/analyzer.h"

namespace storyline::features {
namespace {

// Made-up wire copy, long enough that one changed sentence is a small part of it.
constexpr const char* kSentences[] = {
    "A magnitude 6.8 earthquake struck off the coast of central Chile before dawn on Tuesday.",
    "At least nine people were killed and dozens of homes collapsed in the fishing town of "
    "Valdora.",
    "The quake hit at 4:12 a.m. local time with its epicentre 22 kilometres southwest of the town.",
    "Residents said the shaking lasted close to a minute and knocked out power across the region.",
    "Mayor Elena Ruiz said the town hall lost part of its roof and three shelters had been opened.",
    "The national emergency office said more than 60 people were injured, most of them in Valdora.",
    "Authorities ordered the evacuation of low-lying coastal areas as a precaution before sunrise.",
    "The tsunami warning was lifted shortly after 6 a.m. when gauges showed only a small wave.",
    "Rescue teams from Concepcion and Santiago were on their way with sniffer dogs and heavy "
    "cranes.",
    "Chile sits on the Pacific Ring of Fire and is one of the most seismically active countries.",
    "Engineers will inspect the old adobe buildings of the historic quarter over the coming week.",
    "The government pledged forty tonnes of supplies, including tents, blankets and drinking "
    "water.",
};

std::string Join(const std::vector<std::string>& sentences) {
  std::string out;
  for (const std::string& s : sentences) out += s + " ";
  return out;
}

std::vector<std::string> Story() { return {std::begin(kSentences), std::end(kSentences)}; }

MinHash SignatureOf(const std::string& body) {
  text::Analyzer analyzer;
  text::Analysis a = analyzer.Analyze("", body);
  return ComputeMinHash(a.word_hashes);
}

TEST(MinHash, IdenticalTextsHaveJaccardOne) {
  MinHash a = SignatureOf(Join(Story()));
  MinHash b = SignatureOf(Join(Story()));
  EXPECT_EQ(a, b);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, b), 1.0);
}

TEST(MinHash, LetterCaseDoesNotChangeTheSignature) {
  std::string body = Join(Story());
  std::string shouted = body;
  for (char& c : shouted) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  EXPECT_DOUBLE_EQ(EstimateJaccard(SignatureOf(body), SignatureOf(shouted)), 1.0);
}

TEST(MinHash, UnrelatedTextsHaveJaccardNearZero) {
  MinHash quake = SignatureOf(Join(Story()));
  MinHash summit = SignatureOf(
      "President Donald Trump said he and North Korean leader Kim Jong Un have made incredible "
      "progress on negotiations over Pyongyang's nuclear weapons program. They are considering "
      "three to four locations for a second summit that would take place after the November "
      "midterm elections. Secretary of State Mike Pompeo visited Pyongyang over the weekend and "
      "met Kim, and both sides described the talks as productive and forward looking.");
  EXPECT_LT(EstimateJaccard(quake, summit), 0.1);
}

TEST(MinHash, CopyWithOneChangedSentenceIsHighlySimilar) {
  std::vector<std::string> edited = Story();
  edited[6] = "Officials told everyone living near the shore to move inland until noon.";
  double j = EstimateJaccard(SignatureOf(Join(Story())), SignatureOf(Join(edited)));
  EXPECT_GT(j, 0.7);
  EXPECT_LT(j, 1.0);
}

TEST(MinHash, HalfTheTextRewrittenIsNotACopy) {
  std::vector<std::string> half(std::begin(kSentences), std::begin(kSentences) + 6);
  half.push_back("Markets in Santiago fell sharply as investors weighed the cost of the damage.");
  half.push_back("Copper prices rose on fears of supply disruption at mines further north.");
  half.push_back("Analysts expect the central bank to hold interest rates at its next meeting.");
  double j = EstimateJaccard(SignatureOf(Join(Story())), SignatureOf(Join(half)));
  EXPECT_LT(j, 0.7);
}

TEST(MinHash, EmptyInputGivesAllOnesSignature) {
  MinHash sig = ComputeMinHash({});
  for (std::uint32_t v : sig) EXPECT_EQ(v, 0xffffffffu);
}

TEST(MinHash, TextShorterThanOneShingleIsOneShingle) {
  std::vector<std::uint64_t> words = {1, 2, 3};
  MinHash a = ComputeMinHash(words);
  EXPECT_EQ(a, ComputeMinHash(words));
  EXPECT_NE(a, ComputeMinHash({}));
  std::vector<std::uint64_t> reordered = {3, 2, 1};
  EXPECT_LT(EstimateJaccard(a, ComputeMinHash(reordered)), 0.2);
}

TEST(MinHash, WordOrderMattersThroughShingles) {
  std::vector<std::uint64_t> words;
  for (std::uint64_t i = 0; i < 40; ++i) words.push_back(i * 7919 + 13);
  std::vector<std::uint64_t> reversed(words.rbegin(), words.rend());
  EXPECT_LT(EstimateJaccard(ComputeMinHash(words), ComputeMinHash(reversed)), 0.1);
}

}  // namespace
}  // namespace storyline::features
