// Paths into the documents looked up once per rule (compiler/plan/document_paths.h), and
// rule calls made once per body (shared_lookups.h), give what looking them up in each
// body gives: with paths missing, not objects, or keys that are themselves paths. Traced
// plans keep every lookup where it was, so each query is run both ways and compared,
// besides the values written out.
#include <gtest/gtest.h>

#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

constexpr const char* kPolicy = R"(package t

reasons contains "not attested" if not input.workload.attested

reasons contains msg if {
	agent := data.t.agents[input.agent.id]
	agent.status != "active"
	msg := sprintf("%s is %s", [input.agent.id, agent.status])
}

reasons contains "unknown agent" if not data.t.agents[input.agent.id]

reasons contains "low tier" if input.agent.tier < 2

agents := {"bot": {"status": "active"}, "old": {"status": "suspended"}}

summary := {"count": count(reasons), "sorted": sort(reasons)}
)";

class DocumentPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = testing::engine_of(kPolicy);
    ASSERT_TRUE(engine_);
  }

  std::string value(const char* input) { return testing::bindings_text_checked(*engine_, "x := data.t.summary", input); }

  std::optional<Engine> engine_;
};

TEST_F(DocumentPaths, DefinedPaths) {
  EXPECT_EQ(value(R"({"workload": {"attested": true}, "agent": {"id": "bot", "tier": 2}})"),
            "x={\"count\":0,\"sorted\":[]} \n");
  EXPECT_EQ(value(R"({"workload": {"attested": true}, "agent": {"id": "old", "tier": 1}})"),
            "x={\"count\":2,\"sorted\":[\"low tier\",\"old is suspended\"]} \n");
}

TEST_F(DocumentPaths, MissingAndMistypedPaths) {
  EXPECT_EQ(value(R"({"agent": {"id": "nobody"}})"),
            "x={\"count\":2,\"sorted\":[\"not attested\",\"unknown agent\"]} \n");
  // As in OPA, `not data.t.agents[input.agent.id]` is undefined when input.agent.id is:
  // the key is looked up before the negation (OPA issue 4743).
  EXPECT_EQ(value(R"({"workload": "attested", "agent": "bot"})"), "x={\"count\":1,\"sorted\":[\"not attested\"]} \n");
  EXPECT_EQ(value(R"({"workload": {"attested": true}, "agent": {"id": ["bot"], "tier": 3}})"),
            "x={\"count\":1,\"sorted\":[\"unknown agent\"]} \n");
  EXPECT_EQ(value(nullptr), "x={\"count\":1,\"sorted\":[\"not attested\"]} \n");
}

TEST_F(DocumentPaths, UnderWith) {
  std::string got = testing::bindings_text_checked(
      *engine_, R"(a := data.t.reasons with input.agent.id as "old"; b := data.t.reasons)",
      R"({"workload": {"attested": true}, "agent": {"id": "bot", "tier": 2}})");
  EXPECT_EQ(got, "a=[\"old is suspended\"] b=[] \n");
  got = testing::bindings_text_checked(*engine_, R"(a := data.t.reasons with data.t.agents as {})",
                                       R"({"workload": {"attested": true}, "agent": {"id": "bot", "tier": 2}})");
  EXPECT_EQ(got, "a=[\"unknown agent\"] \n");
}

}  // namespace
}  // namespace arcane
