// Each case is set up as OPA's runner sets it up; a fake evaluator behind the API's seam
// records what reached it.
#include "conformance/execute.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "api/tests/fake_evaluator.h"
#include "api/tests/test_util.h"

namespace arcane::conformance {
namespace {

using testing::json;

Case case_from(const std::string& yaml, const std::string& file = "v1/t/f.yaml") {
  CaseFile f = parse_case_file(yaml, file);
  EXPECT_FALSE(f.error) << *f.error;
  EXPECT_EQ(f.cases.size(), 1u);
  return f.cases.empty() ? Case{} : f.cases[0];
}

struct Seen {
  std::vector<std::string> module_names;
  std::vector<compiler::ast::RegoVersion> versions;
  Value data;
  std::optional<Value> input;
  bool strict = false;
  std::string query;
  std::string env;
};

// A fake that records what it saw and answers with `rows`.
std::shared_ptr<testing::FakeEvaluator> recorder(Seen& seen, api::RawResult answer = {}) {
  return testing::make_fake([&seen, answer](const testing::FakeCall& call) {
    seen.module_names.clear();
    seen.versions.clear();
    for (size_t i = 0; i < call.policy.modules.size(); ++i) {
      seen.module_names.push_back(call.policy.sources.get(call.policy.module_files[i])->name());
      seen.versions.push_back(call.policy.modules[i].version);
    }
    seen.data = call.policy.data;
    seen.input = call.request.input ? std::optional<Value>(*call.request.input) : std::nullopt;
    seen.strict = call.request.strict_builtin_errors;
    seen.query = call.query.text;
    const char* env = getenv("ARCANE_CONFORMANCE_TEST_VAR");
    seen.env = env != nullptr ? env : "<unset>";
    return answer;
  });
}

TEST(Execute, ModulesDataInputAndStrictness) {
  Case c = case_from(R"(
cases:
  - note: t/all
    query: data.test.p = x
    modules:
      - "package test\np := 1\n"
      - "package other\n"
    data: {a: 1}
    input: {b: 2}
    strict_error: true
    env: {ARCANE_CONFORMANCE_TEST_VAR: set}
    want_result: []
)");
  Seen seen;
  unsetenv("ARCANE_CONFORMANCE_TEST_VAR");
  Outcome o = execute(c, {recorder(seen)});
  ASSERT_FALSE(o.setup_error) << o.setup_error->to_string();
  EXPECT_EQ(seen.module_names, (std::vector<std::string>{"test-0.rego", "test-1.rego"}));
  EXPECT_EQ(seen.data, json(R"({"a": 1})"));
  EXPECT_EQ(*seen.input, json(R"({"b": 2})"));
  EXPECT_TRUE(seen.strict);
  EXPECT_EQ(seen.query, "data.test.p = x");
  EXPECT_EQ(seen.env, "set");
  EXPECT_EQ(getenv("ARCANE_CONFORMANCE_TEST_VAR"), nullptr);  // restored
}

TEST(Execute, NoInputNoDataNotStrict) {
  Case c = case_from("cases:\n  - note: t/min\n    query: \"1 / 0\"\n    data:\n    want_result: []\n");
  Seen seen;
  Outcome o = execute(c, {recorder(seen)});
  ASSERT_FALSE(o.setup_error);
  EXPECT_FALSE(seen.input);
  EXPECT_FALSE(seen.strict);
  EXPECT_EQ(seen.data, Value::empty_object());
  EXPECT_TRUE(seen.module_names.empty());
}

TEST(Execute, InputTermWinsAndKeepsSets) {
  Case c = case_from(R"(
cases:
  - note: t/term
    query: x = input
    input: {ignored: true}
    input_term: '{"x": {1, 2, 3, "a"}, 1: set()}'
    want_result: []
)");
  Seen seen;
  Outcome o = execute(c, {recorder(seen)});
  ASSERT_FALSE(o.setup_error);
  ASSERT_TRUE(seen.input);
  EXPECT_TRUE(seen.input->find("x")->is_set());
  EXPECT_TRUE(seen.input->find(Value::integer(1))->is_set());
  EXPECT_EQ(seen.input->find("ignored"), nullptr);
}

TEST(Execute, V0TreeParsesModulesAsV0AndTheQueryAsV1) {
  Case c = case_from(R"(
cases:
  - note: t/v0
    query: some x in [1]; x == 1
    modules:
      - "package test\np { true }\nq[x] { x := 1 }\n"
    want_result: []
)",
                     "v0/t/f.yaml");
  Seen seen;
  Outcome o = execute(c, {recorder(seen)});
  ASSERT_FALSE(o.setup_error) << o.setup_error->to_string();
  EXPECT_EQ(seen.versions, (std::vector<compiler::ast::RegoVersion>{compiler::ast::RegoVersion::V0}));

