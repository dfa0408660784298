// The skip list and the ratchet list.
#include "conformance/lists.h"

#include <gtest/gtest.h>

namespace arcane::conformance {
namespace {

TEST(SkipList, EntriesNeedReasons) {
  SkipList s;
  std::string error;
  ASSERT_TRUE(parse_skip_list("# comment\n\nv1/a/b.yaml#3  needs a clock\nv0/c/d.yaml whole file: tz data\n", s, error))
      << error;
  EXPECT_EQ(*s.reason_for("v1/a/b.yaml#3", "v1/a/b.yaml"), "needs a clock");
  EXPECT_EQ(*s.reason_for("v0/c/d.yaml#0", "v0/c/d.yaml"), "whole file: tz data");
  EXPECT_EQ(s.reason_for("v1/a/b.yaml#2", "v1/a/b.yaml"), nullptr);

  SkipList bad;
  EXPECT_FALSE(parse_skip_list("v1/a/b.yaml#3\n", bad, error));
  EXPECT_EQ(error, "line 1: v1/a/b.yaml#3 has no reason");
  SkipList twice;
  EXPECT_FALSE(parse_skip_list("v1/a.yaml#1 x\nv1/a.yaml#1 y\n", twice, error));
  SkipList junk;
  EXPECT_FALSE(parse_skip_list("nonsense reason\n", junk, error));
}

TEST(PassingList, RoundTripsSortedWithItsHeader) {
  PassingList p;
  std::string error;
  ASSERT_TRUE(
      parse_passing_list("# head 1\n# head 2\n\nv1/b.yaml#1\nv0/a.yaml#0\n# later comment\nv1/b.yaml#1\n", p, error))
      << error;
  EXPECT_EQ(p.ids.size(), 2u);
  EXPECT_EQ(render_passing_list(p), "# head 1\n# head 2\nv0/a.yaml#0\nv1/b.yaml#1\n");
  PassingList bad;
  EXPECT_FALSE(parse_passing_list("v1/b.yaml\n", bad, error));  // not a case id
}

}  // namespace
}  // namespace arcane::conformance
