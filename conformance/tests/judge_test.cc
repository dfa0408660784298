// The order and meaning of OPA's checks (FORMAT.md §3.1), on hand-made outcomes.
#include "conformance/judge.h"

#include <gtest/gtest.h>

#include "api/tests/test_util.h"

namespace arcane::conformance {
namespace {

using testing::json;

Case make_case() {
  Case c;
  c.id = "v1/t/f.yaml#0";
  c.note = "t/case";
  return c;
}

Outcome rows(std::vector<ResultRow> r) {
  Outcome o;
  o.result.rows = std::move(r);
  return o;
}

Outcome error(std::string code, std::string message, std::optional<SourceLocation> loc = std::nullopt,
              std::vector<ResultRow> r = {}) {
  Outcome o;
  o.result.rows = std::move(r);
  o.result.error = Error{std::move(code), std::move(message), std::move(loc), {}, {}};
  return o;
}

ResultRow x_is(Value v) {
  return ResultRow{{}, {Binding{"x", std::move(v)}}};
}

TEST(Judge, ResultMatches) {
  Case c = make_case();
  c.want_result = json(R"([{"x": 7}])");
  EXPECT_TRUE(judge(c, rows({x_is(Value::integer(7))})).pass);
  Verdict v = judge(c, rows({x_is(Value::integer(8))}));
  EXPECT_FALSE(v.pass);
  EXPECT_EQ(v.reason, "unexpected result");
  EXPECT_EQ(v.want, R"(rows [{"x":7}])");
  EXPECT_EQ(v.got, R"(rows [{"x":8}])");
}

TEST(Judge, UndefinedIsNoRows) {
  Case c = make_case();
  c.want_result = json("[]");
  EXPECT_TRUE(judge(c, rows({})).pass);
  EXPECT_FALSE(judge(c, rows({x_is(Value::integer(1))})).pass);
}

TEST(Judge, UnexpectedErrorFails) {
  Case c = make_case();
  c.want_result = json("[]");
  Verdict v = judge(c, error("eval_internal_error", "evaluation is not available yet"));
  EXPECT_FALSE(v.pass);
  EXPECT_EQ(v.reason, "unexpected error: eval_internal_error: evaluation is not available yet");
  EXPECT_EQ(v.got, R"(error "eval_internal_error: evaluation is not available yet")");
}

TEST(Judge, WantErrorIsASubstringOfTheFullText) {
  Case c = make_case();
  c.want_error = "test-0.rego:4: eval_type_error: strings.any_prefix_match: operand 1";
  SourceLocation loc{"test-0.rego", 4, 9, "x"};
  EXPECT_TRUE(
      judge(c, error("eval_type_error", "strings.any_prefix_match: operand 1 must be one of {string, set, array}", loc))
          .pass);
  c.want_error = "operand 1 must be";
  EXPECT_TRUE(judge(c, error("eval_type_error", "strings.any_prefix_match: operand 1 must be one", loc)).pass);
  // Any kind of error will do for want_error alone.
  EXPECT_TRUE(judge(c, error("rego_type_error", "operand 1 must be")).pass);
  EXPECT_EQ(judge(c, rows({})).reason, "expected an error containing \"operand 1 must be\", got none");
  EXPECT_FALSE(judge(c, error("eval_type_error", "something else")).pass);
}

TEST(Judge, WantErrorCodeNeedsAnEvaluationErrorWithThatCode) {
  Case c = make_case();
  c.want_error_code = "eval_builtin_error";
  EXPECT_TRUE(judge(c, error("eval_builtin_error", "div: divide by zero")).pass);
  EXPECT_EQ(judge(c, error("eval_type_error", "x")).reason,
            "expected error code eval_builtin_error, got eval_type_error");
  EXPECT_EQ(judge(c, error("rego_type_error", "x")).reason,
            "expected evaluation error code eval_builtin_error, got \"rego_type_error: x\"");
  EXPECT_EQ(judge(c, rows({})).reason, "expected error code eval_builtin_error, got no error");
}

TEST(Judge, BothErrorChecksApply) {
  Case c = make_case();
  c.want_error_code = "eval_builtin_error";
  c.want_error = "div: divide by zero";
  EXPECT_TRUE(judge(c, error("eval_builtin_error", "div: divide by zero")).pass);
  EXPECT_FALSE(judge(c, error("eval_builtin_error", "other")).pass);
  EXPECT_FALSE(judge(c, error("eval_type_error", "div: divide by zero")).pass);
}

// baseandvirtualdocs/enumerate virtual errors: an expected error *and* rows.
TEST(Judge, ErrorAndRowsAreBothChecked) {
  Case c = make_case();
  c.want_error_code = "eval_builtin_error";
  c.want_result = json(R"([{"x": 1}])");
  EXPECT_TRUE(
      judge(c, error("eval_builtin_error", "div: divide by zero", std::nullopt, {x_is(Value::integer(1))})).pass);
  EXPECT_EQ(judge(c, error("eval_builtin_error", "div: divide by zero")).reason, "unexpected result");
}

// Without want_result, rows are not looked at.
TEST(Judge, ErrorCasesIgnoreRows) {
  Case c = make_case();
  c.want_error_code = "eval_conflict_error";
  EXPECT_TRUE(judge(c, error("eval_conflict_error", "x", std::nullopt, {x_is(Value::integer(1))})).pass);
}

TEST(Judge, ExpectingNothingFails) {
  Case c = make_case();
  EXPECT_EQ(judge(c, rows({})).reason, "the case has none of want_result, want_error_code, want_error");
}

TEST(Judge, SetupFailuresFailWhateverIsExpected) {
  Case c = make_case();
  c.want_error = "";  // would accept any error
  Outcome o;
  o.setup_stage = "modules";
  o.setup_error = Error{"rego_parse_error", "unexpected eof token", SourceLocation{"test-0.rego", 3, 1, ""}, {}, {}};
  Verdict v = judge(c, o);
  EXPECT_FALSE(v.pass);
  EXPECT_EQ(v.reason, "modules failed: test-0.rego:3: rego_parse_error: unexpected eof token");
}

TEST(Judge, SortBindingsOnAScalarFails) {
  Case c = make_case();
  c.sort_bindings = true;
  c.want_result = json(R"([{"x": 1}])");
  EXPECT_EQ(judge(c, rows({x_is(Value::integer(1))})).reason, "sort_bindings: binding x is not an array or set: 1");
}

}  // namespace
}  // namespace arcane::conformance
