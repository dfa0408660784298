// The Engine API around evaluation: modules and their parse errors, queries, options and
// inputs reaching the evaluator seam, results coming back in OPA's shape, errors resolved.
#include <gtest/gtest.h>

#include <stdexcept>

#include "api/tests/fake_evaluator.h"
#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

using testing::json;
using testing::make_fake;
using testing::raw_row;

const char* kPolicy = "package authz\n\ndefault allow := false\n\nallow if {\n\tinput.action == \"read\"\n}\n";

// Golden 28's policy: a parse error on line 5.
const char* kBadPolicy =
    "package authz\n\nallow if {\n\tinput.action == \"read\"\n\tinput.agent.tier in {\"trusted\" \"verified\"}\n}\n";

Engine build_ok(EngineBuilder& b) {
  auto engine = b.build();
  EXPECT_TRUE(engine.ok()) << (engine.ok() ? "" : engine.error().to_string());
  return std::move(engine).value();
}

TEST(Engine, ParseErrorIsLocated) {
  EngineBuilder b;
  b.add_module("policy.rego", kBadPolicy);
  auto engine = b.build();
  ASSERT_FALSE(engine.ok());
  ASSERT_EQ(engine.errors().size(), 1u);
  const Error& e = engine.error();
  EXPECT_EQ(e.code, "rego_parse_error");
  EXPECT_EQ(e.message, "unexpected string token: non-terminated set");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->file, "policy.rego");
  EXPECT_EQ(e.location->row, 5);
  EXPECT_EQ(e.location->col, 33);
  ASSERT_TRUE(e.source_line);
  EXPECT_EQ(*e.source_line, "\tinput.agent.tier in {\"trusted\" \"verified\"}");
  EXPECT_EQ(e.to_string(), "policy.rego:5: rego_parse_error: unexpected string token: non-terminated set");
}

TEST(Engine, ParseErrorJsonMatchesOpa) {
  EngineBuilder b;
  b.add_module("policy.rego", testing::read_text(testing::golden_dir("28-eval-parse-error-json") + "/policy.rego"));
  auto engine = b.build();
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(to_json(engine.errors(), 2) + "\n",
            testing::read_text(testing::golden_dir("28-eval-parse-error-json") + "/stdout"));
}

TEST(Engine, ErrorsFromSeveralModulesUpToTheLimit) {
  EngineOptions o;
  o.max_errors = 2;
  EngineBuilder b(o);
  b.add_module("a.rego", "package a\n\np {\n\ttrue\n}\n");  // v0 syntax under v1
  b.add_module("b.rego", "package b\n\nq[x] {\n\tx := 1\n}\n");
  b.add_module("c.rego", "package c\n\nr {\n\ttrue\n}\n");
  auto engine = b.build();
  ASSERT_FALSE(engine.ok());
  ASSERT_EQ(engine.errors().size(), 2u);
  EXPECT_EQ(engine.errors()[0].location->file, "a.rego");
  EXPECT_EQ(engine.errors()[1].location->file, "b.rego");
  for (const auto& e : engine.errors()) EXPECT_EQ(e.code, "rego_parse_error");
}

TEST(Engine, RegoVersionOption) {
  const char* v0 = "package a\n\np {\n\ttrue\n}\n\nq[x] {\n\tx := 1\n}\n";
  EngineBuilder v1_builder;
  v1_builder.add_module("a.rego", v0);
  EXPECT_FALSE(v1_builder.build().ok());
  EngineOptions o;
  o.rego_version = RegoVersion::kV0;
  EngineBuilder v0_builder(o);
  v0_builder.add_module("a.rego", v0);
  EXPECT_TRUE(v0_builder.build().ok());
}

TEST(Engine, ExperimentalKeywordsOption) {
  const char* text = "package test\nimport future.keywords.and\n\np if {\n\ttrue and true\n}\n";
  EngineBuilder plain;
  plain.add_module("t.rego", text);
  EXPECT_FALSE(plain.build().ok());
  EngineOptions o;
  o.experimental_keywords = true;
  EngineBuilder experimental(o);
  experimental.add_module("t.rego", text);
  EXPECT_TRUE(experimental.build().ok());
}

TEST(Engine, LaterModuleOfTheSameNameReplaces) {
  EngineBuilder b;
  b.add_module("a.rego", "package a\n").add_module("b.rego", "package b\n").add_module("a.rego", "package c\n");
  Engine engine = build_ok(b);
  EXPECT_EQ(engine.module_names(), (std::vector<std::string>{"a.rego", "b.rego"}));
}

