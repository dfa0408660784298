// Indexed comprehensions (compiler/plan/comprehension_keys.h) give what evaluating the
// comprehension per binding gives: the same arrays in the same order (repeats kept), sets,
// objects, several keys, keys with no group, inside `with`, and in queries. Traced plans
// are never indexed, so each query is run both ways and compared, besides the values
// written out.
#include <gtest/gtest.h>

#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

constexpr const char* kPolicy = R"(package t

users := ["alice", "bob", "carol", "dave"]

teams := [
	{"name": "a", "members": ["alice", "bob"]},
	{"name": "b", "members": ["bob"]},
	{"name": "c", "members": ["carol", "alice"]},
	{"name": "d", "members": ["alice", "alice"]},
]

teams_of[u] := names if {
	some u in users
	names := [t.name | some t in teams; t.members[_] = u]
}

team_set[u] := s if {
	some u in users
	s := {t.name | some t in teams; t.members[_] = u}
}

sizes[u] := o if {
	some u in users
	o := {t.name: count(t.members) | some t in teams; t.members[_] = u}
}

positions[[u, n]] := xs if {
	some u in users
	some n in ["a", "c", "z"]
	xs := [i | some i, t in teams; t.members[_] = u; t.name = n]
}

nobody_else[u] := names if {
	some u in users
	names := [t.name | some t in teams; t.members[_] = u; input.only != t.name]
}

by_input := names if {
	u := input.user
	names := [t.name | some t in teams; t.members[_] = u]
}
)";

class ComprehensionIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = testing::engine_of(kPolicy);
    ASSERT_TRUE(engine_);
  }

  // The value of x in `x := <expr>`, checked against the unindexed evaluation.
  std::string value(const std::string& expr, const char* input = nullptr) {
    return testing::bindings_text_checked(*engine_, "x := " + expr, input);
  }

  std::optional<Engine> engine_;
};

TEST_F(ComprehensionIndex, ArraysKeepOrderAndRepeats) {
  EXPECT_EQ(value("data.t.teams_of"), R"(x={"alice":["a","c","d","d"],"bob":["a","b"],"carol":["c"],"dave":[]} )"
                                      "\n");
}

TEST_F(ComprehensionIndex, SetsAndObjects) {
  EXPECT_EQ(value("data.t.team_set"), R"(x={"alice":["a","c","d"],"bob":["a","b"],"carol":["c"],"dave":[]} )"
                                      "\n");
  EXPECT_EQ(value("data.t.sizes"),
            R"(x={"alice":{"a":2,"c":2,"d":2},"bob":{"a":2,"b":1},"carol":{"c":2},"dave":{}} )"
            "\n");
}

TEST_F(ComprehensionIndex, SeveralKeys) {
  EXPECT_EQ(value(R"(data.t.positions[["alice", "c"]])"), "x=[2] \n");
  EXPECT_EQ(value(R"(data.t.positions[["bob", "c"]])"), "x=[] \n");
  value("data.t.positions");
}

TEST_F(ComprehensionIndex, InputAndWith) {
  EXPECT_EQ(value("data.t.by_input", R"({"user": "bob"})"), R"(x=["a","b"] )"
                                                            "\n");
  EXPECT_EQ(value("data.t.nobody_else", R"({"only": "a"})"),
            R"(x={"alice":["c","d","d"],"bob":["b"],"carol":["c"],"dave":[]} )"
            "\n");
  // The groups are computed again under a different input.
  std::string q = R"(a := data.t.by_input with input.user as "carol"; b := data.t.by_input)";
  std::string indexed = testing::bindings_text_checked(*engine_, q, R"({"user": "bob"})");
  EXPECT_EQ(indexed, R"(a=["c"] b=["a","b"] )"
                     "\n");
}

TEST_F(ComprehensionIndex, Queries) {
  std::string q = R"(some u in data.t.users; xs := [t.name | some t in data.t.teams; t.members[_] = u])";
  std::string indexed = testing::bindings_text_checked(*engine_, q, nullptr);
  EXPECT_NE(indexed.find(R"(xs=["a","c","d","d"])"), std::string::npos) << indexed;
  EXPECT_NE(indexed.find(R"(xs=[])"), std::string::npos) << indexed;
}

}  // namespace
}  // namespace arcane
