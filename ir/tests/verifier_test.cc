// The verifier: the planner's patterns pass, and each broken invariant is reported with
// the function, the statement's location and what is wrong.
#include "ir/verifier.h"

#include <gtest/gtest.h>

#include "ir/parser.h"

namespace arcane::ir {
namespace {

Policy parse(std::string_view text) {
  runtime::Result<Policy> p = parse_policy(text);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? std::move(p).value() : Policy{};
}

std::string errors_of(const Policy& p) {
  std::string out;
  for (const runtime::Diagnostic& d : verify_policy(p)) out += d.message + "\n";
  return out;
}

void expect_ok(std::string_view text) {
  EXPECT_EQ(errors_of(parse(text)), "") << text;
}

void expect_error(const Policy& p, std::string_view want) {
  std::vector<runtime::Diagnostic> ds = verify_policy(p);
  ASSERT_FALSE(ds.empty()) << "no error, want " << want;
  EXPECT_EQ(ds[0].code, "ir_verify_error");
  EXPECT_NE(ds[0].message.find(want), std::string::npos) << ds[0].message;
}

void expect_error(std::string_view text, std::string_view want) {
  expect_error(parse(text), want);
}

TEST(Verifier, AcceptsTheCompleteRulePattern) {
  expect_ok(R"(rule p {
    { reset -> l3  dot input, "a" -> l4  assignonce l4 -> l3 }
    { isdefined l3  assignonce l3 -> l2 }
    { isundefined l2  assignonce false -> l2 }
    { return l2 }
  })");
}

TEST(Verifier, AcceptsDotOrDefault) {
  // planDotOr: after the outer block, l5 is set on every path (dot, or the default).
  expect_ok(R"(rule p {
    { makeobject -> l2
      block { block { dot l2, "k" -> l5  break 1 }  makeset -> l5 }
      setadd 1 -> l5
      objectinsert "k", l5 -> l2
      return l2 }
  })");
}

TEST(Verifier, AcceptsEveryDomainCheck) {
  expect_ok(R"(plan q {
    { assign [1] -> l2
      block {
        block { isarray l2  break 1 } { isobject l2  break 1 } { isset l2  break 1 }
        break 1
      }
      scan l2 -> l3, l4 { equal l4, 1 }
      resultsetadd l2 }
  })");
}

TEST(Verifier, ScanBindingsDoNotOutliveTheScan) {
  expect_error(R"(plan q { { scan input -> l2, l3 { equal l3, 1 }  resultsetadd l3 } })",
               "resultsetadd reads l3 before it is assigned");
}

TEST(Verifier, NotBindingsDoNotEscape) {
  expect_error(R"(plan q { { not { assign 1 -> l2 }  resultsetadd l2 } })", "reads l2");
}

TEST(Verifier, UndefinedPathsCount) {
  // The dot may be undefined, leaving the inner block before l3 is assigned.
  expect_error(R"(plan q { { block { dot input, "a" -> l2  assign l2 -> l3 }  resultsetadd l3 } })", "reads l3");
  expect_error(R"(plan q { { reset -> l2  assign 1 -> l3  reset -> l3  resultsetadd l3 } })", "reads l3");
}

TEST(Verifier, BreaksCarryTheirState) {
  expect_ok(R"(plan q { { block { assign 1 -> l2  block { break 1 }  assign 2 -> l3 }  resultsetadd l2 } })");
  expect_error(R"(plan q { { block { block { break 1 }  assign 1 -> l2 }  resultsetadd l2 } })", "reads l2");
}

TEST(Verifier, ExemptReads) {
  expect_ok(R"(rule r { { isundefined l2  isdefined l3  return l4 } })");
}

TEST(Verifier, BreakDepth) {
  expect_error("plan q { { break 1 } }", "break 1 leaves the function (1 enclosing block(s))");
  expect_ok("plan q { { block { break 1 } } }");
  expect_error("plan q { { scan input -> l2, l3 { not { break 3 } } } }", "break 3 leaves the function");
}

