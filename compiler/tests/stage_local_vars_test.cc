// RewriteLocalVars: `:=`, `some`, `every` and arguments get generated names, with OPA's
// numbering and OPA's redeclaration errors. Expectations follow OPA's compile_test.go
// (TestRewriteLocalVars, TestRewriteDeclaredVars, TestRewriteLocalVarDeclarationErrors).
#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler::testing {
namespace {

std::string local_vars(const std::string& rules) {
  return rules_after("RewriteLocalVars", "package test\n" + rules, v0_parse());
}

TEST(StageRewriteLocalVars, AssignmentsBecomeUnificationsOfGeneratedVars) {
  EXPECT_EQ(local_vars("nested { a := [1,2,3]; x := [true | a[i] > 1] }"),
            "nested = true if { eq(__local0__, [1, 2, 3]); eq(__local1__, [true | gt(__local0__[i], 1)]) }\n");
  EXPECT_EQ(local_vars("x = 2\nshadow_globals[x] { x := 1 }"),
            "x = 2 if { true }\nshadow_globals contains __local0__ if { eq(__local0__, 1) }\n");
  EXPECT_EQ(local_vars("shadow_rule[shadow_rule] { shadow_rule := 1 }"),
            "shadow_rule contains __local0__ if { eq(__local0__, 1) }\n");
}

TEST(StageRewriteLocalVars, RootDocumentsCanBeShadowed) {
  EXPECT_EQ(local_vars("shadow_roots_1 { data := 1; input := 2; input > data }"),
            "shadow_roots_1 = true if { eq(__local0__, 1); eq(__local1__, 2); gt(__local1__, __local0__) }\n");
  EXPECT_EQ(local_vars("shadow_roots_2 { input := {\"a\": 1}; input.a > 0 }"),
            "shadow_roots_2 = true if { eq(__local0__, {\"a\": 1}); gt(__local0__.a, 0) }\n");
  EXPECT_EQ(local_vars("skip_with_target { a := 1; input := 2; data.p with input as a }"),
            "skip_with_target = true if { eq(__local0__, 1); eq(__local1__, 2); data.p with input as __local0__ }\n");
}

TEST(StageRewriteLocalVars, ComprehensionsAreScopes) {
  EXPECT_EQ(local_vars("shadow_comprehensions { a := 1; [true | a := 2; b := 1]; b := 2 }"),
            "shadow_comprehensions = true if { eq(__local0__, 1); [true | eq(__local1__, 2); eq(__local2__, 1)]; "
            "eq(__local3__, 2) }\n");
  EXPECT_EQ(local_vars("scoping { [true | a := 1]; [true | a := 2] }"),
            "scoping = true if { [true | eq(__local0__, 1)]; [true | eq(__local1__, 2)] }\n");
  EXPECT_EQ(local_vars("head_array_comprehensions = [[x] | x := 1]\n"
                       "head_object_comprehensions = {k: [x] | k := \"foo\"; x := 1}"),
            "head_array_comprehensions = [[__local0__] | eq(__local0__, 1)] if { true }\n"
            "head_object_comprehensions = {__local1__: [__local2__] | eq(__local1__, \"foo\"); eq(__local2__, 1)} if { "
            "true }\n");
}

TEST(StageRewriteLocalVars, PatternsAndObjectKeys) {
  EXPECT_EQ(local_vars("object_keys { {k: v1, \"k2\": v2} := {\"foo\": 1, \"k2\": 2} }"),
            "object_keys = true if { eq({k: __local0__, \"k2\": __local1__}, {\"foo\": 1, \"k2\": 2}) }\n");
  EXPECT_EQ(local_vars("rewritten_object_key { k := \"foo\"; {k: 1} }"),
            "rewritten_object_key = true if { eq(__local0__, \"foo\"); {__local0__: 1} }\n");
  EXPECT_EQ(local_vars("rewritten_object_key_head[[{k: 1}]] { k := \"foo\" }"),
            "rewritten_object_key_head contains [{__local0__: 1}] if { eq(__local0__, \"foo\") }\n");
}

TEST(StageRewriteLocalVars, FunctionArguments) {
  EXPECT_EQ(local_vars("f({\"x\": [x]}) = y { x == 1; y := 2 }"),
            "f({\"x\": [__local0__]}) = __local1__ if { equal(__local0__, 1); eq(__local1__, 2) }\n");
  EXPECT_EQ(local_vars("f(x, [x]) = x { x == 1 }"),
            "f(__local0__, [__local0__]) = __local0__ if { equal(__local0__, 1) }\n");
  EXPECT_EQ(local_vars("f(x) = {x[0]: 1} { true }"), "f(__local0__) = {__local0__[0]: 1} if { true }\n");
  EXPECT_EQ(local_vars("f(x) = y { x == 1; y := 2 } else = y { x == 3; y := 4 }"),
            "f(__local0__) = __local1__ if { equal(__local0__, 1); eq(__local1__, 2) } else = __local2__ if { "
            "equal(__local0__, 3); eq(__local2__, 4) }\n");
}

TEST(StageRewriteLocalVars, SomeDeclarations) {
  EXPECT_EQ(local_vars("y = 2\np { some x; input = [x, y] }"),
            "y = 2 if { true }\np = true if { eq(input, [__local0__, data.test.y]) }\n");
  EXPECT_EQ(local_vars("head_unsafe_var[a] { some a }"), "head_unsafe_var contains __local0__ if { true }\n");
  EXPECT_EQ(local_vars("p { some x, z; z = 3; [x | x = 2; some z; z = 4] }"),
            "p = true if { eq(__local1__, 3); [__local0__ | eq(__local0__, 2); eq(__local2__, 4)] }\n");
}

TEST(StageRewriteLocalVars, SomeInBecomesUnificationWithARef) {
  std::string v1 = "package test\nxs := [\"a\"]\n";
  EXPECT_EQ(rules_after("RewriteLocalVars", v1 + "p if { some x in xs; x == \"a\" }"),
            "xs := [\"a\"] if { true }\np = true if { eq(__local2__, data.test.xs[__local1__]); equal(__local2__, "
            "\"a\") }\n");
  EXPECT_EQ(rules_after("RewriteLocalVars", v1 + "p if { some k, x in xs; x == \"a\"; k == 2 }"),
            "xs := [\"a\"] if { true }\np = true if { eq(__local1__, data.test.xs[__local0__]); equal(__local1__, "
            "\"a\"); equal(__local0__, 2) }\n");
  EXPECT_EQ(rules_after("RewriteLocalVars", "package test\np if { some i; some k, x in input.xs[i]; x == k }"),
            "p = true if { eq(__local2__, input.xs[__local0__][__local1__]); equal(__local2__, __local1__) }\n");
  EXPECT_EQ(rules_after("RewriteLocalVars", "package test\np if { some [a, b] in [[1, 2]]; a < b }"),
            "p = true if { eq([__local2__, __local3__], [[1, 2]][__local1__]); lt(__local2__, __local3__) }\n");
}

TEST(StageRewriteLocalVars, EveryDeclaresItsKeyAndValue) {
  EXPECT_EQ(rules_after("RewriteLocalVars", "package test\np if { every x in input.xs { x > 0 } }"),
            "p = true if { every __local0__, __local1__ in input.xs { gt(__local1__, 0) } }\n");
  EXPECT_EQ(rules_after("RewriteLocalVars", "package test\np if { x := 1; every k, v in input.xs { v > x; k } }"),
            "p = true if { eq(__local0__, 1); every __local1__, __local2__ in input.xs { gt(__local2__, __local0__); "
            "__local1__ } }\n");
}

TEST(StageRewriteLocalVars, LogicalOperandsAreScopes) {
  std::string policy =
      "package test\nimport future.keywords.and\np if {\n  a := -100\n  { a := 1; a > 0 } and { a := 2; a > 1 }\n"
      "  a == -100\n}\n";
  EXPECT_EQ(rules_after("RewriteLocalVars", policy, experimental_parse()),
            "p = true if { eq(__local0__, -100); {eq(__local1__, 1); gt(__local1__, 0)} and {eq(__local2__, 2); "
            "gt(__local2__, 1)}; equal(__local0__, -100) }\n");
}

TEST(StageRewriteLocalVars, RewrittenVarsMapBack) {
  auto c = compile_texts({"package test\nf(x) := y if { y := x }"}, "RewriteLocalVars");
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->program->rewritten_vars.at("__local0__"), "x");
  EXPECT_EQ(c->program->rewritten_vars.at("__local1__"), "y");
}