TEST(Engine, DataIsMerged) {
  EngineBuilder b;
  b.add_data(json(R"({"a": {"x": 1}})")).add_data(json(R"({"a": {"y": 2}, "b": true})"));
  Engine engine = build_ok(b);
  EXPECT_EQ(engine.data(), json(R"({"a": {"x": 1, "y": 2}, "b": true})"));
}

TEST(Engine, DataConflictsAndNonObjectsAreErrors) {
  EngineBuilder conflict;
  conflict.add_data(json(R"({"a": 1})")).add_data(json(R"({"a": 2})"));
  auto e1 = conflict.build();
  ASSERT_FALSE(e1.ok());
  EXPECT_EQ(e1.error().to_string(), "data: merge error");
  EngineBuilder scalar;
  scalar.add_data(json("[1]"));
  auto e2 = scalar.build();
  ASSERT_FALSE(e2.ok());
  EXPECT_EQ(e2.error().to_string(), "data: document must be of type object");
}

TEST(Engine, EmptyEngineHasEmptyData) {
  EngineBuilder b;
  Engine engine = build_ok(b);
  EXPECT_EQ(engine.data(), Value::empty_object());
  EXPECT_TRUE(engine.module_names().empty());
}

TEST(Engine, DefaultEvaluatorEvaluates) {
  EngineBuilder b;
  b.add_module("policy.rego", kPolicy);
  Engine engine = build_ok(b);
  auto query = engine.prepare("x := data.authz.allow");
  ASSERT_TRUE(query.ok()) << query.error().to_string();
  EvalOptions read;
  read.input = value_from_json(R"({"action": "read"})").value();
  EvalResult r = query->eval(read);
  ASSERT_FALSE(r.error) << r.error->to_string();
  ASSERT_EQ(r.rows.size(), 1u);
  ASSERT_NE(r.rows[0].binding("x"), nullptr);
  EXPECT_EQ(*r.rows[0].binding("x"), runtime::Value::boolean(true));
  EvalResult none = query->eval();  // no input: the default
  ASSERT_EQ(none.rows.size(), 1u);
  EXPECT_EQ(*none.rows[0].binding("x"), runtime::Value::boolean(false));
}

TEST(Engine, QueryParseErrorMatchesOpa) {
  EngineBuilder b;
  b.add_module("policy.rego", kPolicy);
  Engine engine = build_ok(b);
  auto query = engine.prepare("data.authz.allow ==");
  ASSERT_FALSE(query.ok());
  const Error& e = query.error();
  EXPECT_EQ(e.code, "rego_parse_error");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->file, "");
  EXPECT_EQ(e.location->row, 1);
  EXPECT_EQ(e.location->col, 19);
  EXPECT_EQ(to_json(query.errors(), 2) + "\n",
            testing::read_text(testing::golden_dir("33-eval-query-parse-error") + "/stdout"));
}

TEST(Engine, PolicyAndOptionsReachTheSeam) {
  auto fake = make_fake([](const testing::FakeCall&) { return api::RawResult{}; });
  EngineOptions o;
  o.rego_version = RegoVersion::kV0;
  EngineBuilder b(o);
  api::set_evaluator(b, fake);
  b.add_module("a.rego", "package a\np { true }\n").add_data(json(R"({"k": "v"})"));
  Engine engine = build_ok(b);
  auto policy = fake->last_policy();
  ASSERT_TRUE(policy);
  ASSERT_EQ(policy->modules.size(), 1u);
  EXPECT_EQ(policy->sources.get(policy->module_files[0])->name(), "a.rego");
  EXPECT_EQ(policy->modules[0].version, compiler::ast::RegoVersion::V0);
  EXPECT_EQ(policy->data, json(R"({"k": "v"})"));
  EXPECT_EQ(policy->options.rego_version, RegoVersion::kV0);
  EXPECT_EQ(fake->compiles(), 1);
}

