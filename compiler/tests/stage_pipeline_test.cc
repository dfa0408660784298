// The pipeline: the stage table and its order, stopping after a stage, stopping after the
// first stage with errors, the rule tree handed to the planner, query compilation, and
// built-in tables read from OPA's capabilities.json.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "compiler/compile/stdlib_builtins.h"
#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler::testing {
namespace {

using Strings = std::vector<std::string>;

TEST(StagePipeline, StagesRunInOpasOrder) {
  Strings names;
  for (const auto& s : compile_stages()) names.push_back(std::string(s.name));
  ASSERT_EQ(names.size(), 34u);
  EXPECT_EQ(names.front(), "ResolveRefs");
  auto pos = [&](const char* n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  EXPECT_LT(pos("RewriteLocalVars"), pos("RewriteExprTerms"));
  EXPECT_LT(pos("CheckSafetyRuleHeads"), pos("CheckSafetyRuleBodies"));
  EXPECT_LT(pos("CheckSafetyRuleBodies"), pos("RewriteEquals"));
  EXPECT_LT(pos("CheckRecursion"), pos("CheckTypes"));
  EXPECT_TRUE(is_stage_name("CheckSafety"));  // a query stage
  EXPECT_FALSE(is_stage_name("Frobnicate"));
}

TEST(StagePipeline, StopAfterAStage) {
  std::string policy = "package test\np := x if { x := count(input.xs) }";
  EXPECT_EQ(rules_after("ResolveRefs", policy), "p := x if { assign(x, count(input.xs)) }\n");
  EXPECT_EQ(rules_after("RewriteLocalVars", policy), "p := __local0__ if { eq(__local0__, count(input.xs)) }\n");
  EXPECT_EQ(rules_after("RewriteExprTerms", policy),
            "p := __local0__ if { count(input.xs, __local1__); eq(__local0__, __local1__) }\n");
  EXPECT_EQ(
      compiled_rules(policy),
      "p := __local0__ if { eq(__local2__, input.xs); count(__local2__, __local1__); eq(__local0__, __local1__) }\n");
  auto c = compile_texts({policy}, "SetRuleTree");
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->program->last_stage, "SetRuleTree");
  auto bad = compile_texts({policy}, "NoSuchStage");
  EXPECT_FALSE(bad->program);
}

TEST(StagePipeline, CompilationStopsAfterTheFirstStageWithErrors) {
  // Both an unsafe var (CheckSafetyRuleBodies) and a recursion (later): only the first shows.
  auto c = compile_texts({"package test\np if { q; x > 1 }\nq if { p }"});
  EXPECT_FALSE(c->program);
  EXPECT_EQ(c->errors(), "test.rego:2:11: rego_unsafe_var_error: var x is unsafe\n");
}

TEST(StagePipeline, ModulesAreSortedByName) {
  auto c = compile_named({{"b.rego", "package b\nq := 1"}, {"a.rego", "package a\np := 1"}});
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->program->modules[0].name, "a.rego");
  EXPECT_EQ(dump_rules(*c->program), "package a\np := 1 if { true }\npackage b\nq := 1 if { true }\n");
}

TEST(StageRuleTree, KindsDefaultsAndRefHeads) {
  std::string policy =
      "package test\n"
      "default allow := false\nallow if input.ok\n"
      "s contains x if some x in input.xs\n"
      "o[k] := v if some k, v in input.m\n"
      "f(x) := x + 1\n"
      "a.b.c := 1\n"
      "a.b[x].d := 2 if some x in input.ys\n"
      "e := 1 if false else := 2\n";
  auto c = compile_texts({policy});
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_EQ(dump_rule_tree(*c->program),
            "data.test.a.b: partial object, 1 rule\n"
            "data.test.a.b.c: complete, 1 rule\n"
            "data.test.allow: complete, 2 rules (1 default)\n"
            "data.test.e: complete, 1 rule\n"
            "data.test.f: function, 1 rule\n"
            "data.test.o: partial object, 1 rule\n"
            "data.test.s: partial set, 1 rule\n");
  std::vector<ast::Term> path;
  path.push_back(ast::make_var("data", {}));
  path.push_back(ast::make_string("test", {}));
  path.push_back(ast::make_string("e", {}));
  const auto* rules = c->program->rules_exact(path);
  ASSERT_NE(rules, nullptr);
  ASSERT_NE(rules->front().rule->else_rule, nullptr);
  EXPECT_EQ(ast::to_string(*rules->front().rule->else_rule->head.value), "2");
  EXPECT_EQ(c->program->arity(path), 0);
}

