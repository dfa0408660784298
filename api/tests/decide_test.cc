// PreparedQuery::decide(): the decision path gives what eval()'s first row gives, with the
// same errors and limits, from many threads. (The conformance runner also checks every
// case both ways; these pin the API's own promises.)
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "arcane/arcane.h"

namespace arcane {
namespace {

const char* kPolicy = R"(package authz

default allow := false

allow if {
	some role in data.users[input.user]
	some grant in data.grants[role]
	grant.action == input.action
}

names contains name if some name, _ in data.users

conflict := input.a
conflict := input.b
)";

const char* kData = R"({"users": {"alice": ["admin"], "bob": ["viewer", "a role name longer than inline"]},
  "grants": {"admin": [{"action": "read"}, {"action": "write"}], "viewer": [{"action": "read"}],
             "a role name longer than inline": [{"action": "approve"}]}})";

Value json(const char* text) {
  auto v = value_from_json(text);
  EXPECT_TRUE(v.ok());
  return std::move(v).value();
}

PreparedQuery prepare(const char* query, PrepareOptions options = {}) {
  EngineBuilder b;
  b.add_module("authz.rego", kPolicy);
  b.add_data(json(kData));
  auto engine = b.build();
  EXPECT_TRUE(engine.ok()) << (engine.ok() ? "" : engine.error().to_string());
  auto q = engine->prepare(query, options);
  EXPECT_TRUE(q.ok()) << (q.ok() ? "" : q.error().to_string());
  return std::move(q).value();
}

EvalOptions with_input(const char* input) {
  EvalOptions o;
  o.input = json(input);
  return o;
}

TEST(Decide, AllowAndDeny) {
  PreparedQuery q = prepare("data.authz.allow");
  Decision yes = q.decide(with_input(R"({"user": "alice", "action": "write"})"));
  EXPECT_TRUE(yes.ok());
  EXPECT_TRUE(yes.allowed());
  Decision long_role = q.decide(with_input(R"({"user": "bob", "action": "approve"})"));
  EXPECT_TRUE(long_role.allowed());
  Decision no = q.decide(with_input(R"({"user": "bob", "action": "write"})"));
  ASSERT_TRUE(no.value);
  EXPECT_EQ(*no.value, Value::boolean(false));
  EXPECT_FALSE(no.allowed());
}

TEST(Decide, UndefinedIsNoValue) {
  PreparedQuery q = prepare("data.authz.allow == 7");
  Decision d = q.decide(with_input(R"({"user": "alice", "action": "read"})"));
  EXPECT_TRUE(d.ok());
  EXPECT_FALSE(d.value);
  EXPECT_FALSE(d.allowed());
}

TEST(Decide, AComparisonThatHoldsIsTrue) {
  PreparedQuery q = prepare("input.user == \"alice\"");
  EXPECT_TRUE(q.decide(with_input(R"({"user": "alice"})")).allowed());
  EXPECT_FALSE(q.decide(with_input(R"({"user": "bob"})")).value);
}

TEST(Decide, FirstValueOfTheFirstRow) {
  PreparedQuery q = prepare("some x in data.authz.names; x");
  EvalOptions o;
  EvalResult all = q.eval(o);
  ASSERT_EQ(all.rows.size(), 2u);
  Decision d = q.decide(o);
  ASSERT_TRUE(d.value);
  EXPECT_EQ(*d.value, all.rows[0].expressions[0].value);
  // A set value (built by the rule) comes back whole and owned by the caller.
  PreparedQuery names = prepare("data.authz.names");
  Decision set = names.decide(o);
  ASSERT_TRUE(set.value);
  EXPECT_EQ(value_to_json(*set.value), R"(["alice","bob"])");
}

TEST(Decide, ErrorsAreEvalsErrors) {
  PreparedQuery q = prepare("data.authz.conflict");
  Decision d = q.decide(with_input(R"({"a": 1, "b": 2})"));
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "eval_conflict_error");
  EXPECT_EQ(d.error->code, q.eval(with_input(R"({"a": 1, "b": 2})")).error->code);
  EXPECT_FALSE(d.allowed());
}

TEST(Decide, LimitsApply) {
  PreparedQuery q = prepare("data.authz.allow");
  EvalOptions o = with_input(R"({"user": "alice", "action": "read"})");
  o.limits.max_instructions = 1;  // (allow is inlined into the plan: no call to limit the depth of)
  Decision d = q.decide(o);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "eval_cancel_error");
}

TEST(Decide, DataPartsOutliveTheEngine) {
  // The value a decision returns may be a part of the engine's data: it is the caller's.
  Decision d;
  {
    PreparedQuery q = prepare("data.users.bob");
    d = q.decide();
  }
  ASSERT_TRUE(d.value);
  EXPECT_EQ(value_to_json(*d.value), R"(["viewer","a role name longer than inline"])");
}

TEST(Decide, TracedQueriesStillDecide) {
  PrepareOptions po;
  po.trace = true;
  PreparedQuery q = prepare("data.authz.allow", po);
  TraceBuffer trace;
  EvalOptions o = with_input(R"({"user": "alice", "action": "write"})");
  o.tracer = &trace;
  EXPECT_TRUE(q.decide(o).allowed());
  EXPECT_FALSE(trace.events.empty());
}

TEST(Decide, ManyThreadsOnOneQuery) {
  PreparedQuery q = prepare("data.authz.allow");
  EvalOptions yes = with_input(R"({"user": "bob", "action": "approve"})");
  EvalOptions no = with_input(R"({"user": "bob", "action": "write"})");
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (!q.decide(yes).allowed()) ++wrong[t];
        if (q.decide(no).allowed()) ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace arcane
