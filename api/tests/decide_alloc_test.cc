// The decision path allocates nothing once warm (issue 5: a boolean decision over existing
// data with pre-decoded input). This binary links the counting operator new
// (runtime/alloc_count.h), so the count is exact, not a timing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "arcane/arcane.h"
#include "runtime/alloc_count.h"

namespace arcane {
namespace {

const char* kRbac = R"(package rbac

default allow := false

allow if {
	some role in data.users[input.user]
	some grant in data.grants[role]
	grant.action == input.action
	grant.type == input.type
}
)";

const char* kData = R"({"users": {"user-1": ["role-3", "a role name longer than inline", "role-19"]},
  "grants": {"role-3": [{"action": "read", "type": "document"}],
             "a role name longer than inline": [{"action": "write", "type": "a type name longer than inline"}],
             "role-19": [{"action": "read", "type": "report"}, {"action": "approve", "type": "invoice"}]}})";

TEST(DecideAllocations, AWarmBooleanDecisionAllocatesNothing) {
  EngineBuilder b;
  b.add_module("rbac.rego", kRbac);
  b.add_data(value_from_json(kData).value());
  auto engine = b.build();
  ASSERT_TRUE(engine.ok());
  auto q = engine->prepare("data.rbac.allow");
  ASSERT_TRUE(q.ok());
  for (const char* input : {R"({"user": "user-1", "action": "approve", "type": "invoice"})",
                            R"({"user": "user-1", "action": "delete", "type": "invoice"})",
                            R"({"user": "nobody", "action": "read", "type": "document"})"}) {
    EvalOptions o;
    o.input = value_from_json(input).value();
    Decision first = q->decide(o);  // warms this thread's evaluation buffers
    ASSERT_TRUE(first.ok());
    uint64_t before = runtime::thread_allocations();
    for (int i = 0; i < 100; ++i) {
      Decision d = q->decide(o);
      ASSERT_EQ(d.allowed(), first.allowed());
    }
    EXPECT_EQ(runtime::thread_allocations() - before, 0u) << input;
  }
}

// A decision that builds its result (a set of reasons longer than inline strings, sorted
// into an array, in an object): the evaluation's nodes come from its machine's arena, which
// the next evaluation starts over once the caller has dropped the decision.
const char* kReasons = R"(package reasons

deny contains sprintf("user %s may not %s", [input.user, input.action]) if input.action != "read"
deny contains "requests from outside the network are refused" if not input.internal

decision := {"lane": "deny", "reasons": sort(deny)} if count(deny) > 0
)";

// The prepared decision of kReasons (engines and queries are shared handles).
Result<PreparedQuery> reasons_query() {
  EngineBuilder b;
  b.add_module("reasons.rego", kReasons);
  auto engine = b.build();
  EXPECT_TRUE(engine.ok());
  return engine->prepare("data.reasons.decision");
}

Value reasons_decision(const PreparedQuery& q, const char* input) {
  EvalOptions o;
  o.input = value_from_json(input).value();
  Decision d = q.decide(o);
  EXPECT_TRUE(d.ok() && d.value);
  return d.value.value_or(Value());
}

TEST(DecideAllocations, AWarmDecisionThatBuildsItsResultAllocatesNothing) {
  auto q = reasons_query();
  ASSERT_TRUE(q.ok());
  EvalOptions o;
  o.input = value_from_json(R"({"user": "someone with a long name", "action": "write"})").value();
  Decision first = q->decide(o);
  ASSERT_TRUE(first.ok() && first.value);
  ASSERT_EQ(first.value->find("reasons")->size(), 2u);
  first = Decision();
  q->decide(o);  // warm, with nothing of the first decision kept
  uint64_t before = runtime::thread_allocations();
  for (int i = 0; i < 100; ++i) {
    Decision d = q->decide(o);
    ASSERT_TRUE(d.value);
    ASSERT_EQ(d.value->find("reasons")->size(), 2u);
  }
  EXPECT_EQ(runtime::thread_allocations() - before, 0u);
}

TEST(DecideAllocations, DecisionsTheCallerKeepsStayIntact) {
  auto q = reasons_query();
  ASSERT_TRUE(q.ok());
  std::vector<Value> kept;
  std::vector<std::string> expected;
  for (int i = 0; i < 300; ++i) {
    std::string user = "user number " + std::to_string(i) + " of the test";
    std::string input = R"({"user": ")" + user + R"(", "action": "write", "internal": true})";
    kept.push_back(reasons_decision(*q, input.c_str()));
    expected.push_back(R"({"lane":"deny","reasons":["user )" + user + R"( may not write"]})");
    if (i % 2 == 1) kept[i - 1] = Value();  // some die, some live on
  }
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i % 2 == 0 && i + 1 < kept.size()) continue;
    EXPECT_EQ(value_to_json(kept[i]), expected[i]);
  }
}

}  // namespace
}  // namespace arcane
