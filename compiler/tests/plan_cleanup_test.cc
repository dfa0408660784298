// The cleanups after planning: locals reused by sibling blocks are split
// (split_locals.h), a one-body rule assigns its result directly (rule_result.h), checks
// that cannot fail go (known_conditions.h) and a lookup made twice is made once
// (shared_lookups.h), and so is a path into the documents that sibling bodies look up
// (document_paths.h). The plans are read as text (docs/ir.md).
#include <gtest/gtest.h>

#include <string>

#include "compiler/tests/stage_helpers.h"
#include "ir/printer.h"
#include "ir/verifier.h"

namespace arcane::compiler {
namespace {

// The listing of rule `name` in `plan` (up to its closing brace), or "".
std::string rule_listing(const std::string& plan, const std::string& name) {
  size_t at = plan.find("rule g0.data.t." + name + " @");
  if (at == std::string::npos) return "";
  return plan.substr(at, plan.find("\n}\n", at) - at);
}

size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(PlanCleanup, OneBodyRulesAssignTheirResult) {
  std::string plan = testing::plan_text(R"(package t

p if input.x == 1
)",
                                        "data.t.p", false);
  // The rule's function: the body assigns l2, which it returns; no reset, no copy.
  std::string rule = rule_listing(plan, "p");
  ASSERT_FALSE(rule.empty()) << plan;
  EXPECT_NE(rule.find("assignonce true -> l2"), std::string::npos) << rule;
  EXPECT_EQ(rule.find("reset"), std::string::npos) << rule;
  EXPECT_EQ(rule.find("isdefined"), std::string::npos) << rule;
}

TEST(PlanCleanup, SeveralBodiesKeepTheirCheck) {
  std::string plan = testing::plan_text(R"(package t

p := 1 if input.x == 1

p := 2 if input.y == 1
)",
                                        "data.t.p", false);
  std::string rule = rule_listing(plan, "p");
  ASSERT_FALSE(rule.empty()) << plan;
  // Each body still resets its own result local and checks it into l2, where a second
  // value would conflict with the first.
  EXPECT_EQ(count_of(rule, "reset -> l"), 2u) << rule;
  EXPECT_EQ(count_of(rule, "isdefined l"), 2u) << rule;
  EXPECT_EQ(count_of(rule, " -> l2"), 2u) << rule;
}

TEST(PlanCleanup, BooleanResultsNeedNoFalseCheck) {
  // `finance` is only ever true: its caller's `notequal ..., false` is an isdefined.
  std::string plan = testing::plan_text(R"(package t

finance if input.type == "project"

p if {
	finance
	input.x == 1
}
)",
                                        "data.t.p", false);
  EXPECT_EQ(plan.find("notequal"), std::string::npos) << plan;
  // A constant condition is dropped too.
  plan = testing::plan_text(R"(package t

p := 1 if true
)",
                            "data.t.p", false);
  EXPECT_EQ(plan.find("notequal true, false"), std::string::npos) << plan;
}

TEST(PlanCleanup, OtherValuesKeepTheCheck) {
  std::string plan = testing::plan_text(R"(package t

flag := input.flag

p if {
	flag
	input.x == 1
}
)",
                                        "data.t.p", false);
  EXPECT_NE(plan.find(", false"), std::string::npos) << plan;
}

TEST(PlanCleanup, ElseBranchesGetTheirOwnLocalsSoCopiesGo) {
  // Each branch of the chain binds x from its own call: once split, every copy of a
  // call's result into x is removed.
  std::string plan = testing::plan_text(R"(package t

a := input.a

b := input.b

lane := x if {
	x := a
	x > 1
} else := y if {
	y := b
	y > 1
}
)",
                                        "data.t.lane", false);
  std::string rule = rule_listing(plan, "lane");
  ASSERT_FALSE(rule.empty()) << plan;
  EXPECT_EQ(rule.find("assign l"), std::string::npos) << rule;
}

TEST(PlanCleanup, ALookupMadeTwiceIsMadeOnce) {
  std::string plan = testing::plan_text(R"(package t

p if {
	input.resource.type == "project"
	startswith(input.resource.key, "FIN-")
}
)",
                                        "data.t.p", false);
  std::string p = rule_listing(plan, "p");
  EXPECT_EQ(count_of(p, R"(dot input, "resource")"), 1u) << plan;
}

TEST(PlanCleanup, NotAcrossWith) {
  // Under `with` the input differs. Sibling bodies share their lookups through
  // document_paths.h instead: a sibling body's lookup has not run in this one.
  std::string plan = testing::plan_text(R"(package t

r if input.a.b == 1

p if {
	input.a.c == 2
	r with input.a as {"b": 1}
}

q if input.a.b == 3

q if input.a.c == 4
)",
                                        "x := [data.t.p, data.t.q]", false);
  EXPECT_EQ(count_of(rule_listing(plan, "p"), R"(dot input, "a")"), 2u) << plan;
  EXPECT_EQ(count_of(rule_listing(plan, "q"), R"(dot input, "a")"), 1u) << plan;
}

