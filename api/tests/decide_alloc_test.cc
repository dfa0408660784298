// The decision path allocates nothing once warm (issue 5: a boolean decision over existing
// data with pre-decoded input). This binary links the counting operator new
// (runtime/alloc_count.h), so the count is exact, not a timing.
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace arcane
