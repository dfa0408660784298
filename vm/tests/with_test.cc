// `with`: input and data (whole, or a path inside them, created where missing) replaced
// for the duration of a block, seen by called functions, undone on every way out of the
// block (its end, undefined, break, return), and rule values computed under one set of
// documents never reused under another.
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

TEST(With, ReplacesInputForTheBlock) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      with input = {"user": "bob"} { resultsetadd input }
      resultsetadd input
    } })",
                         R"({"user": "alice"})"),
            R"([{"user": "bob"}, {"user": "alice"}])");
}

TEST(With, PathsAreUpsertedAndCreated) {
  EXPECT_EQ(
      eval_listing(R"(plan main { {
      with input ["a", "b"] = 1 { resultsetadd input }
      with input ["x", "y", "z"] = [2] { resultsetadd input }
      with input ["a"] = 3 { resultsetadd input }
    } })",
                   R"({"a": {"c": 0}, "k": true})"),
      R"([{"a": {"b": 1, "c": 0}, "k": true}, {"a": {"c": 0}, "k": true, "x": {"y": {"z": [2]}}}, {"a": 3, "k": true}])");
}

TEST(With, WorksWithoutInputAndOnData) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      with input ["a"] = 1 { resultsetadd input }
      with data ["d", "e"] = "x" { dot data, "d" -> l2  resultsetadd l2 }
      with data = {"only": 1} { resultsetadd data }
      resultsetadd data
    } })",
                         nullptr, R"({"base": 0})"),
            R"([{"a": 1}, {"e": "x"}, {"only": 1}, {"base": 0}])");
}

TEST(With, CalledFunctionsSeeTheOverride) {
  EXPECT_EQ(eval_listing(R"(
    rule user { { dot input, "user" -> l2  return l2 } }
    func greet(l2) { { dot data, "greeting" -> l3  makearray -> l4  arrayappend l3 -> l4  arrayappend l2 -> l4
                       return l4 } }
    plan main { {
      call @user() -> l2
      with input ["user"] = "bob" {
        call @user() -> l3
        with data ["greeting"] = "hi" { call @greet(l3) -> l4  resultsetadd l4 }
        resultsetadd l3
      }
      call @user() -> l5
      resultsetadd l2
      resultsetadd l5
    } })",
                         R"({"user": "alice"})", R"({"greeting": "hello"})"),
            R"([["hi", "bob"], "bob", "alice"])");
}

TEST(With, MemoIsScopedToTheOverride) {
  std::shared_ptr<const Program> p = lower(R"(
    rule stamp { { call tick() -> l2  return l2 } }
    plan main { {
      call @stamp() -> l2
      with input = 1 { call @stamp() -> l3  call @stamp() -> l4  equal l3, l4  notequal l3, l2 }
      call @stamp() -> l5
      equal l5, l2
      resultsetadd "ok"
    } })");
  ASSERT_TRUE(p);
  tick_calls() = 0;
  EXPECT_EQ(rows_text(evaluate(*p, "main")), R"(["ok"])");
  EXPECT_EQ(tick_calls().load(), 2);  // once outside, once under the override
}

TEST(With, UndoneOnEveryExit) {
  EXPECT_EQ(eval_listing(R"(
    func early(l2) { { with input = "inside" { return input } } }
    plan main {
      { with input = 1 { equal 1, 2 }  resultsetadd input }
      { block { with input = 2 { with data = 3 { break 2 } } }
        makearray -> l2  arrayappend input -> l2  arrayappend data -> l2  resultsetadd l2 }
      { call @early(0) -> l2  resultsetadd l2  equal input, "in"  resultsetadd "after return" }
      { scan [1, 2] -> l2, l3 { with input = l3 { equal l3, 1  break 1 } }  equal input, "in"
        resultsetadd "after scan" }
      { equal input, "in"  equal data, {"d": 1}  resultsetadd "end" }
    })",
                         R"("in")", R"({"d": 1})"),
            R"(["in", ["in", {"d": 1}], "inside", "after return", "after scan", "end"])");
}

TEST(With, UndefinedValueAtAPathSkipsTheBlock) {
  EXPECT_EQ(eval_listing(R"(plan main {
      { with data ["a"] = input { resultsetadd "never" } }
      { resultsetadd "next" }
    })"),
            R"(["next"])");
}

// The planner restores an undefined input for the rest of a query this way.
TEST(With, UndefinedValueReplacingADocumentMakesItUndefined) {
  EXPECT_EQ(eval_listing(R"(plan main {
      { with input = input { isundefined input  resultsetadd "undefined" } }
    })"),
            R"(["undefined"])");
}

}  // namespace
}  // namespace arcane::vm::testing
