// Partial evaluation on compiled programs: the result queries and support modules as
// Rego text, in the form `arcane eval --partial --format source` prints them.
#include <gtest/gtest.h>

#include "compiler/compile/pipeline.h"
#include "compiler/compile/stdlib_builtins.h"
#include "compiler/parse/parser.h"
#include "compiler/partial/partial_eval.h"
#include "compiler/partial/rego_format.h"
#include "runtime/json_reader.h"

namespace arcane::compiler::partial {
namespace {

struct Options {
  std::string data = "{}";
  std::vector<std::string> unknowns = {"input"};
  bool disable_inlining = false;
  std::string input;  // JSON; empty: none
  int max_expr_depth = 40000;
};

std::string partial(const std::string& module, const std::string& query, const Options& o = {}) {
  runtime::SourceSet sources;
  runtime::Diagnostics diags(10);
  uint32_t id = sources.add("p.rego", module);
  auto m = parse_module(sources, id, {}, diags);
  if (!m.ok()) return "parse error: " + m.error().message;
  std::vector<ast::Module> modules;
  modules.push_back(std::move(*m));
  CompileOptions copts;
  copts.builtins = builtins_from_stdlib();
  copts.sources = &sources;
  auto program = compile(std::move(modules), copts, diags);
  if (!program.ok()) return "compile error: " + program.error().message;
  uint32_t qid = sources.add("", query);
  auto body = parse_query(sources, qid, {}, diags);
  if (!body.ok()) return "query error: " + body.error().message;
  QueryOptions qopts;
  qopts.sources = &sources;
  auto compiled = compile_query(*program, std::move(*body), qopts, diags);
  if (!compiled.ok()) return "query error: " + compiled.error().message;
  PartialOptions popts;
  for (const auto& u : o.unknowns) {
    uint32_t uid = sources.add("", u);
    auto t = parse_term(sources, uid, {}, diags);
    std::vector<ast::Term> ref;
    if (const auto* r = ast::get_if<ast::Ref>(*t)) {
      for (const auto& p : r->parts) ref.push_back(ast::clone(p));
    } else {
      ref.push_back(ast::clone(*t));
    }
    popts.unknowns.push_back(std::move(ref));
  }
  auto data = runtime::parse_json(o.data);
  popts.data = &*data;
  std::optional<runtime::Value> input;
  if (!o.input.empty()) {
    input = runtime::parse_json(o.input).value();
    popts.input = &*input;
  }
  popts.disable_inlining = o.disable_inlining;
  popts.max_expr_depth = o.max_expr_depth;
  auto r = partial_eval(*program, compiled->body, popts);
  if (!r.ok()) return r.error().code + ": " + r.error().message;
  std::string out;
  for (size_t i = 0; i < r->queries.size(); ++i) {
    out += "# Query " + std::to_string(i + 1) + "\n" + format_query(r->queries[i]) + "\n";
  }
  for (size_t i = 0; i < r->support.size(); ++i) {
    out += "# Module " + std::to_string(i + 1) + "\n" + format_module(r->support[i]);
  }
  return out;
}

TEST(PartialEval, EverythingKnownIsEvaluated) {
  const char* policy = "package t\nroles := {\"admin\", \"dev\"}\np if { \"admin\" in roles; count(roles) == 2 }";
  // True without conditions: one query with no expressions.
  EXPECT_EQ(partial(policy, "data.t.p"), "# Query 1\n\n");
  // Never true: no query at all.
  EXPECT_EQ(partial(policy, "data.t.p == false"), "");
  EXPECT_EQ(partial(policy, "data.t.roles[\"nobody\"]"), "");
}

TEST(PartialEval, ExpressionsOnUnknownsAreSavedWithBindingsPluggedIn) {
  const char* policy = "package t\nlimit := 10\np if { x := data.t.limit; input.n > x; input.user == \"bob\" }";
  EXPECT_EQ(partial(policy, "data.t.p"), "# Query 1\ninput.n > 10\ninput.user = \"bob\"\n\n");
}

TEST(PartialEval, KnownInputIsUsedWhereInputIsNotUnknown) {
  const char* policy = "package t\np if { input.role == \"admin\"; input.user.name == \"bob\" }";
  Options o;
  o.unknowns = {"input.user"};
  o.input = R"({"role": "admin"})";
  EXPECT_EQ(partial(policy, "data.t.p", o), "# Query 1\ninput.user.name = \"bob\"\n\n");
  o.input = R"({"role": "guest"})";
  EXPECT_EQ(partial(policy, "data.t.p", o), "");
}

TEST(PartialEval, RulesWithoutDefaultAreInlinedOneQueryPerBody) {
  const char* policy =
      "package t\n"
      "allow if input.method == \"GET\"\n"
      "allow if { input.method == \"POST\"; input.user == \"admin\" }\n";
  EXPECT_EQ(partial(policy, "data.t.allow"),
            "# Query 1\ninput.method = \"GET\"\n\n"
            "# Query 2\ninput.method = \"POST\"\ninput.user = \"admin\"\n\n");
}

TEST(PartialEval, RulesWithADefaultBecomeSupportRules) {
  const char* policy =
      "package authz\n\ndefault allow := false\n\nallow if {\n\tinput.workload.attested\n\tinput.action == \"read\"\n}\n";
  EXPECT_EQ(partial(policy, "data.authz.allow"),
            "# Query 1\ndata.partial.authz.allow\n\n"
            "# Module 1\npackage partial.authz\n\ndefault allow := false\n\n"
            "allow if {\n\tinput.workload.attested\n\tinput.action = \"read\"\n}\n");
}

TEST(PartialEval, ADefaultIsNotNeededWhenTheRuleIsComparedWithAnotherConstant) {
  const char* policy = "package t\ndefault allow := false\nallow if input.x == 1\n";
  EXPECT_EQ(partial(policy, "data.t.allow = true"), "# Query 1\ninput.x = 1\n\n");
  EXPECT_EQ(partial(policy, "data.t.allow = false"),
            "# Query 1\ndata.partial.t.allow = false\n\n"
            "# Module 1\npackage partial.t\n\ndefault allow := false\n\nallow if input.x = 1\n");
}

TEST(PartialEval, DisableInliningMakesSupportRules) {
  const char* policy = "package t\np if input.x == 1\n";
  Options o;
  o.disable_inlining = true;
  EXPECT_EQ(partial(policy, "data.t.p", o),
            "# Query 1\ndata.partial.t.p\n\n# Module 1\npackage partial.t\n\np if input.x = 1\n");
}

TEST(PartialEval, NegationOfOneUnknownExpressionIsSaved) {
  const char* policy = "package t\nblocked := {\"eve\"}\np if { not input.user in blocked; not input.banned }";
  EXPECT_EQ(partial(policy, "data.t.p"), "# Query 1\nnot input.user in {\"eve\"}\nnot input.banned\n\n");
}

TEST(PartialEval, NegationOfSeveralAlternativesBecomesASupportRule) {
  const char* policy =
      "package t\n"
      "bad if input.a == 1\n"
      "bad if input.b == 2\n"
      "p if not bad\n";
  EXPECT_EQ(partial(policy, "data.t.p"),
            "# Query 1\nnot data.partial.__not1__\n\n"
            "# Module 1\npackage partial\n\n__not1__ if input.a = 1\n\n__not1__ if input.b = 2\n");
}

TEST(PartialEval, BuiltinsRunOnKnownArgumentsAndAreSavedOnUnknownOnes) {
  const char* policy =
      "package t\n"
      "p if { startswith(lower(input.path), concat(\"/\", [\"\", \"api\"])); count(\"abc\") == 3 }\n";
  EXPECT_EQ(partial(policy, "data.t.p"), "# Query 1\nlower(input.path, __local0__1)\nstartswith(__local0__1, \"/api\")\n\n");
}

TEST(PartialEval, IterationOverKnownDataProducesOneQueryPerElement) {
  const char* policy = "package t\np if { some r in data.roles; input.role == r }";
  Options o;
  o.data = R"({"roles": ["a", "b"]})";
  EXPECT_EQ(partial(policy, "data.t.p", o), "# Query 1\ninput.role = \"a\"\n\n# Query 2\ninput.role = \"b\"\n\n");
}

TEST(PartialEval, PartialSetsAreInlinedWhenAKeyIsAskedFor) {
  const char* policy =
      "package t\n"
      "deny contains \"no user\" if not input.user\n"
      "deny contains \"bad\" if input.bad\n";
  EXPECT_EQ(partial(policy, "data.t.deny[\"bad\"]"), "# Query 1\ninput.bad\n\n");
  EXPECT_EQ(partial(policy, "data.t.deny"),
            "# Query 1\ndata.partial.t.deny\n\n# Module 1\npackage partial.t\n\n"
            "deny contains \"no user\" if not input.user\n\ndeny contains \"bad\" if input.bad\n");
}

TEST(PartialEval, FunctionsAreInlined) {
  const char* policy = "package t\nis_admin(u) if u.role == \"admin\"\np if is_admin(input.user)\n";
  EXPECT_EQ(partial(policy, "data.t.p"), "# Query 1\ninput.user.role = \"admin\"\n\n");
}

TEST(PartialEval, ComprehensionsOverUnknownsAreSavedWhole) {
  const char* policy = "package t\np if count([x | some x in input.xs; x > 1]) > 2\n";
  EXPECT_EQ(partial(policy, "data.t.p"),
            "# Query 1\ncount([__local2__1 | __local2__1 = input.xs[__local1__1]; __local2__1 > 1], __local3__1)\n"
            "__local3__1 > 2\n\n");
}

TEST(PartialEval, QueryVarsAreKept) {
  const char* policy = "package t\n";
  EXPECT_EQ(partial(policy, "x = input.a; x > 1"), "# Query 1\nx = input.a\nx > 1\n\n");
}

TEST(PartialEval, QueryVarsBoundToKnownValuesAreReported) {
  const char* policy =
      "package t\n"
      "deny contains \"no user\" if not input.user\n"
      "deny contains \"bad\" if input.bad\n";
  EXPECT_EQ(partial(policy, "data.t.deny[x]"),
            "# Query 1\nnot input.user\nx = \"no user\"\n\n# Query 2\ninput.bad\nx = \"bad\"\n\n");
}

TEST(PartialEval, UnknownKeysIntoBaseDocumentsKeepTheirPath) {
  const char* policy = "package t\np if data.agents[input.agent].status == \"active\"\n";
  Options o;
  o.data = R"({"agents": {"a": {"status": "active"}}})";
  EXPECT_EQ(partial(policy, "data.t.p", o), "# Query 1\ndata.agents[input.agent].status = \"active\"\n\n");
}

TEST(PartialEval, TheSameNegationReusesItsSupportRule) {
  const char* policy =
      "package t\n"
      "bad if input.a == 1\n"
      "bad if input.b == 2\n"
      "p if not bad\n"
      "q if not bad\n";
  EXPECT_EQ(partial(policy, "data.t.p; data.t.q"),
            "# Query 1\nnot data.partial.__not1__\nnot data.partial.__not1__\n\n"
            "# Module 1\npackage partial\n\n__not1__ if input.a = 1\n\n__not1__ if input.b = 2\n");
}

TEST(PartialEval, WithInputAsAKnownValueIsEvaluated) {
  const char* policy = "package t\np if { input.a == 1; every x in input.xs { x > 0 } }\n";
  EXPECT_EQ(partial(policy, "data.t.p with input as {\"a\": 1, \"xs\": [1]}"), "# Query 1\n\n");
  EXPECT_EQ(partial(policy, "data.t.p with input as {\"a\": 1, \"xs\": [0]}"), "");
  // Back to the unknown input after the `with`.
  EXPECT_EQ(partial(policy, "data.t.p with input as {\"a\": 1, \"xs\": []}; input.b"), "# Query 1\ninput.b\n\n");
}

TEST(PartialEval, EveryOverKnownValuesIsDecided) {
  EXPECT_EQ(partial("package t\n", "every x in [1, 2] { x > 0 }"), "# Query 1\n\n");
  EXPECT_EQ(partial("package t\n", "every x in [1, 2] { x > 1 }"), "");
  EXPECT_EQ(partial("package t\n", "every x in [] { x > input.m }"), "# Query 1\n\n");
}

TEST(PartialEval, ConflictsAndUnsupportedFormsAreErrors) {
  EXPECT_EQ(partial("package t\np := 1\np := 2 if true\n", "data.t.p"),
            "eval_conflict_error: complete rules must not produce multiple outputs");
}

TEST(PartialEval, AVeryLongBodyIsAnErrorNotAStackOverflow) {
  std::string policy = "package t\np if {\n";
  for (int i = 0; i < 150; ++i) policy += "  input.x" + std::to_string(i) + " == 1\n";
  policy += "}\n";
  Options o;
  o.max_expr_depth = 100;
  EXPECT_EQ(partial(policy, "data.t.p", o), "eval_internal_error: partial evaluation: too many nested expressions");
}

TEST(RegoFormat, OperatorsAndCollections) {
  runtime::SourceSet sources;
  runtime::Diagnostics diags(10);
  uint32_t id = sources.add("", "x = {\"b\": [1, 2], \"a\": {3, 1}}; y := x.a; not y[1] == 2; k, v in input.xs");
  auto body = parse_query(sources, id, {}, diags);
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(format_query(*body),
            "x = {\"b\": [1, 2], \"a\": {1, 3}}\ny := x.a\nnot y[1] == 2\nk, v in input.xs\n");
}

}  // namespace
}  // namespace arcane::compiler::partial
