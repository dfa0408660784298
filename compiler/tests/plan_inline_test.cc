// Which rule calls the planner replaces by the rule's body (compiler/plan/inline.h): small
// straight-line rules everywhere outside loops, rules called from one place into rules
// and plans; never into loops or Rego functions, never a rule with an effect twice. The
// plans are read as text (docs/ir.md).
#include <gtest/gtest.h>

#include <string>

#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler {
namespace {

// The listing of one function or plan of `plan`, from the start of its header line
// ("rule g0.data.t.p @", "func g0.data.t.f(", "plan query @").
std::string section(const std::string& plan, const std::string& header) {
  size_t at = plan.find("\n" + header);
  if (at == std::string::npos) return "";
  size_t end = plan.find("\n}\n", at);
  return plan.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

bool calls(const std::string& listing, const std::string& rule) {
  return listing.find("call @g0.data.t." + rule + "()") != std::string::npos;
}

TEST(PlanInline, SmallRulesAreCopiedIntoEveryCaller) {
  std::string plan = testing::plan_text(R"(package t

finance if input.resource.type == "project"

read if {
	input.action == "read"
	finance
}

write if {
	input.action == "write"
	finance
}

either if read
either if write
)",
                                        "data.t.either");
  std::string either = section(plan, "rule g0.data.t.either @");
  ASSERT_FALSE(either.empty()) << plan;
  EXPECT_FALSE(calls(either, "read")) << either;
  EXPECT_FALSE(calls(either, "write")) << either;
  EXPECT_FALSE(calls(either, "finance")) << either;
  // `finance` is copied twice: once into each copy of its callers.
  EXPECT_NE(either.find(R"("project")"), either.rfind(R"("project")")) << either;
  // The query is `either`'s one caller.
  EXPECT_FALSE(calls(section(plan, "plan query @"), "either")) << plan;
}

TEST(PlanInline, NotIntoLoops) {
  std::string plan = testing::plan_text(R"(package t

limit := input.limit

p contains x if {
	some x in data.xs
	x > 0
	x < limit
}
)",
                                        "data.t.p");
  // Inside the loop the memoised call stays: the body would run once per element. (A
  // call at the head of the body moves before the loop first, hoist.h: here `x > 0`
  // comes before it.)
  EXPECT_TRUE(calls(section(plan, "rule g0.data.t.p @"), "limit")) << plan;
}

TEST(PlanInline, NotIntoFunctions) {
  std::string plan = testing::plan_text(R"(package t

admin if input.role == "admin"

f(x) if {
	admin
	x > 1
}

p if f(2)
)",
                                        "data.t.p");
  std::string f = section(plan, "func g0.data.t.f(");
  ASSERT_FALSE(f.empty()) << plan;
  EXPECT_TRUE(calls(f, "admin")) << plan;
}

TEST(PlanInline, LargeRulesOnlyWhereCalledOnce) {
  // `granted` has a loop, so it is not small: copied into its one caller, but a rule
  // with two callers keeps its calls.
  std::string once = testing::plan_text(R"(package t

granted if {
	some g in data.grants
	g == input.action
}

p if granted
)",
                                        "data.t.p");
  EXPECT_FALSE(calls(section(once, "rule g0.data.t.p @"), "granted")) << once;

  std::string twice = testing::plan_text(R"(package t

granted if {
	some g in data.grants
	g == input.action
}

p if granted

q if granted

r if {
	p
	q
}
)",
                                         "data.t.r");
  EXPECT_TRUE(calls(twice, "granted")) << twice;
}

TEST(PlanInline, EachPlanCountsItsOwnCalls) {
  // One evaluation runs one plan: a rule that the query plan and the decision plan each
  // call once is copied into both, but not where a rule of theirs calls it as well.
  const char* policy = R"(package t

granted if {
	some g in data.grants
	g == input.action
}

decision := "allow" if granted
else := "deny"

both := [granted, decision]
)";
  std::string plan = testing::plan_text(policy, "data.t.decision", false, "decision");
  ASSERT_FALSE(section(plan, "plan decision @").empty()) << plan;
  EXPECT_FALSE(calls(section(plan, "plan decision @"), "decision")) << plan;
  EXPECT_FALSE(calls(section(plan, "plan query @"), "decision")) << plan;
  EXPECT_FALSE(calls(plan, "granted")) << plan;

  plan = testing::plan_text(policy, "data.t.both", false, "decision");
  EXPECT_TRUE(calls(plan, "granted")) << plan;  // by `both` and by `decision`
}

TEST(PlanInline, ALongRuleIsCopiedIntoTheDecisionPlanOnly) {
  // 300 bodies of an indexed rule: past the single-site bound on statements, but with few
  // locals. The decision plan, which every decision runs, gets the copy; the query plan
  // keeps the call.
  std::string policy = "package t\n\ndefault allow := false\n";
  for (int i = 0; i < 300; ++i) {
    policy += "\nallow if {\n\tinput.subject == \"s" + std::to_string(i) + "\"\n\tinput.action == \"read\"\n}\n";
  }
  std::string plan = testing::plan_text(policy, "data.t.allow", false, "decision");
  ASSERT_FALSE(section(plan, "plan decision @").empty()) << plan.substr(0, 2000);
  EXPECT_FALSE(calls(section(plan, "plan decision @"), "allow"));
  EXPECT_TRUE(calls(section(plan, "plan query @"), "allow"));
  EXPECT_TRUE(calls(testing::plan_text(policy, "data.t.allow"), "allow"));  // no decision plan
}

TEST(PlanInline, RulesThatPrintAreNotCopiedTwice) {
  std::string plan = testing::plan_text(R"(package t

noisy if print("checked")

p if noisy

q if noisy

r if {
	p
	q
}
)",
                                        "data.t.r", true);
  ASSERT_NE(plan.find("internal.print"), std::string::npos) << plan;
  EXPECT_TRUE(calls(plan, "noisy")) << plan;
}

TEST(PlanInline, TheReturnedLocalBecomesTheTarget) {
  // A copy ends without an assignment of the result: the rule's own result local is the
  // call's target.
  std::string plan = testing::plan_text(R"(package t

x := input.x

p := x
)",
                                        "data.t.p");
  std::string p = section(plan, "rule g0.data.t.p @");
  EXPECT_FALSE(calls(p, "x")) << plan;
  EXPECT_EQ(p.find("assign l"), std::string::npos) << p;
}

}  // namespace
}  // namespace arcane::compiler