TEST(Verifier, CallArities) {
  expect_error("builtin count/1\nplan q { { call count(1, 2) -> l2 } }", "call of count with 2 operand(s), want 1");
  expect_error("plan q { { call @f(1) -> l2 } }\nfunc f(l2, l3) { { return l2 } }",
               "call of f with 1 operand(s), want 2");
  expect_error("plan q { { call @q() -> l2 } }", "call of plan q");
  expect_ok("builtin walk\nplan q { { call walk(1) -> l2  call walk(1, 2) -> l3 } }");
}

TEST(Verifier, IndicesInRange) {
  Policy p = parse("plan q { { equal input, 1 } }");
  p.functions[0].blocks[0].stmts[0].inputs[1] = Operand::constant(7);
  expect_error(p, "constant 7 out of range");
  p = parse("plan q { { call f(1) -> l2 } }");
  p.functions[0].blocks[0].stmts[0].imm = 3;
  expect_error(p, "built-in 3 out of range");
  p = parse("plan q { { call @q() -> l2 } }");
  p.functions[0].blocks[0].stmts[0].imm = 9;
  expect_error(p, "function 9 out of range");
  p = parse("plan q { { equal input, true } }");
  p.functions[0].blocks[0].stmts[0].inputs[1].index = 2;
  expect_error(p, "boolean operand out of range");
}

TEST(Verifier, Shapes) {
  Policy p = parse("plan q { { equal input, 1 } }");
  p.functions[0].blocks[0].stmts[0].inputs.pop_back();
  expect_error(p, "equal takes 2 operand(s)");
  p = parse("plan q { { not { } } }");
  p.functions[0].blocks[0].stmts[0].blocks.clear();
  expect_error(p, "not has the wrong number of blocks");
}

TEST(Verifier, PlanAndFunctionRoles) {
  expect_error("rule r { { resultsetadd 1 } }", "resultsetadd outside a plan");
  expect_error("plan q { { return 1 } }", "return in a plan");
  expect_error("plan q { { assign 1 -> data } }", "writes input or data");
  expect_error("func f(l1) { { return l1 } }", "parameter l1 out of range");
  expect_error("func f(l2, l2) { { return l2 } }", "parameter l2 repeated");
  expect_error("plan q { { with input [l2] = 1 { } } }", "with path elements must be constants");
  expect_error("plan q { { isdefined 1 } }", "operand must be a local");
  expect_error("rule a path [\"x\"] { { return 1 } }\nrule b path [\"x\"] { { return 2 } }",
               "function path defined twice");
}

TEST(Verifier, ReportsLocations) {
  std::vector<runtime::Diagnostic> ds = verify_policy(parse("plan q { { break 2 @1:40+7 } }"));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].location.offset, 40u);
  EXPECT_EQ(ds[0].message.rfind("q: ", 0), 0u);
}

TEST(Verifier, RuleIndexTables) {
  expect_ok(R"(plan main { {
    reset -> l2
    block { dot input, "k" -> l2 }
    ruleindex l2, {"any": [1], "eq": {"a": [0, 1]}} { resultsetadd 1 } { resultsetadd 2 }
  } })");
  expect_error(parse(R"(plan main { { ruleindex input, {"any": [2]} { resultsetadd 1 } } })"), "ruleindex");
  expect_error(parse(R"(plan main { { ruleindex input, {"any": [], "eq": {"a": [1, 0]}} { resultsetadd 1 } { resultsetadd 2 } } })"),
               "ascending");
  expect_error(parse(R"(plan main { { ruleindex input, [1] { resultsetadd 1 } } })"), "object");
  expect_error(parse(R"(plan main { { ruleindex input, input { resultsetadd 1 } } })"), "constant table");
}

TEST(Verifier, RuleIndexBlocksMayBeSkipped) {
  expect_error(parse(R"(plan main { {
    ruleindex input, {"any": [0]} { assign 1 -> l2 }
    resultsetadd l2
  } })"),
               "before it is assigned");
}

}  // namespace
}  // namespace arcane::ir
