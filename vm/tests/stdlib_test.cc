// The interpreter on the real stdlib (stdlib_builtins()): names resolve through the
// stdlib's declaration table, arities come from its signatures, and its errors reach
// the query with OPA's wording and the call's file:row.
#include <chrono>
#include <thread>

#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

std::shared_ptr<const Program> lower_with_stdlib(std::string_view listing) {
  runtime::Result<ir::Policy> p = ir::parse_policy(listing);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  if (!p.ok()) return nullptr;
  auto prog = Program::lower(*p, stdlib_builtins());
  EXPECT_TRUE(prog.ok()) << (prog.ok() ? "" : prog.error().message);
  return prog.ok() ? *prog : nullptr;
}

TEST(Stdlib, CallsResolveAndRun) {
  std::shared_ptr<const Program> p = lower_with_stdlib(R"(
    plan main { {
      dot input, "xs" -> l2
      call count(l2) -> l3
      call plus(l3, 0.5) -> l4
      call walk(l2) -> l5
      call count(l5) -> l6
      makearray -> l7  arrayappend l4 -> l7  arrayappend l6 -> l7
      resultsetadd l7
    } })");
  ASSERT_TRUE(p);
  runtime::Value in = json(R"({"xs": [1, 2, 3]})");
  EvalOptions o;
  o.input = &in;
  EvalResult r = run(*p, "main", o);
  EXPECT_FALSE(r.error) << error_text(r);
  EXPECT_EQ(rows_text(r), "[[3.5, 4]]");
}

TEST(Stdlib, ErrorsInBothModes) {
  std::shared_ptr<const Program> p = lower_with_stdlib(R"(file 1 "test-0.rego" [0, 15, 30]
    plan main {
      { call div(1, 0) -> l2 @1:20+5  resultsetadd l2 }
      { call count(5) -> l2 @1:31+8  resultsetadd l2 }
      { resultsetadd "after" }
    })");
  ASSERT_TRUE(p);
  EvalResult lax = run(*p, "main");
  EXPECT_FALSE(lax.error);
  EXPECT_EQ(rows_text(lax), R"(["after"])");
  EXPECT_EQ(lax.builtin_errors, 2u);
  EvalOptions o;
  o.strict_builtin_errors = true;
  EvalResult strict = run(*p, "main", o);
  ASSERT_TRUE(strict.error);
  EXPECT_EQ(strict.error->text, "test-0.rego:2: eval_builtin_error: div: divide by zero");
  EXPECT_EQ(rows_text(strict), R"(["after"])");
}

// Comparisons and count() of the stdlib are instructions, not calls (vm/lower.cc), with
// the built-ins' results: OPA's total order across kinds, count of every collection and of
// a string's characters.
TEST(Stdlib, ComparisonsAndCountAreInstructions) {
  const char* listing = R"(
    plan main { {
      dot input, "xs" -> l2
      call count(l2) -> l3
      call gt(l3, 2) -> l4
      call lt("a", 1) -> l5
      call equal(1, 1.0) -> l6
      call neq(l2, l2) -> l7
      call gte(l2, null) -> l8
      call lte([1], [1, 0]) -> l9
      call count("héllo") -> l10
      makearray -> l11
      arrayappend l3 -> l11  arrayappend l4 -> l11  arrayappend l5 -> l11  arrayappend l6 -> l11
      arrayappend l7 -> l11  arrayappend l8 -> l11  arrayappend l9 -> l11  arrayappend l10 -> l11
      resultsetadd l11
    } })";
  std::shared_ptr<const Program> p = lower_with_stdlib(listing);
  ASSERT_TRUE(p);
  std::string code = p->disassemble();
  for (const char* name : {"gt", "lt", "equal", "neq", "gte", "lte"}) {
    EXPECT_EQ(code.find(std::string("call ") + name), std::string::npos) << code;
  }
  // count() is a len, with the call only behind its failure (the type error).
  EXPECT_NE(code.find("len r2, r3"), std::string::npos) << code;
  runtime::Value in = json(R"({"xs": [1, 2, 3]})");
  EvalOptions o;
  o.input = &in;
  EXPECT_EQ(rows_text(run(*p, "main", o)), "[[3, true, false, true, false, true, true, 5]]");

  // A provider that overrides one keeps it a call.
  BuiltinTable mine(&stdlib_builtins());
  mine.add({"gt", 2, [](const BuiltinCall&, std::span<const runtime::Value>) -> stdlib::BuiltinResult {
              return runtime::Value::boolean(false);
            }});
  runtime::Result<ir::Policy> policy = ir::parse_policy(listing);
  ASSERT_TRUE(policy.ok());
  auto overridden = Program::lower(*policy, mine);
  ASSERT_TRUE(overridden.ok());
  EXPECT_NE((*overridden)->disassemble().find("call gt"), std::string::npos);
  EXPECT_EQ(rows_text(run(**overridden, "main", o)), "[[3, false, false, true, false, true, true, 5]]");
}