TEST(StageRewriteLocalVars, RedeclarationErrors) {
  std::string policy =
      "package test\n"
      "p if {\n  r1 = 1\n  r1 := 2\n}\n"
      "q if {\n  x := 1\n  x := 2\n}\n"
      "r if {\n  some x\n  some x\n}\n"
      "s if {\n  data.q[x]\n  some x\n}\n"
      "f(a) if {\n  a := 1\n}\n";
  EXPECT_EQ(errors_of(policy),
            "test.rego:4:3: rego_compile_error: var r1 referenced above\n"
            "test.rego:8:3: rego_compile_error: var x assigned above\n"
            "test.rego:12:3: rego_compile_error: var x declared above\n"
            "test.rego:16:3: rego_compile_error: var x referenced above\n"
            "test.rego:19:3: rego_compile_error: arg a redeclared\n");
}

TEST(StageRewriteLocalVars, InvalidAssignments) {
  std::string policy =
      "package test\n"
      "p if {\n  not a := 1\n}\n"
      "q if {\n  data.foo := 1\n  [z, 1] := [1, 2]\n  x + 1 := 2\n  [true | true] := []\n}\n";
  EXPECT_EQ(errors_of(policy),
            "test.rego:3:3: rego_compile_error: cannot assign vars inside negated expression\n"
            "test.rego:6:3: rego_compile_error: cannot assign to ref\n"
            "test.rego:7:7: rego_compile_error: cannot assign to number\n"
            "test.rego:8:3: rego_compile_error: cannot assign to call\n"
            "test.rego:9:3: rego_compile_error: cannot assign to arraycomprehension\n");
}