TEST(StageRuleTree, EmptyPackagesAndSystemAreNodes) {
  auto c = compile_named({{"a.rego", "package system.authz\nallow := true"}, {"b.rego", "package empty"}});
  ASSERT_TRUE(c->program);
  std::vector<ast::Term> sys;
  sys.push_back(ast::make_var("data", {}));
  sys.push_back(ast::make_string("system", {}));
  ASSERT_NE(c->program->find(sys), nullptr);
  EXPECT_TRUE(c->program->find(sys)->hide);
  sys[1] = ast::make_string("empty", {});
  EXPECT_NE(c->program->find(sys), nullptr);
}

TEST(StageQuery, RewrittenLikeRuleBodies) {
  std::string policy = "package test\nf(x) := x + 1\np := 7";
  EXPECT_EQ(query_after("", "data.test.f(1) = x", {policy}), "data.test.f(1, __localq0__); eq(__localq0__, x)");
  EXPECT_EQ(query_after("", "x := [y | y := data.test.p]", {policy}),
            "eq(__localq1__, [__localq0__ | eq(__localq0__, data.test.p)])");
  EXPECT_EQ(query_after("", "x = $\"foo{data.test.p}\"", {policy}),
            "eq(__localq2__, {__localq0__ | eq(__localq0__, data.test.p)}); internal.template_string([\"foo\", "
            "__localq2__], __localq1__); eq(x, __localq1__)");
  // Queries keep `==` (no RewriteEquals), its operands bound first like any call's.
  EXPECT_EQ(query_after("", "data.test.p == 7", {policy}), "eq(__localq0__, data.test.p); equal(__localq0__, 7)");
  EXPECT_EQ(query_after("", "print(1)", {policy}), "true");
  EXPECT_EQ(query_after("", "print(1)", {policy}, true),
            "eq(__localq1__, {__localq0__ | eq(__localq0__, 1)}); internal.print([__localq1__])");
  EXPECT_EQ(query_after("", "x := 1 with input as y", {policy}),
            "query:1:1: rego_unsafe_var_error: var x is unsafe\nquery:1:1: rego_unsafe_var_error: var y is unsafe\n");
}

TEST(StageQuery, ResultVarsAndRewrittenNames) {
  auto c = compile_texts({"package test\np := 1"});
  ASSERT_TRUE(c->program);
  uint32_t id = c->sources.add("query", "x := data.test.p; y = x; z = 2");
  auto body = parse_query(c->sources, id, {}, c->diags);
  auto q = compile_query(*c->program, std::move(*body), {}, c->diags);
  ASSERT_TRUE(q.ok()) << c->errors();
  EXPECT_EQ(q->result_vars, (Strings{"__localq0__", "y", "z"}));
  EXPECT_EQ(q->rewritten_vars.at("__localq0__"), "x");
  uint32_t empty = c->sources.add("query2", " ");
  auto nothing = parse_query(c->sources, empty, {}, c->diags);
  if (nothing.ok()) {
    EXPECT_FALSE(compile_query(*c->program, std::move(*nothing), {}, c->diags).ok());
  }
}

TEST(StageBuiltins, CapabilitiesJsonIsATable) {
  auto t = builtins_from_capabilities(
      R"({"builtins":[{"name":"count","decl":{"type":"function","args":[{"type":"any"}],"result":{"type":"number"}}},)"
      R"({"name":"print","decl":{"type":"function","variadic":{"type":"any"}}},)"
      R"({"name":"walk","decl":{"type":"function","args":[{"type":"any"}],"result":{"type":"any"}},"relation":true}]})");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)->find("count")->arity, 1);
  EXPECT_FALSE((*t)->find("print")->has_result);
  EXPECT_TRUE((*t)->find("print")->variadic);
  EXPECT_TRUE((*t)->find("walk")->relation);
  EXPECT_FALSE(builtins_from_capabilities("{}").ok());
  EXPECT_FALSE(builtins_from_capabilities("not json").ok());
}

TEST(StageBuiltins, OpasCapabilitiesFileLoads) {
  const char* shared = std::getenv("ARCANE_SHARED_DIR");
  if (shared == nullptr) GTEST_SKIP() << "ARCANE_SHARED_DIR not set";
  std::ifstream in(std::string(shared) + "/conformance/opa/capabilities.json");
  if (!in) GTEST_SKIP() << "no capabilities.json";
  std::stringstream ss;
  ss << in.rdbuf();
  auto t = builtins_from_capabilities(ss.str());
  ASSERT_TRUE(t.ok());
  EXPECT_GT((*t)->size(), 190u);
  EXPECT_EQ((*t)->find("internal.member_3")->arity, 3);
}

TEST(StageBuiltins, StdlibTableIsATable) {
  auto t = builtins_from_stdlib();
  ASSERT_NE(t->find("equal"), nullptr);
  EXPECT_EQ(t->find("equal")->arity, 2);
  EXPECT_TRUE(t->find("equal")->has_result);
}

}  // namespace
}  // namespace arcane::compiler::testing
