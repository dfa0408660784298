// Rule groups large enough to be indexed (compiler/plan/plan_index.cc) give the values
// every rule would: equality, `in` and glob guards, rules not constrained on the indexed
// ref, partial sets, conflicts between rules of different keys, undefined and non-string
// keys.
#include <gtest/gtest.h>

#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

constexpr const char* kPolicy = R"(package t

default allow := false

allow if {
	input.user == "u0"
	input.action == "read"
}

allow if input.user in {"u1", "alias1"}

allow if glob.match("/docs/*", ["/"], input.path)

allow if input.role == "admin"

allow if input.user == "u4"
allow if input.user == "u5"
allow if input.user == "u6"
allow if input.user == "u7"
allow if input.user == "u8"

roles contains "everyone" if true
roles contains "r0" if input.user == "u0"
roles contains "r1" if input.user == "u1"
roles contains "r2" if input.user == "u2"
roles contains "r3" if input.user == "u3"
roles contains "r3b" if input.user == "u3"
roles contains "r4" if input.user == "u4"
roles contains "r5" if input.user == "u5"
roles contains "r6" if input.user == "u6"

svc := "a" if glob.match("/a/*", ["/"], input.path)
svc := "ab" if glob.match("/a/b*", [], input.path)
svc := "c" if glob.match("/c/*", ["/"], input.path)
svc := "d" if glob.match("/d/*", ["/"], input.path)
svc := "e" if glob.match("/e/*", ["/"], input.path)
svc := "f" if glob.match("/f/*", ["/"], input.path)
svc := "g" if glob.match("/g/*", ["/"], input.path)
svc := "h" if glob.match("/h/*", ["/"], input.path)
svc := "any" if input.path == "/z"
)";

class RuleIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = testing::engine_of(kPolicy);
    ASSERT_TRUE(engine_);
  }

  // The value of data.t.<rule> for the input, "undefined", or "error: ...".
  std::string eval(const std::string& rule, const char* input) {
    auto q = engine_->prepare("x := data.t." + rule);
    if (!q.ok()) return "prepare: " + q.error().to_string();
    EvalOptions o;
    if (input) o.input = value_from_json(input).value();
    EvalResult r = q->eval(o);
    if (r.error) return "error: " + r.error->to_string();
    if (r.rows.empty()) return "undefined";
    return value_to_json(*r.rows[0].binding("x"));
  }

  std::optional<Engine> engine_;
};

TEST_F(RuleIndex, CompleteRuleWithMixedGuards) {
  EXPECT_EQ(eval("allow", R"({"user": "u0", "action": "read"})"), "true");
  EXPECT_EQ(eval("allow", R"({"user": "u0", "action": "write"})"), "false");
  EXPECT_EQ(eval("allow", R"({"user": "alias1"})"), "true");
  EXPECT_EQ(eval("allow", R"({"user": "u8"})"), "true");
  EXPECT_EQ(eval("allow", R"({"user": "u9"})"), "false");
  EXPECT_EQ(eval("allow", R"({"user": "x", "role": "admin"})"), "true");
  EXPECT_EQ(eval("allow", R"({"user": "x", "path": "/docs/a"})"), "true");
  EXPECT_EQ(eval("allow", R"({"user": 5, "path": "/docs/a"})"), "true");
  EXPECT_EQ(eval("allow", R"({"user": 5})"), "false");
  EXPECT_EQ(eval("allow", R"({})"), "false");
  EXPECT_EQ(eval("allow", nullptr), "false");
}

TEST_F(RuleIndex, PartialSetKeepsEveryMatchingRule) {
  EXPECT_EQ(eval("roles", R"({"user": "u3"})"), R"(["everyone","r3","r3b"])");
  EXPECT_EQ(eval("roles", R"({"user": "nobody"})"), R"(["everyone"])");
  EXPECT_EQ(eval("roles", R"({})"), R"(["everyone"])");
}

TEST_F(RuleIndex, GlobPrefixes) {
  EXPECT_EQ(eval("svc", R"({"path": "/c/x"})"), R"("c")");
  EXPECT_EQ(eval("svc", R"({"path": "/a/x"})"), R"("a")");
  EXPECT_EQ(eval("svc", R"({"path": "/z"})"), R"("any")");
  EXPECT_EQ(eval("svc", R"({"path": "/q/x"})"), "undefined");
  // Both "/a/*" and "/a/b*" match: the conflict is still seen.
  EXPECT_NE(eval("svc", R"({"path": "/a/bc"})").find("complete rules must not produce multiple outputs"),
            std::string::npos);
}

}  // namespace
}  // namespace arcane