TEST(StageRewriteLocalVars, UnusedDeclarationsAndArgumentCalls) {
  EXPECT_EQ(errors_of("package test\np if {\n  some x\n}\n"),
            "test.rego:3:3: rego_compile_error: declared var x unused\n");
  EXPECT_EQ(errors_of("package test\nf(count(x)) if { true }\n"),
            "test.rego:2:3: rego_compile_error: rule arguments cannot contain calls\n");
  EXPECT_EQ(errors_of("package test\np if {\n  f := 1\n  x := f(1)\n}\n"),
            "test.rego:4:8: rego_compile_error: called function f shadowed\n");
  // A shadowed operator of an expression is renamed with the var, so the call names nothing.
  EXPECT_EQ(errors_of("package test\np if {\n  f := 1\n  f(1)\n}\n"),
            "test.rego:4:3: rego_type_error: undefined function f\n");
}

TEST(StageRewriteLocalVars, QueriesUseLocalqNames) {
  EXPECT_EQ(query_after("RewriteLocalVars", "x := 1; y := x + 1"),
            "eq(__localq0__, 1); eq(__localq1__, plus(__localq0__, 1))");
  EXPECT_EQ(query_after("RewriteLocalVars", "x := 1; x := 2"), "query:1:9: rego_compile_error: var x assigned above\n");
}

}  // namespace
}  // namespace arcane::compiler::testing
