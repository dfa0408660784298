// arcane::partial_eval through the embedding API: on a normal engine and on one built for
// partial evaluation only, the JSON shape, unknowns, known input and errors.
#include "arcane/partial.h"

#include <gtest/gtest.h>

#include "arcane/arcane.h"

namespace arcane {
namespace {

const char* kPolicy =
    "package authz\n\ndefault allow := false\n\nallow if {\n\tinput.workload.attested\n\tinput.action == \"read\"\n}\n"
    "\nadmin if input.user in data.admins\n";

Engine build(bool partial_only) {
  EngineBuilder b;
  if (partial_only) use_for_partial_evaluation(b);
  b.add_module("policy.rego", kPolicy);
  auto data = value_from_json(R"({"admins": ["root"]})");
  b.add_data(data.value());
  auto engine = b.build();
  EXPECT_TRUE(engine.ok());
  return std::move(engine).value();
}

TEST(Partial, SameResultOnEitherEngine) {
  for (bool partial_only : {false, true}) {
    Engine engine = build(partial_only);
    auto r = partial_eval(engine, "data.authz.allow");
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ASSERT_EQ(r->queries.size(), 1u);
    EXPECT_EQ(r->queries[0], "data.partial.authz.allow\n");
    ASSERT_EQ(r->support.size(), 1u);
    EXPECT_EQ(r->support[0],
              "package partial.authz\n\ndefault allow := false\n\nallow if {\n\tinput.workload.attested\n"
              "\tinput.action = \"read\"\n}\n");
  }
}

TEST(Partial, AnEngineForPartialEvaluationCannotPrepare) {
  Engine engine = build(true);
  EXPECT_FALSE(engine.prepare("data.authz.allow").ok());
  EXPECT_TRUE(build(false).prepare("data.authz.allow").ok());
}

TEST(Partial, UnknownsAndKnownInput) {
  Engine engine = build(true);
  PartialOptions o;
  o.unknowns = {"input.user"};
  o.input = value_from_json(R"({"action": "read", "workload": {"attested": true}})").value();
  auto r = partial_eval(engine, "data.authz.admin", o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->queries.size(), 1u);
  EXPECT_EQ(r->queries[0], "input.user in [\"root\"]\n");
}

TEST(Partial, JsonShape) {
  Engine engine = build(true);
  auto r = partial_eval(engine, "input.x == 1");
  ASSERT_TRUE(r.ok());
  std::string json = to_opa_json(*r);
  EXPECT_EQ(json.rfind("{\n  \"partial\": {\n    \"queries\": [\n      [\n        {\n          \"index\": 0,", 0), 0u) << json;
  EXPECT_EQ(json.find("\"support\""), std::string::npos);
  auto none = partial_eval(engine, "1 == 2");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(to_opa_json(*none), "{\n  \"partial\": {}\n}");
}

TEST(Partial, ErrorsAreReportedNotThrown) {
  Engine engine = build(false);
  auto bad_query = partial_eval(engine, "data.authz.allow ==");
  ASSERT_FALSE(bad_query.ok());
  EXPECT_EQ(bad_query.error().code, "rego_parse_error");
  PartialOptions o;
  o.unknowns = {"x.y"};
  auto bad_unknown = partial_eval(engine, "data.authz.allow", o);
  ASSERT_FALSE(bad_unknown.ok());
  EXPECT_EQ(bad_unknown.error().message, "invalid unknown x.y: must be a ref rooted at input or data");
  auto unsafe = partial_eval(engine, "x > 1");
  ASSERT_FALSE(unsafe.ok());
  EXPECT_EQ(unsafe.error().code, "rego_unsafe_var_error");
}

}  // namespace
}  // namespace arcane
