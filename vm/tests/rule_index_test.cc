// `ruleindex`: the key selects blocks through the table (ir/rule_index.h), which run in
// block order; undefined and non-string keys run the "any" blocks (every block when the
// table has prefixes); a selected block left early continues with the next selected one.
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

// Blocks 0..4 append their number to l3; the plan yields the array.
constexpr std::string_view kPlan = R"(plan main { {
  makearray -> l3
  reset -> l2
  block { dot input, "k" -> l2 }
  ruleindex l2, {"any": [1, 4], "eq": {"a": [0, 3], "b": [2]}, "prefix": {"/p/": [2], "/p/q/": [3]}} {
    arrayappend 0 -> l3
  } {
    arrayappend 1 -> l3
  } {
    arrayappend 2 -> l3
  } {
    equal 1, 2
    arrayappend 3 -> l3
  } {
    arrayappend 4 -> l3
  }
  resultsetadd l3
} })";

std::string selected(const char* input) { return eval_listing(kPlan, input); }

TEST(RuleIndex, EqualityKeysRunTheirBlocksAndTheUnconstrainedInOrder) {
  EXPECT_EQ(selected(R"({"k": "a"})"), "[[0, 1, 4]]");  // block 3 is left early
  EXPECT_EQ(selected(R"({"k": "b"})"), "[[1, 2, 4]]");
  EXPECT_EQ(selected(R"({"k": "zzz"})"), "[[1, 4]]");
}

TEST(RuleIndex, PrefixesRunEveryBlockWhosePrefixTheKeyStartsWith) {
  EXPECT_EQ(selected(R"({"k": "/p/x"})"), "[[1, 2, 4]]");
  EXPECT_EQ(selected(R"({"k": "/p/q/x"})"), "[[1, 2, 4]]");
  EXPECT_EQ(selected(R"({"k": "/p"})"), "[[1, 4]]");
}

TEST(RuleIndex, UndefinedAndNonStringKeys) {
  EXPECT_EQ(selected(R"({})"), "[[1, 4]]");
  EXPECT_EQ(selected(nullptr), "[[1, 4]]");
  // With prefixes present, a non-string key runs every block (glob.match would fail).
  EXPECT_EQ(selected(R"({"k": 7})"), "[[0, 1, 2, 4]]");
}

TEST(RuleIndex, WithoutPrefixesNonStringKeysRunOnlyTheUnconstrained) {
  EXPECT_EQ(eval_listing(R"(plan main { {
    makearray -> l3
    ruleindex input, {"any": [1], "eq": {"a": [0]}} { arrayappend 0 -> l3 } { arrayappend 1 -> l3 }
    resultsetadd l3
  } })",
                         "7"),
            "[[1]]");
}

TEST(RuleIndex, BreakLeavesThroughTheIndex) {
  EXPECT_EQ(eval_listing(R"(plan main {
    {
      ruleindex input, {"any": [0, 1]} { break 1 } { resultsetadd "skipped" }
      resultsetadd "after"
    }
    { resultsetadd "next" }
  })",
                         R"("a")"),
            R"(["next"])");
}

}  // namespace
}  // namespace arcane::vm::testing