// A comparison used as a condition is one instruction that compares, writes its result
// and fails unless it holds; count()'s call for a type error sits after the function's
// code, so the common path has no jump over it.
TEST(Stdlib, ConditionsAreOneInstruction) {
  std::shared_ptr<const Program> p = lower_with_stdlib(R"(
    plan main {
      {
        dot input, "xs" -> l2
        call count(l2) -> l3
        call gt(l3, 2) -> l4
        notequal l4, false
        resultsetadd l4
      }
      {
        dot input, "n" -> l5
        call lt(l5, 10) -> l6
        notequal l6, false
        resultsetadd "small"
      }
    })");
  ASSERT_TRUE(p);
  std::string code = p->disassemble();
  EXPECT_NE(code.find("cmp.jump r3, 2, r4, 4"), std::string::npos) << code;
  EXPECT_EQ(code.find(" ne "), std::string::npos) << code;
  EXPECT_LT(code.find("halt"), code.find("call count")) << code;
  auto rows = [&](const char* input) {
    runtime::Value in = json(input);
    EvalOptions o;
    o.input = &in;
    return rows_text(run(*p, "main", o));
  };
  EXPECT_EQ(rows(R"({"xs": [1, 2, 3], "n": 5})"), R"([true, "small"])");
  EXPECT_EQ(rows(R"({"xs": [1, 2], "n": 10})"), "[]");
  EXPECT_EQ(rows(R"({"xs": "abc", "n": "x"})"), "[true]");  // a string's length; "x" > 10
  runtime::Value in = json(R"({"xs": 7})");
  EvalOptions o;
  o.input = &in;
  o.strict_builtin_errors = true;
  EvalResult r = run(*p, "main", o);  // the cold call reports count's type error
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->text.find("count: operand 1 must be one of"), std::string::npos) << r.error->text;
}

// `x in c` is a comparison too: membership in a set, an array, an object's values, and
// nothing in a scalar, as internal.member_2 decides.
TEST(Stdlib, MembershipIsAnInstruction) {
  std::shared_ptr<const Program> p = lower_with_stdlib(R"(
    plan main { {
      dot input, "c" -> l2
      call internal.member_2("b", l2) -> l3
      notequal l3, false
      call internal.member_2(1, l2) -> l4
      resultsetadd l4
    } })");
  ASSERT_TRUE(p);
  std::string code = p->disassemble();
  EXPECT_EQ(code.find("call internal.member_2"), std::string::npos) << code;
  EXPECT_NE(code.find("cmp.jump \"b\", r2, r3, 6"), std::string::npos) << code;
  auto rows = [&](const char* input) {
    runtime::Value in = json(input);
    EvalOptions o;
    o.input = &in;
    return rows_text(run(*p, "main", o));
  };
  EXPECT_EQ(rows(R"({"c": ["a", "b", 1]})"), "[true]");
  EXPECT_EQ(rows(R"({"c": {"x": "b", "y": 2}})"), "[false]");
  EXPECT_EQ(rows(R"({"c": {"b": 1}})"), "[]");  // keys are not members
  EXPECT_EQ(rows(R"({"c": "abc"})"), "[]");
}

