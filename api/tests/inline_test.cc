// Rules copied into their callers (compiler/plan/inline.h) give what calling them gives:
// values, undefined results, else chains, conflicts (with the complete rule's message),
// `with` on input and data, rules returning a document as it is. Traced plans never
// inline, so each query is run both ways and compared, besides the values written out.
#include <gtest/gtest.h>

#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

constexpr const char* kPolicy = R"(package t

finance if startswith(input.key, "FIN-")

tier := input.tier

read if {
	input.action == "read"
	finance
	tier >= 2
}

write if {
	input.action == "write"
	finance
	tier >= 3
}

lane := "allow" if read
else := "review" if write
else := "deny"

doc := input

nothing if input.missing == 1

maybe := x if {
	nothing
	x := 1
}

conflict := 1 if input.a
conflict := 2 if input.b

conflicting if conflict == 1

lookup := data.t.table[input.key]

table := {"FIN-1": "ledger"}

grants contains g if {
	some g in ["a", "b"]
	g != input.skip
	finance
}
)";

class Inline : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = testing::engine_of(kPolicy);
    ASSERT_TRUE(engine_);
  }

  // The value of x in `x := <expr>` (or the error), checked against the calls.
  std::string value(const std::string& expr, const char* input) {
    return testing::bindings_text_checked(*engine_, "x := " + expr, input);
  }

  std::optional<Engine> engine_;
};

TEST_F(Inline, ValuesAndElseChains) {
  EXPECT_EQ(value("data.t.lane", R"({"action": "read", "key": "FIN-1", "tier": 2})"), "x=\"allow\" \n");
  EXPECT_EQ(value("data.t.lane", R"({"action": "write", "key": "FIN-1", "tier": 3})"), "x=\"review\" \n");
  EXPECT_EQ(value("data.t.lane", R"({"action": "write", "key": "FIN-1", "tier": 2})"), "x=\"deny\" \n");
  EXPECT_EQ(value("data.t.lane", R"({"action": "read", "key": "HR-1", "tier": 5})"), "x=\"deny\" \n");
  EXPECT_EQ(value("data.t.lane", nullptr), "x=\"deny\" \n");
}

TEST_F(Inline, UndefinedRulesAndDocuments) {
  EXPECT_EQ(value("data.t.maybe", R"({"missing": 2})"), "");
  EXPECT_EQ(value("data.t.maybe", R"({"missing": 1})"), "x=1 \n");
  EXPECT_EQ(value("data.t.doc", R"({"a": [1]})"), "x={\"a\":[1]} \n");
  EXPECT_EQ(value("data.t.doc", nullptr), "");
  EXPECT_EQ(value("data.t.lookup", R"({"key": "FIN-1"})"), "x=\"ledger\" \n");
  EXPECT_EQ(value("data.t.lookup", R"({"key": "FIN-2"})"), "");
  EXPECT_EQ(value("data.t.grants", R"({"key": "FIN-2", "skip": "a"})"), "x=[\"b\"] \n");
}

TEST_F(Inline, ConflictsKeepTheRuleMessage) {
  std::string got = value("data.t.conflicting", R"({"a": true, "b": true})");
  EXPECT_NE(got.find("eval_conflict_error: complete rules must not produce multiple outputs"), std::string::npos)
      << got;
  EXPECT_EQ(value("data.t.conflicting", R"({"a": true})"), "x=true \n");
}

TEST_F(Inline, With) {
  std::string q = R"(a := data.t.lane with input.tier as 3 with input.action as "write"; b := data.t.lane)";
  const char* input = R"({"action": "read", "key": "FIN-1", "tier": 2})";
  std::string inlined = testing::bindings_text_checked(*engine_, q, input);
  EXPECT_EQ(inlined, "a=\"review\" b=\"allow\" \n");
  q = R"(a := data.t.lookup with data.t.table as {"FIN-1": "other"}; b := data.t.lookup)";
  inlined = testing::bindings_text_checked(*engine_, q, R"({"key": "FIN-1"})");
  EXPECT_EQ(inlined, "a=\"other\" b=\"ledger\" \n");
}

// A rule called at the head of a loop is called once before it (compiler/plan/hoist.h),
// and only when the loop iterates: its conflict is reported exactly when evaluating the
// loop's first element would have reached it, as OPA does.
TEST(InlineHoisted, ARuleBeforeALoopRunsOnlyWhenTheLoopDoes) {
  std::optional<Engine> engine = testing::engine_of(R"(package t

c := 1
c := 2

ok := {"a"}

p contains s if {
	some s in input.xs
	s == c
}

q contains s if {
	some s in input.xs
	s in ok
}
)");
  ASSERT_TRUE(engine);
  auto p = [&](const char* input) { return testing::bindings_text_checked(*engine, "x := data.t.p", input); };
  for (const char* quiet : {R"({"xs": []})", R"({"xs": {}})", R"({"xs": "a string"})", R"({"xs": 5})", "{}"}) {
    EXPECT_EQ(p(quiet), "x=[] \n") << quiet;
  }
  for (const char* loud : {R"({"xs": [1]})", R"({"xs": {"k": 1}})", R"({"xs": [2, 3]})"}) {
    EXPECT_NE(p(loud).find("eval_conflict_error"), std::string::npos) << loud;
  }
  auto q = [&](const char* input) { return testing::bindings_text_checked(*engine, "x := data.t.q", input); };
  EXPECT_EQ(q(R"({"xs": ["a", "b"]})"), "x=[\"a\"] \n");
  EXPECT_EQ(q(R"({"xs": {"k1": "b", "k2": "a"}})"), "x=[\"a\"] \n");
  EXPECT_EQ(q(R"({"xs": "a"})"), "x=[] \n");
}

}  // namespace
}  // namespace arcane
