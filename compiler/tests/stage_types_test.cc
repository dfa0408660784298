// CheckTypes: OPA's type checker over built-in calls, unification and refs, with OPA's
// messages and details, and the policies it must accept.
#include <gtest/gtest.h>

#include "compiler/compile/stdlib_builtins.h"
#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler::testing {
namespace {

struct Checked {
  runtime::SourceSet sources;
  runtime::Diagnostics diags{20};
};

std::unique_ptr<Checked> check_with(const std::string& module, std::shared_ptr<const BuiltinTable> builtins,
                                    const std::string& query = "") {
  auto c = std::make_unique<Checked>();
  uint32_t id = c->sources.add("test.rego", module);
  auto m = parse_module(c->sources, id, {}, c->diags);
  if (!m.ok()) return c;
  std::vector<ast::Module> modules;
  modules.push_back(std::move(*m));
  CompileOptions options;
  options.builtins = std::move(builtins);
  options.sources = &c->sources;
  auto p = compile(std::move(modules), options, c->diags);
  if (!p.ok() || query.empty()) return c;
  uint32_t qid = c->sources.add("query", query);
  auto body = parse_query(c->sources, qid, {}, c->diags);
  if (!body.ok()) return c;
  QueryOptions qo;
  qo.sources = &c->sources;
  (void)compile_query(*p, std::move(*body), qo, c->diags);
  return c;
}

std::unique_ptr<Checked> check(const std::string& module, const std::string& query = "") {
  static const auto table = builtins_from_stdlib();
  return check_with(module, table, query);
}

// Each error as OPA's CLI prints it: position, code, message, then the detail lines.
std::string errors(const Checked& c) {
  std::string out;
  for (const auto& d : c.diags.items()) out += runtime::render_human(d, c.sources, runtime::RenderStyle::kOpa) + "\n";
  return out;
}

std::string errors_of(const std::string& module, const std::string& query = "") {
  return errors(*check(module, query));
}

TEST(StageTypes, BuiltinOperandTypes) {
  auto c = check("package authz\n\nmax_calls := 10\n\nover_budget if input.calls + \"1\" > max_calls\n");
  EXPECT_EQ(errors(*c),
            "test.rego:5: rego_type_error: plus: invalid argument(s)\n"
            "\thave: (any, string, \?\?\?)\n"
            "\twant: (x: number, y: number, z: number)\n");
  ASSERT_EQ(c->diags.size(), 1u);
  EXPECT_EQ(c->diags.items()[0].details,
            R"({"have":[{"type":"any"},{"type":"string"},null],"want":{"args":[{"name":"x","type":"number"},)"
            R"({"name":"y","type":"number"},{"description":"the sum of `x` and `y`","name":"z","type":"number"}]}})");
  EXPECT_EQ(runtime::render_json(c->diags, c->sources, 2).find("\"details\": {\n        \"have\": [") !=
                std::string::npos,
            true);
}

TEST(StageTypes, VariablesKeepTheirType) {
  EXPECT_EQ(errors_of("package test\n\np if {\n\tx := 1\n\tstartswith(x, \"a\")\n}\n"),
            "test.rego:5: rego_type_error: startswith: invalid argument(s)\n"
            "\thave: (number, string)\n"
            "\twant: (search: string, base: string, result: boolean)\n");
}

TEST(StageTypes, MatchError) {
  EXPECT_EQ(errors_of("package test\n\np if {\n\tx := 1\n\tx = \"a\"\n}\n"),
            "test.rego:5: rego_type_error: match error\n"
            "\tleft  : number\n"
            "\tright : string\n");
}

TEST(StageTypes, RefIntoScalar) {
  EXPECT_EQ(errors_of("package test\n\np if {\n\tx := 1\n\tx.foo\n}\n"),
            "test.rego:5: rego_type_error: undefined ref: x.foo\n"
            "\tx.foo\n"
            "\t^\n"
            "\thave: number\n");
}

TEST(StageTypes, RefIntoKnownObject) {
  EXPECT_EQ(errors_of("package test\n\np if {\n\tx := {\"a\": 1}\n\tx.b\n}\n"),
            "test.rego:5: rego_type_error: undefined ref: x.b\n"
            "\tx.b\n"
            "\t  ^\n"
            "\t  have: \"b\"\n"
            "\t  want (one of): [\"a\"]\n");
}

TEST(StageTypes, UserFunctionTypes) {
  EXPECT_EQ(errors_of("package test\n\nf(x) := x + 1\n\np if f(\"a\")\n"),
            "test.rego:5: rego_type_error: data.test.f: invalid argument(s)\n"
            "\thave: (string)\n"
            "\twant: (number, number)\n");
}

TEST(StageTypes, RuleTypes) {
  EXPECT_EQ(errors_of("package test\n\nr := \"s\"\n\np if r + 1 > 0\n"),
            "test.rego:5: rego_type_error: plus: invalid argument(s)\n"
            "\thave: (string, number, \?\?\?)\n"
            "\twant: (x: number, y: number, z: number)\n");
}

TEST(StageTypes, SeveralErrorsInSourceOrder) {
  std::string got = errors_of("package test\n\nq if count(1)\n\np if startswith(1, \"a\")\n");
  EXPECT_EQ(got.find("test.rego:3: rego_type_error: count: invalid argument(s)"), 0u) << got;
  EXPECT_NE(got.find("test.rego:5: rego_type_error: startswith: invalid argument(s)"), std::string::npos) << got;
}

TEST(StageTypes, QueriesSeeRuleTypes) {
  EXPECT_EQ(errors_of("package test\n\nr := \"s\"\n", "data.test.r + 1"),
            "query:1: rego_type_error: plus: invalid argument(s)\n"
            "\thave: (string, number)\n"
            "\twant: (x: number, y: number, z: number)\n");
}

// Policies OPA accepts must compile: unknown types are never rejected.
TEST(StageTypes, AcceptsWhatOpaAccepts) {
  const char* ok[] = {
      "package test\np if { x := input.a; x + 1 > 2; x.b }",
      "package test\np := object.get(input, [\"a\", \"b\"], 1)",
      "package test\nq := {k: v | some k, v in input.m}\np if q.foo == 1",
      "package test\nr contains x if { some x in [1, 2] }\np if r[1]",
      "package test\nf(x) := y if { y := x.foo }\np if f({\"foo\": 1}) == 1",
      "package test\nf(x) := 1 if x > 1\nf(x) := \"a\" if x <= 1\np if f(2)",
      "package test\np if { s := sprintf(\"%v\", [input.x]); startswith(s, \"a\") }",
      "package test\na[k] := v if { some k, v in {\"x\": 1} }\np if a.x + 1",
      "package test\np if { xs := [x | x := input.y[_]]; count(xs) > 0 }",
      "package test\np if { every x in input.xs { x > 1 } }",
      "package test\np if { x := {\"a\": {\"b\": [1, 2]}}; x.a.b[0] + 1 > 1 }",
      "package test\nimport data.other\np if other.q + 1 > 0",
      "package test\np if { some i; input.xs[i] == 1; i + 1 > 0 }",
      "package test\nd := {\"a\": 1}\np if { some k; d[k]; startswith(k, \"a\") }",
      "package test\np if { x := [1, \"a\"]; x[0] + 1 > 0 }",
      "package test\np if { walk(input, [path, value]); count(path) > 0 }",
      "package test\ndefault allow := false\nallow if input.x\np if allow == true",
      "package test\np := concat(\",\", {\"a\", \"b\"})",
      "package test\np if { x := null; x == null }",
      "package test\np if { print(\"x\", 1) }",
  };
  for (const char* module : ok) EXPECT_EQ(errors_of(module), "") << module;
}

TEST(StageTypes, SignaturesFromCapabilities) {
  auto table = builtins_from_capabilities(R"({"builtins": [
    {"name": "eq", "decl": {"args": [{"type": "any"}, {"type": "any"}], "result": {"type": "boolean"}, "type": "function"}},
    {"name": "assign", "decl": {"args": [{"type": "any"}, {"type": "any"}], "result": {"type": "boolean"}, "type": "function"}},
    {"name": "gt", "decl": {"args": [{"type": "any"}, {"type": "any"}], "result": {"type": "boolean"}, "type": "function"}},
    {"name": "custom.double", "decl": {"args": [{"name": "n", "type": "number"}],
     "result": {"name": "out", "description": "twice n", "type": "number"}, "type": "function"}}
  ]})");
  ASSERT_TRUE(table.ok());
  const BuiltinSignature* sig = (*table)->find("custom.double");
  ASSERT_NE(sig, nullptr);
  EXPECT_TRUE(sig->typed);
  EXPECT_EQ(sig->type.to_string(), "(number) => number");
  auto c = check_with("package test\n\np if custom.double(\"a\") > 1\n", *table);
  EXPECT_EQ(errors(*c),
            "test.rego:3: rego_type_error: custom.double: invalid argument(s)\n"
            "\thave: (string, \?\?\?)\n"
            "\twant: (n: number, out: number)\n");
}

}  // namespace
}  // namespace arcane::compiler::testing
