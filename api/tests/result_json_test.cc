// Results print exactly as `opa eval --format json` prints them: each golden run's result
// is fed back through a fake evaluator and must print byte for byte the same, which checks
// the JSON shape and our expressions' texts and positions against OPA's.
#include <gtest/gtest.h>

#include "api/tests/fake_evaluator.h"
#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

std::string query_of(const std::string& golden) {
  std::string cmd = testing::read_text(testing::golden_dir(golden) + "/cmd");
  size_t end = cmd.rfind('\'');
  size_t begin = cmd.rfind('\'', end - 1);
  return cmd.substr(begin + 1, end - begin - 1);
}

// The golden stdout's rows, as an evaluator would produce them.
api::RawResult rows_of(const Value& stdout_doc) {
  api::RawResult raw;
  const Value* result = stdout_doc.find("result");
  if (result == nullptr) return raw;
  for (const Value& row : result->elements()) {
    api::RawRow r;
    for (const Value& e : row.find("expressions")->elements()) r.expressions.push_back(*e.find("value"));
    if (const Value* b = row.find("bindings")) {
      for (auto entry : b->entries()) r.bindings.emplace_back(std::string(entry.key.string_view()), entry.value);
    }
    raw.rows.push_back(std::move(r));
  }
  return raw;
}

class GoldenJson : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenJson, PrintsAsOpa) {
  std::string expected = testing::read_text(testing::golden_dir(GetParam()) + "/stdout");
  api::RawResult raw = rows_of(testing::json(expected));
  auto fake = testing::make_fake([raw](const testing::FakeCall&) { return raw; });
  EngineBuilder b;
  api::set_evaluator(b, fake);
  auto engine = b.build();
  ASSERT_TRUE(engine.ok());
  auto query = engine->prepare(query_of(GetParam()));
  ASSERT_TRUE(query.ok()) << query.error().to_string();
  EXPECT_EQ(to_opa_json(query->eval()) + "\n", expected);
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenJson,
                         ::testing::Values("01-eval-json-bool-true", "02-eval-json-default-false",
                                           "03-eval-json-undefined", "04-eval-json-partial-set", "05-eval-json-object",
                                           "06-eval-json-multi-expr", "17-eval-data-dir", "18-eval-bundle-dir",
                                           "20-eval-input-yaml"));

TEST(ResultJson, ErrorsAndCompact) {
  EvalResult failed;
  Error e;
  e.code = "eval_conflict_error";
  e.message = "complete rules must not produce multiple outputs";
  e.location = SourceLocation{"policy.rego", 9, 1, "lane"};
  failed.error = e;
  EXPECT_EQ(to_opa_json(failed, false),
            R"({"errors":[{"message":"complete rules must not produce multiple outputs","code":"eval_conflict_error",)"
            R"("location":{"file":"policy.rego","row":9,"col":1}}]})");
  EvalResult undefined;
  EXPECT_EQ(to_opa_json(undefined, false), "{}");
  EvalResult one;
  one.rows.push_back(ResultRow{{ExpressionValue{testing::json(R"({"b": [1], "a": {}})"), "x", 1, 1}},
                               {Binding{"x", Value::integer(1)}}});
  EXPECT_EQ(to_opa_json(one, false),
            R"({"result":[{"expressions":[{"value":{"a":{},"b":[1]},"text":"x","location":{"row":1,"col":1}}],)"
            R"("bindings":{"x":1}}]})");
}

}  // namespace
}  // namespace arcane