TEST(Engine, InputAndStrictnessReachTheSeam) {
  auto fake = make_fake([](const testing::FakeCall& call) {
    api::RawResult r;
    Value input = call.request.input ? *call.request.input : Value::from_string("undefined");
    r.rows.push_back(raw_row({{"input", input}, {"strict", Value::boolean(call.request.strict_builtin_errors)}}));
    return r;
  });
  EngineOptions o;
  o.strict_builtin_errors = true;
  EngineBuilder b(o);
  api::set_evaluator(b, fake);
  Engine engine = build_ok(b);
  auto query = engine.prepare("x = input");
  ASSERT_TRUE(query.ok());

  EvalResult undefined_input = query->eval();
  ASSERT_EQ(undefined_input.rows.size(), 1u);
  EXPECT_EQ(*undefined_input.rows[0].binding("input"), Value::from_string("undefined"));
  EXPECT_EQ(*undefined_input.rows[0].binding("strict"), Value::boolean(true));

  EvalOptions eo;
  eo.input = Value::null();  // defined, and null
  eo.strict_builtin_errors = false;
  EvalResult null_input = query->eval(eo);
  EXPECT_EQ(*null_input.rows[0].binding("input"), Value::null());
  EXPECT_EQ(*null_input.rows[0].binding("strict"), Value::boolean(false));
  EXPECT_EQ(null_input.rows[0].binding("missing"), nullptr);
}

TEST(Engine, ExpressionsCarryTextAndPosition) {
  auto fake = make_fake([](const testing::FakeCall& call) {
    EXPECT_EQ(call.query.listed, (std::vector<size_t>{1, 2}));  // `some i` is not listed
    api::RawResult r;
    r.rows.push_back(raw_row({{"i", Value::integer(0)}}));
    return r;
  });
  EngineBuilder b;
  api::set_evaluator(b, fake);
  Engine engine = build_ok(b);
  auto query = engine.prepare("some i; agent := data.registry.agents[i]; agent.tier != \"sandbox\"");
  ASSERT_TRUE(query.ok());
  EvalResult r = query->eval();
  ASSERT_EQ(r.rows.size(), 1u);
  const auto& ex = r.rows[0].expressions;
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0].text, "agent := data.registry.agents[i]");
  EXPECT_EQ(ex[0].row, 1);
  EXPECT_EQ(ex[0].col, 9);
  EXPECT_EQ(ex[0].value, Value::boolean(true));  // no value given: true
  EXPECT_EQ(ex[1].text, "agent.tier != \"sandbox\"");
  EXPECT_EQ(ex[1].col, 43);
}

TEST(Engine, MultiLineQueryPositions) {
  auto fake = make_fake([](const testing::FakeCall&) {
    api::RawResult r;
    r.rows.push_back(raw_row({}, {Value::integer(1), Value::integer(2)}));
    return r;
  });
  EngineBuilder b;
  api::set_evaluator(b, fake);
  auto query = build_ok(b).prepare("data.a\n  data.b");
  ASSERT_TRUE(query.ok());
  EvalResult r = query->eval();
  ASSERT_EQ(r.rows[0].expressions.size(), 2u);
  EXPECT_EQ(r.rows[0].expressions[0].value, Value::integer(1));
  EXPECT_EQ(r.rows[0].expressions[1].row, 2);
  EXPECT_EQ(r.rows[0].expressions[1].col, 3);
  EXPECT_EQ(r.rows[0].expressions[1].value, Value::integer(2));
}

TEST(Engine, BindingNamesUserOrCompiled) {
  auto fake = make_fake([](const testing::FakeCall&) {
    api::RawResult r;
    r.rows.push_back(raw_row({{"z", Value::integer(3)},
                              {"__localq0__", Value::integer(1)},
                              {"$0", Value::integer(9)},
                              {"__localq1__", Value::integer(2)},
                              {"a", Value::integer(0)}}));
    return r;
  });
  EngineBuilder b;
  api::set_evaluator(b, fake);
  auto query = build_ok(b).prepare("x := 1");
  ASSERT_TRUE(query.ok());

  EvalResult user = query->eval();
  std::vector<std::string> names;
  for (const auto& bnd : user.rows[0].bindings) names.push_back(bnd.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "x", "z"}));
  EXPECT_EQ(*user.rows[0].binding("x"), Value::integer(1));

  EvalOptions eo;
  eo.binding_names = BindingNames::kCompiled;
  EvalResult compiled = query->eval(eo);
  names.clear();
  for (const auto& bnd : compiled.rows[0].bindings) names.push_back(bnd.name);
  EXPECT_EQ(names, (std::vector<std::string>{"$0", "__localq0__", "__localq1__", "a", "z"}));
}