  Case v1 = c;
  v1.version = RegoVersion::kV1;
  Outcome bad = execute(v1, {recorder(seen)});
  ASSERT_TRUE(bad.setup_error);
  EXPECT_EQ(bad.setup_stage, "modules");
  EXPECT_EQ(bad.setup_error->code, "rego_parse_error");
}

TEST(Execute, ExperimentalKeywords) {
  const char* yaml = R"(
cases:
  - note: t/and
    experimental_keywords: %s
    query: data.test.p = x
    modules:
      - "package test\nimport future.keywords.and\n\np if {\n\ttrue and true\n}\n"
    want_result: []
)";
  char buf[512];
  Seen seen;
  std::snprintf(buf, sizeof buf, yaml, "true");
  EXPECT_FALSE(execute(case_from(buf), {recorder(seen)}).setup_error);
  std::snprintf(buf, sizeof buf, yaml, "false");
  EXPECT_TRUE(execute(case_from(buf), {recorder(seen)}).setup_error);
}

TEST(Execute, SetupFailures) {
  Seen seen;
  Case query = case_from("cases:\n  - note: t/q\n    query: 'x ='\n    want_result: []\n");
  Outcome q = execute(query, {recorder(seen)});
  ASSERT_TRUE(q.setup_error);
  EXPECT_EQ(q.setup_stage, "query");

  Case term = case_from("cases:\n  - note: t/i\n    query: x = input\n    input_term: '[y]'\n    want_result: []\n");
  Outcome i = execute(term, {recorder(seen)});
  ASSERT_TRUE(i.setup_error);
  EXPECT_EQ(i.setup_stage, "input_term");
  EXPECT_EQ(i.setup_error->code, "rego_type_error");
}

TEST(Execute, RowsUseCompiledNames) {
  api::RawResult answer;
  answer.rows.push_back(testing::raw_row({{"__localq0__", Value::integer(1)}, {"z", Value::integer(2)}}));
  Seen seen;
  Case c = case_from("cases:\n  - note: t/r\n    query: x := 1; z = 2\n    want_result: [{z: 2}]\n");
  Outcome o = execute(c, {recorder(seen, answer)});
  ASSERT_EQ(o.result.rows.size(), 1u);
  ASSERT_EQ(o.result.rows[0].bindings.size(), 2u);
  EXPECT_EQ(o.result.rows[0].bindings[0].name, "__localq0__");
  EXPECT_FALSE(judge(c, o).pass);  // OPA sees __localq0__ too
  c.ignore_generated_vars = true;
  EXPECT_TRUE(judge(c, o).pass);
}

TEST(Execute, DefaultEvaluatorEvaluates) {
  Case c = case_from("cases:\n  - note: t/d\n    query: x = 1\n    want_result: [{x: 1}]\n");
  Outcome o = execute(c, {});
  ASSERT_FALSE(o.setup_error);
  ASSERT_FALSE(o.result.error);
  Verdict v = judge(c, o);
  EXPECT_TRUE(v.pass) << v.reason;
  Case wrong = case_from("cases:\n  - note: t/d\n    query: x = 1\n    want_result: [{x: 2}]\n");
  EXPECT_FALSE(judge(wrong, execute(wrong, {})).pass);
}

}  // namespace
}  // namespace arcane::conformance
