// Calls: plan functions with parameters, the per-evaluation memo of rules, dynamic calls
// by path, and built-ins through the provider, including their errors in both modes
// (non-strict: undefined plus a recorded error; strict: the query's error, with rows).
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

TEST(Calls, FunctionsTakeArgumentsAndReturn) {
  EXPECT_EQ(eval_listing(R"(
    func add3(l2, l3, l4) { { call plus(l2, l3) -> l5  call plus(l5, l4) -> l6  return l6 } }
    func pick(l2) { { equal l2, "a"  return 1 } { return 2 } }
    func never(l2) { { equal l2, l2  equal 1, 2  return l2 } }
    plan main {
      { call @add3(1, 2, 3.5) -> l2  resultsetadd l2 }
      { call @pick("a") -> l2  call @pick("b") -> l3  makearray -> l4  arrayappend l2 -> l4  arrayappend l3 -> l4
        resultsetadd l4 }
      { call @never(1) -> l2  resultsetadd "undefined result" }
      { call @add3(input, 1, 1) -> l2  resultsetadd "undefined argument" }
    })"),
            "[6.5, [1, 2]]");
}

TEST(Calls, FunctionsSeeInputAndData) {
  EXPECT_EQ(eval_listing(R"(
    rule r { { dot input, "x" -> l2  dot data, "y" -> l3  call plus(l2, l3) -> l4  return l4 } }
    plan main { { call @r() -> l2  resultsetadd l2 } })",
                         R"({"x": 1})", R"({"y": 41})"),
            "[42]");
}

TEST(Calls, RulesAreComputedOncePerEvaluation) {
  std::shared_ptr<const Program> p = lower(R"(
    rule ticks { { call tick() -> l2  return l2 } }
    rule nothing { { call tick() -> l2  equal 1, 2  return l2 } }
    func per_call(l2) { { call tick() -> l3  return l3 } }
    plan main { {
      call @ticks() -> l2  call @ticks() -> l3  equal l2, l3
      scan [1, 2, 3] -> l4, l5 { call @ticks() -> l6  equal l6, l2 }
      not { call @nothing() -> l7 }
      not { call @nothing() -> l7 }
      resultsetadd "ok"
    } }
    plan functions { { call @per_call(1) -> l2  call @per_call(1) -> l3  notequal l2, l3  resultsetadd "ok" } })");
  ASSERT_TRUE(p);
  tick_calls() = 0;
  EvalOptions o;
  o.dispatch = Dispatch::kThreaded;
  EXPECT_EQ(rows_text(evaluate(*p, "main", o)), R"(["ok"])");
  EXPECT_EQ(tick_calls().load(), 2);  // one for `ticks`, one for `nothing`: both memoised
  EXPECT_EQ(rows_text(evaluate(*p, "main", o)), R"(["ok"])");
  EXPECT_EQ(tick_calls().load(), 4);  // the memo is per evaluation
  EXPECT_EQ(rows_text(evaluate(*p, "functions", o)), R"(["ok"])");
  EXPECT_EQ(tick_calls().load(), 6);  // functions with parameters are not memoised
}

TEST(Calls, DynamicCallsByPath) {
  EXPECT_EQ(eval_listing(R"(
    rule a path ["g0", "pkg", "a"] { { return "A" } }
    func f(l2) path ["g0", "pkg", "f"] { { call upper(l2) -> l3  return l3 } }
    plan main {
      { scan ["a", "b"] -> l2, l3 { calldynamic ["g0", "pkg", l3]() -> l4  resultsetadd l4 } }
      { calldynamic ["g0", "pkg", "f"]("x") -> l2  resultsetadd l2 }
      { calldynamic ["g0", "pkg", "f"]() -> l2  resultsetadd "wrong arity" }
      { calldynamic ["g0", 1]() -> l2  resultsetadd "not a string" }
    })"),
            R"(["A", "X"])");
}

constexpr std::string_view kBuiltinErrors = R"(file 1 "test-0.rego" [0, 10, 20]
plan main {
  { call div(10, 0) -> l2 @1:12+6  resultsetadd l2 }
  { call count(5) -> l2 @1:22+8  resultsetadd l2 }
  { call div(10, 5) -> l2  resultsetadd l2 }
}
plan halting {
  { call halt() -> l2 @1:3+4  resultsetadd "never" }
  { resultsetadd "never either" }
}
)";

