// CheckSafetyRuleHeads / CheckSafetyRuleBodies and the query's CheckSafety: bodies are
// reordered so vars are bound before use; unbindable vars are errors. Cases follow OPA's
// TestCompilerCheckSafetyBodyReordering, ...BodyErrors, ...Head and ...VarLoc.
#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler::testing {
namespace {

const std::string kData = "package a.b.d\nt := true\n";

std::string reordered(const std::string& body) {
  auto c = compile_texts({kData, "package test\np if { " + body + " }"}, "CheckSafetyRuleBodies");
  if (!c->program) return c->errors();
  return ast::to_string(c->program->modules.back().module.rules[0].body);
}

TEST(StageCheckSafety, BodiesAreReorderedMinimally) {
  EXPECT_EQ(reordered("x = 1; x != 0"), "eq(x, 1); neq(x, 0)");
  EXPECT_EQ(reordered("a[i] = x; a = [1, 2, 3, 4]"), "eq(a, [1, 2, 3, 4]); eq(a[i], x)");
  EXPECT_EQ(reordered("a = [1, 2, 3, 4]; a[b[i]] = x; b = [0, 0, 0, 0]"),
            "eq(a, [1, 2, 3, 4]); eq(b, [0, 0, 0, 0]); eq(a[b[i]], x)");
  EXPECT_EQ(reordered("a = [true, false]; b = [true, false]; not a[i]; b[i]"),
            "eq(a, [true, false]); eq(b, [true, false]); b[i]; not a[i]");
  EXPECT_EQ(reordered("x != 0; count([1, 2, 3], x)"), "count([1, 2, 3], x); neq(x, 0)");
  EXPECT_EQ(reordered("x = y; z = 1; y = z"), "eq(z, 1); eq(y, z); eq(x, y)");
  EXPECT_EQ(reordered("x = y; 1 = z; z = y"), "eq(1, z); eq(z, y); eq(x, y)");
  EXPECT_EQ(reordered("x != 0; y = x; y = 1"), "eq(y, 1); eq(y, x); neq(x, 0)");
  EXPECT_EQ(reordered("x != 0; [y | y = 1] = x"), "eq([y | eq(y, 1)], x); neq(x, 0)");
  EXPECT_EQ(reordered("data.a.b.d.t with input as x; x = 1"), "eq(x, 1); data.a.b.d.t with input as x");
  EXPECT_EQ(reordered("data.a.b.d.t with input.x as x; x = 1"), "eq(x, 1); data.a.b.d.t with input.x as x");
  EXPECT_EQ(reordered("s = [[\"foo\"], [\"bar\"]]; x = y[0]; y = s[_]; startswith(x, \"oo\")"),
            "eq(s, [[\"foo\"], [\"bar\"]]); eq(y, s[$0]); eq(x, y[0]); startswith(x, \"oo\")");
}

TEST(StageCheckSafety, EveryAndClosuresWaitForTheVarsTheyRead) {
  EXPECT_EQ(reordered("every _ in [] { x != 1 }; x = 1"),
            "eq(__local1__, []); eq(x, 1); every __local0__, $0 in __local1__ { neq(x, 1) }");
  EXPECT_EQ(reordered("every _ in xs { true }; xs = [1]"),
            "eq(xs, [1]); eq(__local1__, xs); every __local0__, $0 in __local1__ { true }");
  auto c = compile_texts({"package compr\nimport data.b\nimport data.c\n"
                          "p = true if { v = [null | true]; xs = [x | a[i] = x; a = [y | y != 1; y = c[j]]]; "
                          "xs[j] > 0; z = [true | data.a.b.d.t with input as i2; i2 = i]; b[i] = j }"},
                         "CheckSafetyRuleBodies");
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_EQ(ast::to_string(c->program->modules[0].module.rules[0].body),
            "eq(v, [null | true]); eq(data.b[i], j); eq(xs, [x | eq(a, [y | eq(y, data.c[j]); neq(y, 1)]); "
            "eq(a[i], x)]); gt(xs[j], 0); eq(z, [true | eq(i2, i); data.a.b.d.t with input as i2])");
}

TEST(StageCheckSafety, UserFunctionOutputs) {
  auto c = compile_texts({"package compr\nfn(x) = y if { trim(x, \".\", y) }\n"
                          "r = true if { a = [x | split(y, \".\", z); x = z[i]; fn(\"...foo.bar..\", y)] }"},
                         "CheckSafetyRuleBodies");
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_EQ(ast::to_string(c->program->modules[0].module.rules[1].body),
            "eq(a, [x | data.compr.fn(\"...foo.bar..\", y); split(y, \".\", z); eq(x, z[i])])");
}

std::string unsafe(const std::string& rules) {
  std::string head = "package a.b\nimport input.aref.b.c as foo\nimport input.avar as bar\nimport data.m.n as baz\n";
  auto c = compile_texts({head + rules}, "CheckSafetyRuleBodies");
  std::string out;
  for (const auto& d : c->diags.items()) out += d.message + "; ";
  return out;
}

TEST(StageCheckSafety, UnsafeVarErrors) {
  EXPECT_EQ(unsafe("p if { a.b.c = \"foo\" }"), "var a is unsafe; ");
  EXPECT_EQ(unsafe("p if { a = [1, 2, 3, 4]; not a[i] = x }"), "var i is unsafe; var x is unsafe; ");
  EXPECT_EQ(unsafe("p if { count([1, 2, x], x) }"), "var x is unsafe; ");
  EXPECT_EQ(unsafe("p if { count(eq, 1) }"), "var eq is unsafe; ");
  EXPECT_EQ(unsafe("p if { x > 0; x <= 3; x != 2 }"), "var x is unsafe; ");
  EXPECT_EQ(unsafe("p if { x = \"a\"; [{x, y}] = [{1, 2}]}"), "var y is unsafe; ");
  EXPECT_EQ(unsafe("p if { _ = [x | x = data.a[_]; y > 1] }"), "var y is unsafe; ");
  EXPECT_EQ(unsafe("p if { _ = [x | x = a[_]; a = [y | y = data.a[_]; z > 1]] }"), "var z is unsafe; ");
  EXPECT_EQ(unsafe("p if { _ = [v | v = [x | x = data.a[_]]; x > 1] }"), "var x is unsafe; ");
  EXPECT_EQ(unsafe("p if { _ = [u | true] }"), "var u is unsafe; ");
  EXPECT_EQ(unsafe("p if { x = [x | x = 1] }"), "var x is unsafe; ");
  EXPECT_EQ(unsafe("p if { count(baz[i].attr[bar[dead.beef]], n) }"), "var dead is unsafe; ");
  EXPECT_EQ(unsafe("p if { not foo; not bar; not baz }"), "");
  EXPECT_EQ(unsafe("p if { data.a.b.d.t with input as x }"), "var x is unsafe; ");
  EXPECT_EQ(unsafe("p if { false } else if { count(x, 1) }"), "var x is unsafe; ");
  EXPECT_EQ(unsafe("p if { f(x, x) }\nf(x) = x if { true }"), "var x is unsafe; ");
  EXPECT_EQ(unsafe("p if { every y in [10] { x > y } }"), "var x is unsafe; ");
}

TEST(StageCheckSafety, ErrorsAreLocatedAtTheFirstExpression) {
  EXPECT_EQ(errors_of("package test\np if {\n\tnot x\n\tx > y\n}"),
            "test.rego:3:2: rego_unsafe_var_error: var x is unsafe\n"
            "test.rego:4:2: rego_unsafe_var_error: var y is unsafe\n");
  EXPECT_EQ(errors_of("package test\np if {\n  x in input\n}"),
            "test.rego:3:3: rego_unsafe_var_error: var x is unsafe\n");
  EXPECT_EQ(errors_of("package test\np {\n  in\n}", v0_parse()),
            "test.rego:3:3: rego_unsafe_var_error: var in is unsafe (hint: `import future.keywords.in` to import a "
            "future keyword)\n");
}

TEST(StageCheckSafetyRuleHeads, HeadVarsMustBeBoundInTheBody) {
  std::string policy =
      "package a.b\nq := {}\n"
      "unboundKey[x1] = y if { q[y] = {\"foo\": [1, 2, [{\"bar\": y}]]} }\n"
      "unboundVal[y] = x2 if { q[y] = {\"foo\": [1, 2, [{\"bar\": y}]]} }\n"
      "unboundCompositeKey contains [{\"x\": x4}] if { q[y] }\n"
      "unboundBuiltinOperator = eq if { 4 = 1 }\n"
      "unboundElse if { false } else = else_var if { true }\n"
      "c.d.e[x5] if true\n"
      "i.j.k contains x7 if true\n";
  auto c = compile_texts({policy}, "CheckSafetyRuleHeads");
  std::string out;
  for (const auto& d : c->diags.items()) out += d.message + "; ";
  EXPECT_EQ(out,
            "var x1 is unsafe; var x2 is unsafe; var x4 is unsafe; var eq is unsafe; var else_var is unsafe; "
            "var x5 is unsafe; var x7 is unsafe; ");
  EXPECT_EQ(errors_of("package test\np contains x if {\n  y := 1\n}"),
            "test.rego:2:1: rego_unsafe_var_error: var x is unsafe\n");
}

TEST(StageCheckSafety, QueriesAreReorderedToo) {
  EXPECT_EQ(query_after("CheckSafety", "x > 1; x = 2"), "eq(x, 2); gt(x, 1)");
  EXPECT_EQ(query_after("CheckSafety", "y > 1"), "query:1:1: rego_unsafe_var_error: var y is unsafe\n");
  EXPECT_EQ(query_after("", "x := data.a.b.d.t", {kData}), "eq(__localq0__, data.a.b.d.t)");
}

}  // namespace
}  // namespace arcane::compiler::testing
