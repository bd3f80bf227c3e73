#include "util/binary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline {
namespace {

TEST(Binary, RoundTripsIntegersStringsAndVectors) {
  std::string out;
  PutU32(&out, 7);
  PutU64(&out, 1ull << 40);
  PutString(&out, "text");
  PutVector(&out, std::vector<std::uint32_t>{1, 2, 3});
  PutVector(&out, std::vector<std::uint32_t>{});

  BinaryReader r(out);
  std::uint32_t a = 0;
  std::uint64_t b = 0;
  std::string s;
  std::vector<std::uint32_t> v, empty{9};
  ASSERT_TRUE(r.GetU32(&a) && r.GetU64(&b) && r.GetString(&s) && r.GetVector(&v) &&
              r.GetVector(&empty));
  EXPECT_TRUE(r.done());
  EXPECT_EQ(a, 7u);
  EXPECT_EQ(b, 1ull << 40);
  EXPECT_EQ(s, "text");
  EXPECT_EQ(v, (std::vector<std::uint32_t>{1, 2, 3}));
  EXPECT_TRUE(empty.empty());
}

// A count larger than the bytes that follow fails before anything is sized
// by it (a corrupt store must not make the reader allocate gigabytes).
TEST(Binary, CountsLargerThanTheInputFail) {
  std::string out;
  PutU32(&out, 0xFFFFFFFFu);
  out += "abc";
  std::vector<std::uint64_t> v;
  EXPECT_FALSE(BinaryReader(out).GetVector(&v));
  EXPECT_TRUE(v.empty());
  std::string s;
  EXPECT_FALSE(BinaryReader(out).GetString(&s));
  std::uint64_t x;
  EXPECT_FALSE(BinaryReader("abc").GetU64(&x));
}

TEST(Binary, OptionalsRoundTripAndRefuseBadFlags) {
  std::string out;
  PutOptional(&out, std::int64_t{-5});
  PutOptional(&out, std::nullopt);
  BinaryReader r(out);
  std::optional<std::int64_t> a, b = 3;
  ASSERT_TRUE(r.GetOptional(&a) && r.GetOptional(&b) && r.done());
  EXPECT_EQ(a, -5);
  EXPECT_EQ(b, std::nullopt);
  std::string bad_flag, value_without_flag;
  PutU32(&bad_flag, 2);
  PutU64(&bad_flag, 1);
  PutU32(&value_without_flag, 0);
  PutU64(&value_without_flag, 1);
  EXPECT_FALSE(BinaryReader(bad_flag).GetOptional(&a));
  EXPECT_FALSE(BinaryReader(value_without_flag).GetOptional(&a));
}

}  // namespace
}  // namespace storyline
