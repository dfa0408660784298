// The planner indexes a large rule group on each kind of guard (equality, `in`,
// glob.match), also when it has copied the guarded ref into a variable before the call
// that tests it: the plan holds a `ruleindex` statement.
#include <gtest/gtest.h>

#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler {
namespace {

std::string plan_of(const std::string& guard_of_rule) {
  std::string module = "package t\n\n";
  for (int i = 0; i < 20; ++i) {
    std::string g = guard_of_rule;
    for (size_t at; (at = g.find("{i}")) != std::string::npos;) g.replace(at, 3, std::to_string(i));
    module += "allow if {\n\t" + g + "\n\tinput.action == \"read\"\n}\n";
  }
  return testing::plan_text(module, "data.t.allow");
}

bool indexed(const std::string& plan) { return plan.find("ruleindex") != std::string::npos; }

TEST(PlanIndex, EqualityGuards) { EXPECT_TRUE(indexed(plan_of(R"(input.subject == "s-{i}")"))); }

TEST(PlanIndex, MembershipGuards) {
  EXPECT_TRUE(indexed(plan_of(R"(input.subject in {"s-{i}", "alias-{i}"})")));
}

TEST(PlanIndex, GlobGuards) { EXPECT_TRUE(indexed(plan_of(R"(glob.match("/svc-{i}/*", ["/"], input.path))"))); }

TEST(PlanIndex, NoGuardNoIndex) { EXPECT_FALSE(indexed(plan_of(R"(count(input.xs) > {i})"))); }

}  // namespace
}  // namespace arcane::compiler
