// The rewriting stages after RewriteLocalVars: template strings, print, expression terms,
// comprehension terms, refs in heads, `with` values, equals and dynamic terms. Expectations
// follow OPA's compile_test.go where it has the case.
#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler::testing {
namespace {

const std::string kStr = "package test\nstr = \"hello\"\n";

std::string dynamics(const std::string& rule) {
  return nth_body("RewriteDynamicTerms", kStr + rule, 1, v0_parse());
}

TEST(StageRewriteDynamicTerms, OperandsAreBoundToVarsFirst) {
  EXPECT_EQ(dynamics("arr { [str] }"), "eq(__local0__, data.test.str); [__local0__]");
  EXPECT_EQ(dynamics("obj2 { {\"x\": {\"y\": str}} }"), "eq(__local0__, data.test.str); {\"x\": {\"y\": __local0__}}");
  EXPECT_EQ(dynamics("set { {str} }"), "eq(__local0__, data.test.str); {__local0__}");
  EXPECT_EQ(dynamics("ref { str[str] }"), "eq(__local0__, data.test.str); data.test.str[__local0__]");
  EXPECT_EQ(dynamics("ref2 { str[str[str]] }"),
            "eq(__local0__, data.test.str); eq(__local1__, data.test.str[__local0__]); data.test.str[__local1__]");
  EXPECT_EQ(dynamics("arr_compr2 { [1 | [1 | [str]]] }"), "[1 | [1 | eq(__local0__, data.test.str); [__local0__]]]");
  EXPECT_EQ(dynamics("equality { str = str }"), "eq(data.test.str, data.test.str)");
  EXPECT_EQ(dynamics("equality2 { [str] = [str] }"),
            "eq(__local0__, data.test.str); eq(__local1__, data.test.str); eq([__local0__], [__local1__])");
  EXPECT_EQ(dynamics("call { startswith(str, \"\") }"), "eq(__local0__, data.test.str); startswith(__local0__, \"\")");
  EXPECT_EQ(dynamics("call2 { count([str], n) }"), "eq(__local0__, data.test.str); count([__local0__], n)");
}

TEST(StageRewriteDynamicTerms, LiftedExpressionsKeepWith) {
  EXPECT_EQ(dynamics("eq_with { [str] = [1] with input as 1 }"),
            "eq(__local0__, data.test.str) with input as 1; eq([__local0__], [1]) with input as 1");
  EXPECT_EQ(dynamics("call_with { count(str) with input as 1 }"),
            "eq(__local0__, data.test.str) with input as 1; count(__local0__) with input as 1");
  EXPECT_EQ(nth_body("RewriteDynamicTerms", kStr + "call_func { f(input, \"foo\") }\nf(x, y) { x[y] }", 1, v0_parse()),
            "eq(__local2__, input); data.test.f(__local2__, \"foo\")");
}

TEST(StageRewriteEquals, TopLevelEqualityBecomesUnification) {
  std::string m = "package test\n";
  EXPECT_EQ(nth_body("RewriteEquals", m + "p { count([1,2]) == 2 }", 0, v0_parse()),
            "count([1, 2], __local0__); eq(__local0__, 2)");
  EXPECT_EQ(nth_body("RewriteEquals", m + "p { x = 1; y = [x == 0] }", 0, v0_parse()),
            "eq(x, 1); equal(x, 0, __local0__); eq(y, [__local0__])");
  EXPECT_EQ(nth_body("RewriteEquals", m + "p { x = 0; neq(true, x == 1) }", 0, v0_parse()),
            "eq(x, 0); equal(x, 1, __local0__); neq(true, __local0__)");
}

TEST(StageRewriteExprTerms, NestedCallsAreLifted) {
  EXPECT_EQ(nth_body("RewriteExprTerms", "package test\np if { x := count(split(input.s, \",\")); x > 1 }", 0),
            "split(input.s, \",\", __local1__); count(__local1__, __local2__); eq(__local0__, __local2__); "
            "gt(__local0__, 1)");
  EXPECT_EQ(nth_rule("RewriteExprTerms", "package test\nf(x) := count(x) + 1", 0),
            "f(__local0__) := __local2__ if { true; count(__local0__, __local1__); plus(__local1__, 1, __local2__) }");
  EXPECT_EQ(nth_body("RewriteExprTerms", "package test\np if { [1, 2][i] > 0 }", 0),
            "eq(__local0__, [1, 2]); gt(__local0__[i], 0)");
  EXPECT_EQ(nth_body("RewriteExprTerms", "package test\np if { every x in numbers.range(1, 3) { x > 0 } }", 0),
            "numbers.range(1, 3, __local3__); eq(__local2__, __local3__); every __local0__, __local1__ in __local2__ { "
            "gt(__local1__, 0) }");
}

TEST(StageRewriteExprTerms, PrintOfNestedCallOutput) {
  std::string policy = "package test\np {\n  x := split(\"abc\", \"\")[y]\n  print(x, y)\n}\n";
  auto c = compile_texts({policy}, "", v0_parse(), true);
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_EQ(ast::to_string(c->program->modules[0].module.rules[0].body),
            "split(\"abc\", \"\", __local3__); eq(__local0__, __local3__[y]); eq(__local4__, {__local1__ | "
            "eq(__local1__, __local0__)}); eq(__local5__, {__local2__ | eq(__local2__, y)}); "
            "internal.print([__local4__, __local5__])");
}

TEST(StageRewritePrintCalls, ErasedWhenDisabled) {
  EXPECT_EQ(compiled_rules("package test\np { print(1) }", v0_parse()), "p = true if { true }\n");
  EXPECT_EQ(compiled_rules("package test\np { false; print(1) }", v0_parse()), "p = true if { false }\n");
  EXPECT_EQ(compiled_rules("package test\np { [1 | false; print(1)] }", v0_parse()), "p = true if { [1 | false] }\n");
}

TEST(StageRewritePrintCalls, OperandsAreCapturedWhenEnabled) {
  auto body = [](const std::string& rules) {
    auto c = compile_texts({"package test\n" + rules}, "", v0_parse(), true);
    return c->program ? ast::to_string(c->program->modules[0].module.rules[0].body) : c->errors();
  };
  EXPECT_EQ(body("p { print(1) }"), "eq(__local1__, {__local0__ | eq(__local0__, 1)}); internal.print([__local1__])");
  EXPECT_EQ(body("p { print(1, 2) }"),
            "eq(__local2__, {__local0__ | eq(__local0__, 1)}); eq(__local3__, {__local1__ | eq(__local1__, 2)}); "
            "internal.print([__local2__, __local3__])");
  EXPECT_EQ(body("p { x = 1; {2 | print(x)} }"),
            "eq(x, 1); {2 | eq(__local1__, {__local0__ | eq(__local0__, x)}); internal.print([__local1__])}");
  EXPECT_EQ(body("p { print(x) }"), "test.rego:2:11: rego_compile_error: var x is undeclared\n");
  EXPECT_EQ(body("p { print(x); x = 7 }"), "test.rego:2:11: rego_compile_error: var x is undeclared\n");
}

TEST(StageRewriteTemplateStrings, PartsAreCapturedInSetComprehensions) {
  EXPECT_EQ(nth_rule("RewriteTemplateStrings", "package test\np := $\"a{input.x}b\"", 0),
            "p := internal.template_string([\"a\", {__local0__ | eq(__local0__, input.x)}, \"b\"]) if { true }");
  EXPECT_EQ(nth_body("RewriteTemplateStrings", "package test\np if { x := 1; y := $\"{x + 1}\" }", 0),
            "eq(__local0__, 1); eq(__local1__, internal.template_string([{__local2__ | eq(__local2__, plus(__local0__, "
            "1))}]))");
  EXPECT_EQ(nth_rule("RewriteTemplateStrings", "package test\np := $\"\"", 0),
            "p := internal.template_string([\"\"]) if { true }");
  EXPECT_EQ(errors_of("package test\np := $\"{x}\""), "test.rego:2:9: rego_compile_error: var x is undeclared\n");
  EXPECT_EQ(errors_of("package test\np := $\"{walk(input)}\""),
            "test.rego:2:9: rego_compile_error: illegal call to relation built-in 'walk' that may cause multiple "
            "outputs\n");
}

TEST(StageRewriteComprehensionTerms, TermsNeedingEvaluationMoveIntoTheBody) {
  EXPECT_EQ(nth_body("RewriteComprehensionTerms", "package test\np if { xs := [x[0] | x := input.y[_]] }", 0),
            "eq(__local1__, [__local2__ | eq(__local0__, input.y[$0]); eq(__local2__, __local0__[0])])");
  EXPECT_EQ(
      nth_body("RewriteComprehensionTerms", "package test\np if { xs := {k: input.v[k] | some k in input.ks} }", 0),
      "eq(__local3__, {__local2__: __local4__ | eq(__local2__, input.ks[__local1__]); eq(__local4__, "
      "input.v[__local2__])})");
}

TEST(StageRewriteRefsInHead, HeadTermsNeedingEvaluationMoveIntoTheBody) {
  EXPECT_EQ(nth_rule("RewriteRefsInHead", "package test\np contains {\"foo\": input.foo[i]} if { i < 100 }", 0),
            "p contains __local0__ if { lt(i, 100); eq(__local0__, {\"foo\": input.foo[i]}) }");
  EXPECT_EQ(nth_rule("RewriteRefsInHead", "package test\np := [x | x := input.a[_]]", 0),
            "p := __local1__ if { true; eq(__local1__, [__local0__ | eq(__local0__, input.a[$0])]) }");
}

TEST(StageRewriteRuleHeadRefs, NonScalarRefPartsBecomeVars) {
  EXPECT_EQ(nth_rule("RewriteRuleHeadRefs", "package test\np.q[input.x].r := 1", 0),
            "p.q[__local0__].r := 1 if { true; eq(__local0__, input.x) }");
  EXPECT_EQ(nth_rule("RewriteRuleHeadRefs", "package test\np[input.x] := 1", 0),
            "p[__local0__] := 1 if { true; eq(__local0__, input.x) }");
}

TEST(StageRewriteWithValues, ValuesNeedingEvaluationAreBoundFirst) {
  std::string fixture = "package test\narr = [\"hello\", \"goodbye\"]\n";
  auto with = [&](const std::string& rule) { return nth_rule("RewriteWithValues", fixture + rule, 1, v0_parse()); };
  EXPECT_EQ(with("p { true with input as 1 }"), "p = true if { true with input as 1 }");
  EXPECT_EQ(with("p { true with input as arr }"),
            "p = true if { eq(__local0__, data.test.arr); true with input as __local0__ }");
  EXPECT_EQ(with("p { true with input as [true | true] }"),
            "p = true if { eq(__local0__, [true | true]); true with input as __local0__ }");
  EXPECT_EQ(with("p { true with input as [true | true with input as arr] }"),
            "p = true if { eq(__local0__, [true | eq(__local1__, data.test.arr); true with input as __local1__]); true "
            "with input as __local0__ }");
  EXPECT_EQ(with("p { true with input.a as arr[0] with input.b as arr[1] }"),
            "p = true if { eq(__local0__, data.test.arr[0]); eq(__local1__, data.test.arr[1]); true with input.a as "
            "__local0__ with input.b as __local1__ }");
}

TEST(StageRewriteWithValues, TargetsAreValidated) {
  EXPECT_EQ(
      errors_of("package test\np if { true with foo.q as 1 }"),
      "test.rego:2:18: rego_type_error: with keyword target must reference existing input, data, or a function\n");
  EXPECT_EQ(errors_of("package test\np := {\"a\": 1}\nq := x if { x := p with p.a as 2 }"),
            "test.rego:3:25: rego_compile_error: with keyword cannot partially replace virtual document(s)\n");
  EXPECT_EQ(errors_of("package test\np if { true with eq as 1 }"),
            "test.rego:2:18: rego_compile_error: with keyword replacing built-in function: replacement of \"eq\" "
            "invalid\n");
  EXPECT_EQ(errors_of("package test\np if { true with walk as 1 }"),
            "test.rego:2:18: rego_compile_error: with keyword replacing built-in function: target must not be a "
            "relation\n");
  EXPECT_EQ(errors_of("package test\np if { true with internal.member_2 as 1 }"),
            "test.rego:2:18: rego_compile_error: with keyword replacing built-in function: replacement of internal "
            "function \"internal.member_2\" invalid\n");
}

TEST(StageRewriteWithValues, FunctionReplacementsStayRefs) {
  std::string policy =
      "package test\nf(x) := 1\ng(x) := 2\np if { f(1) with f as g }\nq if { count([]) with count as g }";
  EXPECT_EQ(nth_body("RewriteWithValues", policy, 2), "data.test.f(1) with data.test.f as data.test.g");
  EXPECT_EQ(nth_body("RewriteWithValues", policy, 3), "count([]) with count as data.test.g");
}

}  // namespace
}  // namespace arcane::compiler::testing
