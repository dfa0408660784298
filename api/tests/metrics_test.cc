// Metrics: which phase adds which of OPA's timers, that they accumulate, and where they
// appear in the `opa eval --format json` document.
#include <gtest/gtest.h>

#include <chrono>

#include "arcane/arcane.h"
#include "arcane/metrics.h"

namespace arcane {
namespace {

const char* kPolicy = "package authz\n\ndefault allow := false\n\nallow if input.action == \"read\"\n";

std::vector<std::string> names(const Metrics& m) {
  std::vector<std::string> out;
  for (const auto& [name, ns] : m.timers()) out.push_back(name);
  return out;
}

TEST(Metrics, EachPhaseAddsItsTimer) {
  Metrics m;
  EngineBuilder b;
  b.add_module("policy.rego", kPolicy);
  auto engine = b.build(&m);
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(names(m), (std::vector<std::string>{"timer_rego_load_files_ns", "timer_rego_module_compile_ns",
                                                "timer_rego_module_parse_ns"}));
  EXPECT_GT(m.timers().at("timer_rego_module_parse_ns"), 0u);
  EXPECT_GT(m.timers().at("timer_rego_module_compile_ns"), 0u);

  PrepareOptions p;
  p.metrics = &m;
  auto query = engine->prepare("data.authz.allow", p);
  ASSERT_TRUE(query.ok());
  EXPECT_GT(m.timers().at("timer_rego_query_parse_ns"), 0u);
  EXPECT_GT(m.timers().at("timer_rego_query_compile_ns"), 0u);
  EXPECT_EQ(m.timers().count("timer_rego_query_eval_ns"), 0u);

  EvalOptions e;
  e.metrics = &m;
  e.input = value_from_json(R"({"action": "read"})").value();
  ASSERT_TRUE(query->eval(e).defined());
  uint64_t first = m.timers().at("timer_rego_query_eval_ns");
  EXPECT_GT(first, 0u);
  query->eval(e);
  EXPECT_GT(m.timers().at("timer_rego_query_eval_ns"), first);  // a second evaluation accumulates
}

TEST(Metrics, NoMetricsNoTimers) {
  EngineBuilder b;
  b.add_module("policy.rego", kPolicy);
  auto engine = b.build();
  ASSERT_TRUE(engine.ok());
  auto query = engine->prepare("data.authz.allow");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(to_opa_json(query->eval(), false), "{\"result\":[{\"expressions\":[{\"value\":false,\"text\":"
                                               "\"data.authz.allow\",\"location\":{\"row\":1,\"col\":1}}]}]}");
}

TEST(Metrics, FollowTheResultOrTheErrorsInJson) {
  Metrics m;
  m.add(Metrics::kQueryEval, std::chrono::nanoseconds(7));
  m.add(Metrics::kQueryParse, std::chrono::nanoseconds(3));
  m.add(Metrics::kQueryParse, std::chrono::nanoseconds(2));
  EXPECT_EQ(m.to_json(), "{\"timer_rego_query_eval_ns\":7,\"timer_rego_query_parse_ns\":5}");

  EvalResult undefined;
  EXPECT_EQ(to_opa_json(undefined, false, &m), "{\"metrics\":" + m.to_json() + "}");
  EXPECT_EQ(to_opa_json(undefined, true, &m),
            "{\n  \"metrics\": {\n    \"timer_rego_query_eval_ns\": 7,\n    \"timer_rego_query_parse_ns\": 5\n  }\n}");

  EvalResult failed;
  failed.error = Error{};
  failed.error->code = "eval_conflict_error";
  failed.error->message = "complete rules must not produce multiple outputs";
  std::string text = to_opa_json(failed, false, &m);
  EXPECT_EQ(text.find("{\"errors\":["), 0u) << text;
  EXPECT_NE(text.find("],\"metrics\":{\"timer_rego_query_eval_ns\":7,"), std::string::npos) << text;
}

}  // namespace
}  // namespace arcane
