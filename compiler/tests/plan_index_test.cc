// The planner indexes a large rule group on each kind of guard (equality, `in`,
// glob.match), also when it has copied the guarded ref into a variable before the call
// that tests it: the plan holds a `ruleindex` statement.
#include <gtest/gtest.h>

#include "compiler/plan/planner.h"
#include "compiler/tests/stage_helpers.h"
#include "ir/printer.h"

namespace arcane::compiler {
namespace {

std::string plan_of(const std::string& guard_of_rule) {
  std::string module = "package t\n\n";
  for (int i = 0; i < 20; ++i) {
    std::string g = guard_of_rule;
    for (size_t at; (at = g.find("{i}")) != std::string::npos;) g.replace(at, 3, std::to_string(i));
    module += "allow if {\n\t" + g + "\n\tinput.action == \"read\"\n}\n";
  }
  auto c = testing::compile_texts({module});
  if (!c->program) return c->errors();
  uint32_t id = c->sources.add("query", "data.t.allow");
  auto body = parse_query(c->sources, id, {}, c->diags);
  if (!body.ok()) return c->errors();
  QueryOptions qo;
  qo.sources = &c->sources;
  auto q = compile_query(*c->program, std::move(*body), qo, c->diags);
  if (!q.ok()) return c->errors();
  plan::QuerySpec spec;
  spec.sources = {&c->sources};
  auto policy = plan::plan_query(*c->program, q->body, spec);
  if (!policy.ok()) return "plan error";
  return ir::print_policy(*policy);
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
