// What the planner does to loops: lookups that do not depend on a loop are made once,
// before it (hoist.h), and a rule whose value is a constant stops its loops at the first
// success (early exit). The plans are read as text (docs/ir.md).
#include <gtest/gtest.h>

#include <string>

#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler {
namespace {

std::string plan_of(const std::string& module, const std::string& query) { return testing::plan_text(module, query); }

const char* kRbac = R"(package t

allow if {
	some role in data.users[input.user]
	some grant in data.grants[role]
	grant.action == input.action
}
)";

// Where `needle` first appears, relative to the first loop: negative means before it.
long before_first_scan(const std::string& plan, const std::string& needle) {
  size_t at = plan.find(needle), scan = plan.find("scan ");
  EXPECT_NE(at, std::string::npos) << needle << "\n" << plan;
  EXPECT_NE(scan, std::string::npos) << plan;
  return static_cast<long>(at) - static_cast<long>(scan);
}

TEST(PlanLoops, InvariantLookupsMoveBeforeTheLoops) {
  std::string plan = plan_of(kRbac, "data.t.allow");
  EXPECT_LT(before_first_scan(plan, R"(dot input, "action")"), 0) << plan;
  EXPECT_LT(before_first_scan(plan, R"(dot data, "grants")"), 0) << plan;
}

TEST(PlanLoops, LookupsThatDependOnTheLoopStayInside) {
  std::string plan = plan_of(R"(package t

p if {
	some x in data.xs
	data.m[x] == input.v
}
)",
                             "data.t.p");
  EXPECT_LT(before_first_scan(plan, R"(dot data, "m")"), 0) << plan;
  EXPECT_LT(before_first_scan(plan, R"(dot input, "v")"), 0) << plan;
  // `data.m[x]` itself is looked up per element: after the scan.
  size_t scan = plan.find("scan ");
  size_t keyed = plan.find("dot l", scan);
  EXPECT_NE(keyed, std::string::npos) << plan;
}

TEST(PlanLoops, NothingMovesPastACall) {
  // The call comes first in the body and may fail with an error: what follows stays.
  std::string plan = plan_of(R"(package t

p if {
	some x in data.xs
	to_number(x) > 1
	input.v == 2
}
)",
                             "data.t.p");
  EXPECT_GT(before_first_scan(plan, R"(dot input, "v")"), 0) << plan;
}

TEST(PlanLoops, ARuleCalledAtTheHeadOfALoopIsCalledBeforeIt) {
  // `granted` is called once, before the loop, behind a guard that the loop iterates
  // (not a string, at least one element); then it is copied there as its only call.
  std::string plan = plan_of(R"(package t

granted contains g if some g in data.grants

missing contains s if {
	some s in input.scopes
	not s in granted
}
)",
                             "data.t.missing");
  size_t rule = plan.find("rule g0.data.t.missing");
  ASSERT_NE(rule, std::string::npos) << plan;
  std::string missing = plan.substr(rule);
  EXPECT_EQ(missing.find("call @g0.data.t.granted"), std::string::npos) << missing;
  size_t guard = missing.find("isstring"), len = missing.find("len "), scan_scopes = missing.rfind("scan ");
  EXPECT_LT(guard, len) << missing;
  EXPECT_LT(len, missing.find(R"(dot data, "grants")")) << missing;
  EXPECT_LT(missing.find(R"(dot data, "grants")"), scan_scopes) << missing;
}

TEST(PlanLoops, CopiesOfBoundVariablesGo) {
  // `some role in ...` copied the scan's key and value into locals of their own (copies.h).
  std::string plan = plan_of(kRbac, "data.t.allow");
  EXPECT_EQ(plan.find("assign l"), std::string::npos) << plan;
}

TEST(PlanLoops, ARuleValueReadsTheLoopValueDirectly) {
  // `y := x` and the binding of x were two copies of the scan's value; the rule's value
  // is now assigned from it.
  std::string plan = plan_of(R"(package t

p := y if {
	some x in data.xs
	y := x
}
)",
                             "data.t.p");
  EXPECT_EQ(plan.find("assign l"), std::string::npos) << plan;
  EXPECT_NE(plan.find("assignonce l"), std::string::npos) << plan;
}

TEST(PlanLoops, AConstantRuleLeavesItsLoopsAtTheFirstSuccess) {
  std::string plan = plan_of(kRbac, "data.t.allow");
  size_t assign = plan.find("assignonce true");
  ASSERT_NE(assign, std::string::npos) << plan;
  size_t next = plan.find('\n', assign) + 1;
  std::string line = plan.substr(next, plan.find('\n', next) - next);
  EXPECT_NE(line.find("break 2"), std::string::npos) << plan;  // out of both loops
}

TEST(PlanLoops, RulesWithVaryingValuesKeepIterating) {
  // Every value must be seen: two of them are a conflict, which OPA reports.
  std::string plan = plan_of(R"(package t

v := x if {
	some x in input.xs
}
)",
                             "data.t.v");
  EXPECT_EQ(plan.find("break"), std::string::npos) << plan;
}

}  // namespace
}  // namespace arcane::compiler
