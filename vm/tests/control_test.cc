// Control flow: undefined leaves the block, blocks run in order, break N leaves N+1
// blocks, not inverts its block, and the guards (equal, notequal, type checks, defined
// checks) are undefined exactly when they should be.
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

TEST(Control, UndefinedLeavesOnlyItsBlock) {
  EXPECT_EQ(eval_listing(R"(plan main {
    { resultsetadd 1  equal 1, 2  resultsetadd "skipped" }
    { resultsetadd 2 }
  })"),
            "[1, 2]");
}

TEST(Control, BlockStatementRunsEachBlock) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      block { resultsetadd "a"  equal 1, 2  resultsetadd "x" } { resultsetadd "b" } { break 0  resultsetadd "y" }
      resultsetadd "c"
    } })"),
            R"(["a", "b", "c"])");
}

TEST(Control, BreakCountsBlocks) {
  EXPECT_EQ(eval_listing(R"(plan main {
    {
      block {
        block {
          block { break 2 }
          resultsetadd "inner"
        }
        resultsetadd "middle"
      }
      resultsetadd "outer"
    }
    { resultsetadd "next" }
  })"),
            R"(["outer", "next"])");
  EXPECT_EQ(eval_listing(R"(plan main { { block { block { break 1 } resultsetadd "x" } resultsetadd "y" } })"),
            R"(["y"])");
  EXPECT_EQ(eval_listing(R"(plan main { { break 0  resultsetadd "x" } { resultsetadd "z" } })"), R"(["z"])");
}

TEST(Control, NotInverts) {
  EXPECT_EQ(eval_listing(R"(plan main {
    { not { equal 1, 2 }  resultsetadd "not-false" }
    { not { equal 1, 1 }  resultsetadd "not-true" }
    { not { dot input, "missing" -> l2 }  resultsetadd "not-undefined" }
    { not { not { equal input, input } }  resultsetadd "double" }
  })",
                         "{}"),
            R"(["not-false", "not-undefined", "double"])");
}

TEST(Control, BreakOutOfNotSkipsIt) {
  // break 0 in the body leaves the body early: the not holds. break 1 leaves the block
  // holding the not altogether.
  EXPECT_EQ(eval_listing(R"(plan main {
    { not { break 0 }  resultsetadd "held" }
    { not { break 1 }  resultsetadd "never" }
    { resultsetadd "end" }
  })"),
            R"(["held", "end"])");
}

TEST(Control, EqualityIsOpas) {
  EXPECT_EQ(eval_listing(R"(plan main {
    { equal 1, 1.0  resultsetadd "1 == 1.0" }
    { equal [1, {"a": {2}}], [1.00, {"a": {2.0}}]  resultsetadd "deep" }
    { equal "1", 1  resultsetadd "string vs number" }
    { notequal "1", 1  resultsetadd "ne" }
    { notequal {1, 2}, {2, 1}  resultsetadd "set order" }
    { equal input, input  resultsetadd "undefined operands" }
    { notequal input, 1  resultsetadd "undefined ne" }
  })"),
            R"(["1 == 1.0", "deep", "ne"])");
}

TEST(Control, TypeChecks) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      scan input -> l2, l3 {
        makearray -> l4
        block { isarray l3  arrayappend "array" -> l4 } { isobject l3  arrayappend "object" -> l4 }
              { isset l3  arrayappend "set" -> l4 } { isstring l3  arrayappend "string" -> l4 }
              { isnumber l3  arrayappend "number" -> l4 } { isboolean l3  arrayappend "boolean" -> l4 }
              { isnull l3  arrayappend "null" -> l4 }
        resultsetadd l4
      }
    } })",
                         R"([[], {}, "s", 1.5, false, null])"),
            R"([["array"], ["object"], ["string"], ["number"], ["boolean"], ["null"]])");
}

TEST(Control, DefinedChecksAndReset) {
  EXPECT_EQ(eval_listing(R"(plan main {
    { isundefined l2  resultsetadd "fresh" }
    { assign 1 -> l2  isdefined l2  resultsetadd "set" }
    { reset -> l2  isundefined l2  resultsetadd "reset" }
    { isdefined input  resultsetadd "input" }
    { isundefined input  resultsetadd "no input" }
  })"),
            R"(["fresh", "set", "reset", "no input"])");
}

TEST(Control, DotAndLen) {
  EXPECT_EQ(eval_listing(R"(plan main {
    { dot input, "a" -> l2  dot l2, 1 -> l3  resultsetadd l3 }
    { dot {"x"}, "x" -> l3  resultsetadd l3 }
    { dot {"x"}, "y" -> l3  resultsetadd "absent member" }
    { dot input, "a" -> l2  dot l2, 5 -> l3  resultsetadd "out of range" }
    { dot input, "a" -> l2  dot l2, -1 -> l3  resultsetadd "negative" }
    { dot input, "a" -> l2  dot l2, "0" -> l3  resultsetadd "string index" }
    { dot input, "a" -> l2  dot l2, 1.0 -> l3  resultsetadd "1.0 is not an index, as in OPA" }
    { dot "str", 0 -> l2  resultsetadd "scalar" }
    { dot input, "a" -> l2  len l2 -> l3  resultsetadd l3 }
    { len "héllo" -> l2  resultsetadd l2 }
    { len 7 -> l2  resultsetadd "len of number" }
  })",
                         R"({"a": [10, 20]})"),
            R"([20, "x", 2, 5])");
}

}  // namespace
}  // namespace arcane::vm::testing