TEST(Calls, BuiltinErrorsAreUndefinedByDefault) {
  std::shared_ptr<const Program> p = lower(kBuiltinErrors);
  ASSERT_TRUE(p);
  EvalResult r = run(*p, "main");
  EXPECT_FALSE(r.error);
  EXPECT_EQ(rows_text(r), "[2]");
  ASSERT_TRUE(r.first_builtin_error);
  EXPECT_EQ(r.first_builtin_error->text, "test-0.rego:2: eval_builtin_error: div: divide by zero");
  EXPECT_EQ(r.builtin_errors, 2u);
}

TEST(Calls, StrictBuiltinErrorsReturnTheFirst) {
  std::shared_ptr<const Program> p = lower(kBuiltinErrors);
  ASSERT_TRUE(p);
  EvalOptions o;
  o.strict_builtin_errors = true;
  EvalResult r = run(*p, "main", o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::kBuiltin);
  EXPECT_EQ(r.error->text, "test-0.rego:2: eval_builtin_error: div: divide by zero");
  EXPECT_EQ(r.error->diagnostic.code, "eval_builtin_error");
  EXPECT_EQ(r.error->diagnostic.message, "div: divide by zero");
  EXPECT_EQ(rows_text(r), "[2]");  // evaluation completed, as OPA's strict mode does
}

TEST(Calls, HaltingErrorsStopInBothModes) {
  std::shared_ptr<const Program> p = lower(kBuiltinErrors);
  ASSERT_TRUE(p);
  EvalResult r = run(*p, "halting");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->text, "test-0.rego:1: eval_builtin_error: halt: stops everything");
  EXPECT_EQ(rows_text(r), "[]");
}

TEST(Calls, QueryErrorsQuoteTheText) {
  // An unnamed source (a query) keeps its text; OPA prints the located text instead.
  std::shared_ptr<const Program> p = lower(R"(file 1 "" [0] text "x := 1 / 0"
    plan main { { call div(1, 0) -> l2 @1:5+5  resultsetadd l2 } })");
  ASSERT_TRUE(p);
  EvalOptions o;
  o.strict_builtin_errors = true;
  EXPECT_EQ(error_text(run(*p, "main", o)), "1 / 0: eval_builtin_error: div: divide by zero");
}

TEST(Calls, LoweringChecksBuiltins) {
  runtime::Result<ir::Policy> unknown = ir::parse_policy("plan main { { call nosuch(1) -> l2 } }");
  ASSERT_TRUE(unknown.ok());
  auto r = Program::lower(*unknown, test_builtins());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "rego_type_error");
  EXPECT_EQ(r.error().message, "undefined function nosuch");

  runtime::Result<ir::Policy> arity = ir::parse_policy("builtin count\nplan main { { call count(1, 2) -> l2 } }");
  ASSERT_TRUE(arity.ok());
  r = Program::lower(*arity, test_builtins());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "count: arity mismatch: called with 2 operand(s), takes 1");
}

TEST(Calls, ProvidersStack) {
  BuiltinTable mine(&test_builtins());
  mine.add({"upper", 1, [](const BuiltinCall&, std::span<const runtime::Value>) -> stdlib::BuiltinResult {
              return runtime::Value::from_string("mine");
            }});
  runtime::Result<ir::Policy> p =
      ir::parse_policy("plan main { { call upper(\"a\") -> l2  call count([1]) -> l3  resultsetadd [l2] } }");
  ASSERT_FALSE(p.ok());  // composite constants cannot hold locals
  p = ir::parse_policy("plan main { { call upper(\"a\") -> l2  call count([1]) -> l3  resultsetadd l2 } }");
  ASSERT_TRUE(p.ok());
  auto prog = Program::lower(*p, mine);
  ASSERT_TRUE(prog.ok());
  EXPECT_EQ(rows_text(evaluate(**prog, "main")), R"(["mine"])");
}

}  // namespace
}  // namespace arcane::vm::testing
