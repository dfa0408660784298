// Which comprehensions the planner indexes (comprehension_keys.h): the plan of an indexed
// one groups the body's results once (`groupadd`, in a rule of its own, which may be
// copied into its caller); the others are evaluated per binding, as OPA's compiler
// decides.
#include <gtest/gtest.h>

#include <string>

#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler {
namespace {

// The plan of data.t.p for a module whose rule p has `body`.
std::string plan_of_body(const std::string& body) {
  return testing::plan_text("package t\n\np if {\n" + body + "\n}\n", "data.t.p");
}

bool indexed(const std::string& body) {
  return plan_of_body(body).find("groupadd") != std::string::npos;
}

TEST(ComprehensionIndex, ClosedOverVariableBoundByTheBodyIsAKey) {
  std::string plan = plan_of_body(R"(	some u in data.users
	names := [t.name | some t in data.teams; t.members[_] = u]
	count(names) > 0)");
  EXPECT_NE(plan.find("groupadd"), std::string::npos) << plan;
  // The index is a rule called at the head of the loop over users: it is built once,
  // before that loop (hoist.h), where it is copied (inline.h).
  size_t users = plan.find(R"(dot data, "users" -> )");
  ASSERT_NE(users, std::string::npos) << plan;
  std::string local = plan.substr(users + 21, plan.find(' ', users + 21) - (users + 21));
  size_t loop = plan.find("scan " + local + " ->");
  ASSERT_NE(loop, std::string::npos) << plan;
  EXPECT_LT(plan.find("groupadd"), loop) << plan;
}

TEST(ComprehensionIndex, SetsObjectsAndSeveralKeys) {
  EXPECT_TRUE(indexed(R"(	some u in data.users
	s := {t.name | some t in data.teams; t.members[_] = u}
	count(s) > 0)"));
  std::string plan = plan_of_body(R"(	some u in data.users
	o := {t.name: 1 | some t in data.teams; t.members[_] = u}
	count(o) > 0)");
  EXPECT_NE(plan.find("groupinsert"), std::string::npos) << plan;
  EXPECT_TRUE(indexed(R"(	some u in data.users
	some n in data.names
	xs := [i | some i, t in data.teams; t.members[_] = u; t.name = n]
	count(xs) > 0)"));
}

TEST(ComprehensionIndex, NotUnderWith) {
  EXPECT_FALSE(indexed(R"(	some u in data.users
	xs := [t | some t in data.teams; t.members[_] = u] with input as 1
	count(xs) > 0)"));
}

TEST(ComprehensionIndex, BodyMustBeSafeWithoutTheOuterQuery) {
  // n is read, never bound, by the body.
  EXPECT_FALSE(indexed(R"(	some n in data.sizes
	xs := [t | some t in data.teams; t.size > n]
	count(xs) > 0)"));
}

TEST(ComprehensionIndex, NotWhenGroupingWouldScanWhatWasALookup) {
  // data.m[u] is a lookup per binding of u; grouping would iterate all of data.m.
  EXPECT_FALSE(indexed(R"(	some u in data.users
	xs := [y | y := data.m[u]]
	count(xs) > 0)"));
  // A nested comprehension closing over the candidate.
  EXPECT_FALSE(indexed(R"(	some u in data.users
	xs := [t | some t in data.teams; t.members[_] = u; count([1 | u != "x"]) >= 0]
	count(xs) > 0)"));
}

TEST(ComprehensionIndex, NoCandidateNoIndex) {
  EXPECT_FALSE(indexed(R"(	xs := [t | some t in data.teams; t.members[_] = u]
	count(xs) > 0)"));
}

}  // namespace
}  // namespace arcane::compiler