TEST(PlanCleanup, SiblingBodiesLookAPathUpOnce) {
  std::string plan = testing::plan_text(R"(package t

q if input.a.b == 3

q if input.a.c == 4

q if data.t.m[input.a.b] == 5

m := {"x": 5}
)",
                                        "data.t.q", false);
  std::string q = rule_listing(plan, "q");
  ASSERT_FALSE(q.empty()) << plan;
  // input.a (three bodies) and input.a.b (two) are looked up first, each in a block of
  // its own; the bodies check they are defined. input.a.c, data.t and data.t.m are
  // looked up once, where they were.
  EXPECT_EQ(count_of(q, R"(dot input, "a")"), 1u) << q;
  EXPECT_EQ(count_of(q, R"(, "b" -> )"), 1u) << q;
  EXPECT_EQ(count_of(q, R"(, "c" -> )"), 1u) << q;
  EXPECT_LT(q.find(R"(dot input, "a")"), q.find(R"(, "b" -> )")) << q;
  EXPECT_LT(q.find(R"(, "b" -> )"), q.find(R"(, "c" -> )")) << q;
}

TEST(PlanCleanup, FunctionsKeepTheirLookups) {
  // A Rego function runs once per call: it looks up only what its bodies need.
  std::string plan = testing::plan_text(R"(package t

f(x) if input.a.b == x

f(x) if input.a.c == x

p if f(1)
)",
                                        "data.t.p", false);
  size_t at = plan.find("func g0.data.t.f");
  ASSERT_NE(at, std::string::npos) << plan;
  std::string f = plan.substr(at, plan.find("\n}\n", at) - at);
  EXPECT_EQ(count_of(f, R"(dot input, "a")"), 2u) << f;
}

TEST(PlanCleanup, ARuleCalledTwiceInABodyIsCalledOnce) {
  // `count(s)` and `s` call s once; s, now called from one place, is then copied
  // into p (inline.h) although it has a loop.
  std::string plan = testing::plan_text(R"(package t

s contains x if some x in input.xs

p := [count(s), s]
)",
                                        "data.t.p", false);
  std::string p = rule_listing(plan, "p");
  ASSERT_FALSE(p.empty()) << plan;
  EXPECT_EQ(count_of(p, "@g0.data.t.s"), 0u) << p;
  EXPECT_EQ(count_of(p, "scan "), 1u) << p;
}

TEST(PlanCleanup, NegationsNeedNoFlag) {
  // `not input.a.b` and `not data.t.m[input.k]` are `not` blocks: no flag local is
  // reset, set and tested, and no reset of a local that nothing reads is left.
  std::string plan = testing::plan_text(R"(package t

m := {"x": 1}

p if {
	not input.a.b
	not data.t.m[input.k]
}
)",
                                        "data.t.p", false);
  std::string p = rule_listing(plan, "p");
  ASSERT_FALSE(p.empty()) << plan;
  EXPECT_EQ(count_of(p, "not @"), 2u) << p;
  EXPECT_EQ(count_of(p, "isundefined"), 0u) << p;
  EXPECT_EQ(count_of(p, "reset"), 0u) << p;
}

// Every path's local that a statement reads keeps an `isdefined` before the read (the
// verifier's definite assignment), even where a longer path's check would imply it:
// `input.agent.id` is read by sprintf after `data.registry.agents[input.agent.id]` is
// checked.
TEST(PlanCleanup, PathsReadAfterALongerCheckStayChecked) {
  auto c = testing::compile_texts({R"(package t

reasons contains msg if {
	agent := data.registry.agents[input.agent.id]
	agent.status != "active"
	msg := sprintf("%s is %s", [input.agent.id, agent.status])
}

reasons contains "unknown agent" if not data.registry.agents[input.agent.id]
)"});
  ASSERT_TRUE(c->program) << c->errors();
  QueryOptions qo;
  auto q = testing::compile_query_text(*c, "data.t.reasons", qo);
  ASSERT_TRUE(q);
  plan::QuerySpec spec;
  spec.sources = {&c->sources};
  auto policy = plan::plan_query(*c->program, q->body, spec);
  ASSERT_TRUE(policy.ok());
  ir::VerifyOptions vo;
  vo.definite_assignment = true;
  std::vector<runtime::Diagnostic> errors = ir::verify_policy(*policy, vo);
  EXPECT_TRUE(errors.empty()) << errors[0].message << "\n" << ir::print_policy(*policy);
}

}  // namespace
}  // namespace arcane::compiler
