// Scans: arrays give (index, element), objects (key, value), sets (element, element), in
// the collection's canonical order; scalars, undefined and empty collections run the body
// zero times; breaks leave the loop; nested scans see their own bindings.
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

constexpr std::string_view kScanInput = R"(
plan main {
  {
    scan input -> l2, l3 {
      makearray 2 -> l4
      arrayappend l2 -> l4
      arrayappend l3 -> l4
      resultsetadd l4
    }
  }
})";

TEST(Scan, Array) {
  EXPECT_EQ(eval_listing(kScanInput, R"(["a", "b", "a"])"), R"([[0, "a"], [1, "b"], [2, "a"]])");
}

TEST(Scan, ObjectInKeyOrder) {
  EXPECT_EQ(eval_listing(kScanInput, R"({"b": 2, "a": 1, "c": [3]})"), R"([["a", 1], ["b", 2], ["c", [3]]])");
}

TEST(Scan, Set) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      scan {3, 1, 2} -> l2, l3 {
        equal l2, l3
        resultsetadd l2
      }
    } })"),
            "[1, 2, 3]");
}

TEST(Scan, ScalarsAndEmptiesRunNothing) {
  for (const char* in : {"1", "\"abc\"", "null", "true", "[]", "{}"})
    EXPECT_EQ(eval_listing(kScanInput, in), "[]") << in;
  EXPECT_EQ(eval_listing(kScanInput), "[]");  // input undefined
}

TEST(Scan, UndefinedBodySkipsToTheNextElement) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      scan input -> l2, l3 {
        dot l3, "keep" -> l4
        equal l4, true
        resultsetadd l2
      }
    } })",
                         R"([{"keep": true}, {}, {"keep": false}, 7, {"keep": true}])"),
            "[0, 4]");
}

TEST(Scan, NestedScansCrossProduct) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      scan [1, 2] -> l2, l3 {
        scan ["x", "y"] -> l4, l5 {
          makearray -> l6
          arrayappend l3 -> l6
          arrayappend l5 -> l6
          resultsetadd l6
        }
      }
    } })"),
            R"([[1, "x"], [1, "y"], [2, "x"], [2, "y"]])");
}

TEST(Scan, BreakOneStopsTheLoop) {
  // break 0 = next element; break 1 leaves the block holding the scan.
  EXPECT_EQ(eval_listing(R"(plan main {
    {
      block {
        scan [1, 2, 3, 4] -> l2, l3 {
          resultsetadd l3
          equal l3, 2
          break 1
        }
        resultsetadd "not reached"
      }
      resultsetadd "after"
    } })"),
            R"([1, 2, "after"])");
  EXPECT_EQ(eval_listing(R"(plan main { {
      scan [1, 2, 3] -> l2, l3 {
        equal l3, 2
        break 0
      }
      resultsetadd "done"
    } })"),
            R"(["done"])");
}

TEST(Scan, InnerBreakLeavesBothLoops) {
  EXPECT_EQ(eval_listing(R"(plan main {
    {
      block {
        scan [1, 2] -> l2, l3 {
          scan [10, 20] -> l4, l5 {
            resultsetadd l5
            break 2
          }
        }
      }
    } })"),
            "[10]");
}

TEST(Scan, CollectionBeingBuiltIsScannedAsItWas) {
  // The scan iterates the value the register held at scan time, even if the body keeps
  // inserting into that register.
  EXPECT_EQ(eval_listing(R"(plan main { {
      makeset -> l2
      setadd 1 -> l2
      setadd 2 -> l2
      scan l2 -> l3, l4 {
        setadd 10 -> l2
        resultsetadd l4
      }
      resultsetadd l2
    } })"),
            "[1, 2, {1, 2, 10}]");
}

}  // namespace
}  // namespace arcane::vm::testing