TEST(Engine, StrictErrorComesWithRows) {
  auto fake = make_fake([](const testing::FakeCall&) {
    api::RawResult r;
    r.rows.push_back(raw_row({{"x", Value::integer(1)}}));
    r.error = runtime::Diagnostic{"eval_builtin_error", "div: divide by zero", {}, {}};
    return r;
  });
  EngineBuilder b;
  api::set_evaluator(b, fake);
  auto query = build_ok(b).prepare("x = 1");
  ASSERT_TRUE(query.ok());
  EvalResult r = query->eval();
  ASSERT_TRUE(r.error);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.defined());
  EXPECT_EQ(r.error->to_string(), "eval_builtin_error: div: divide by zero");
}

// An evaluator error located in a module names the module and row; one located in the
// query has no file, so OPA prints the located text instead.
TEST(Engine, EvaluatorErrorsAreResolved) {
  auto fake = make_fake([](const testing::FakeCall& call) {
    api::RawResult r;
    bool in_module = call.request.strict_builtin_errors;
    if (in_module) {
      uint32_t file = call.policy.module_files[0];
      const std::string& text = call.policy.sources.get(file)->text();
      uint32_t at = static_cast<uint32_t>(text.find("input.action"));
      r.error = runtime::Diagnostic{"eval_type_error", "bad", {file, at, 12}, {}};
    } else {
      uint32_t at = static_cast<uint32_t>(call.query.text.find("1 / 0"));
      r.error = runtime::Diagnostic{"eval_builtin_error", "div: divide by zero", {call.query.file, at, 5}, {}};
    }
    return r;
  });
  EngineBuilder b;
  api::set_evaluator(b, fake);
  b.add_module("test-0.rego", kPolicy);
  auto query = build_ok(b).prepare("x = 1 / 0");
  ASSERT_TRUE(query.ok());

  EvalOptions strict;
  strict.strict_builtin_errors = true;
  EvalResult in_module = query->eval(strict);
  ASSERT_TRUE(in_module.error);
  EXPECT_EQ(in_module.error->to_string(), "test-0.rego:6: eval_type_error: bad");
  EXPECT_EQ(in_module.error->location->col, 2);
  EXPECT_EQ(in_module.error->location->text, "input.action");

  EvalResult in_query = query->eval();
  ASSERT_TRUE(in_query.error);
  EXPECT_EQ(in_query.error->to_string(), "1 / 0: eval_builtin_error: div: divide by zero");
  EXPECT_EQ(in_query.error->location->file, "");
  EXPECT_EQ(in_query.error->location->col, 5);
}

TEST(Engine, EvaluatorExceptionsDoNotEscape) {
  auto fake = make_fake([](const testing::FakeCall&) -> api::RawResult { throw std::runtime_error("boom"); });
  EngineBuilder b;
  api::set_evaluator(b, fake);
  auto query = build_ok(b).prepare("true");
  ASSERT_TRUE(query.ok());
  EvalResult r = query->eval();
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "eval_internal_error");
  EXPECT_EQ(r.error->message, "internal error: boom");
}

TEST(Engine, CompileAndPrepareErrorsFromTheEvaluator) {
  auto failing = make_fake([](const testing::FakeCall&) { return api::RawResult{}; });
  failing->compile_errors.push_back(
      {"rego_recursion_error", "rule data.a.p is recursive: data.a.p -> data.a.p", {}, {}});
  EngineBuilder b;
  api::set_evaluator(b, failing);
  b.add_module("a.rego", "package a\n");
  auto engine = b.build();
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().code, "rego_recursion_error");

  auto unsafe = make_fake([](const testing::FakeCall&) { return api::RawResult{}; });
  unsafe->prepare_errors = [](const api::Query& q) {
    return std::vector<runtime::Diagnostic>{{"rego_unsafe_var_error", "var x is unsafe", {q.file, 0, 1}, {}}};
  };
  EngineBuilder b2;
  api::set_evaluator(b2, unsafe);
  auto query = build_ok(b2).prepare("x");
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.error().to_string(), "1:1: rego_unsafe_var_error: var x is unsafe");
}

TEST(Engine, HandlesAreCheapCopies) {
  auto fake = make_fake([](const testing::FakeCall&) {
    api::RawResult r;
    r.rows.push_back(raw_row({}));
    return r;
  });
  EngineBuilder b;
  api::set_evaluator(b, fake);
  Engine engine = build_ok(b);
  Engine copy = engine;
  auto q = copy.prepare("true");
  ASSERT_TRUE(q.ok());
  PreparedQuery pq = q.value();
  EXPECT_EQ(pq.text(), "true");
  EXPECT_TRUE(pq.eval().defined());
  EXPECT_EQ(fake->compiles(), 1);
}

}  // namespace
}  // namespace arcane