// Membership in a set still being built is answered by its builder, which the set then
// keeps building: the same answers as the frozen set's, small or indexed.
TEST(Stdlib, MembershipInASetBeingBuilt) {
  std::shared_ptr<const Program> p = lower_with_stdlib(R"(
    plan main { {
      dot input, "c" -> l2
      dot input, "x" -> l3
      makeset -> l4
      scan l2 -> l5, l6 { setadd l6 -> l4 }
      call internal.member_2(l3, l4) -> l7
      call internal.member_2(1.0, l4) -> l8
      setadd "late" -> l4
      call internal.member_2("late", l4) -> l9
      notequal l9, false
      makearray 4 -> l10  arrayappend l7 -> l10  arrayappend l8 -> l10  arrayappend l9 -> l10  arrayappend l4 -> l10
      resultsetadd l10
    } })");
  ASSERT_TRUE(p);
  auto rows = [&](const std::string& input) {
    runtime::Value in = json(input);
    EvalOptions o;
    o.input = &in;
    return rows_text(run(*p, "main", o));
  };
  EXPECT_EQ(rows(R"({"c": ["a", 1], "x": "a"})"), R"([[true, true, true, {1, "a", "late"}]])");
  EXPECT_EQ(rows(R"({"c": ["a", 2], "x": "b"})"), R"([[false, false, true, {2, "a", "late"}]])");
  EXPECT_EQ(rows(R"({"c": ["a"]})"), "[]");  // x undefined
  std::string many = R"({"c": [)";
  for (int i = 0; i < 20; ++i) many += std::to_string(i) + ", ";
  EXPECT_EQ(rows(many + R"("k"], "x": "k"})").substr(0, 19), "[[true, true, true,");
  EXPECT_EQ(rows(many + R"("k"], "x": "z"})").substr(0, 20), "[[false, true, true,");
}

TEST(Stdlib, ArityComesFromTheSignature) {
  runtime::Result<ir::Policy> p = ir::parse_policy("plan main { { call count(1, 2) -> l2 } }");
  ASSERT_TRUE(p.ok());
  auto prog = Program::lower(*p, stdlib_builtins());
  ASSERT_FALSE(prog.ok());
  EXPECT_EQ(prog.error().message, "count: arity mismatch: plan declares 2 operand(s), the built-in takes 1");
  EXPECT_EQ(stdlib_builtins().find("print")->arity, -1);
}

TEST(Stdlib, OneContextPerEvaluation) {
  BuiltinTable mine(&stdlib_builtins());
  mine.add({"test.now", 0, [](const BuiltinCall& call, std::span<const runtime::Value>) -> stdlib::BuiltinResult {
              return runtime::Value::integer(call.context.now_ns());
            }});
  runtime::Result<ir::Policy> p = ir::parse_policy(R"(plan main { {
      call test.now() -> l2  call count([1]) -> l3  call test.now() -> l4  equal l2, l4  resultsetadd l2
    } })");
  ASSERT_TRUE(p.ok());
  auto prog = Program::lower(*p, mine);
  ASSERT_TRUE(prog.ok()) << prog.error().message;
  stdlib::BuiltinContext ctx(1234);
  EvalOptions o;
  o.builtin_context = &ctx;
  EXPECT_EQ(rows_text(run(**prog, "main", o)), "[1234]");  // the caller's context
  EXPECT_EQ(evaluate(**prog, "main").rows.size(), 1u);     // its own: one clock reading
  // A machine keeps its own context between evaluations, restarted: the clock is read
  // again and nothing cached by a nondeterministic built-in carries over.
  auto first = evaluate(**prog, "main").rows;
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  auto second = evaluate(**prog, "main").rows;
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_LT(first[0], second[0]);
  stdlib::BuiltinContext kept;
  kept.remember("rand.intn", runtime::Value::integer(1), runtime::Value::integer(2));
  EXPECT_NE(kept.cached("rand.intn", runtime::Value::integer(1)), nullptr);
  kept.restart();
  EXPECT_EQ(kept.cached("rand.intn", runtime::Value::integer(1)), nullptr);
}

}  // namespace
}  // namespace arcane::vm::testing
