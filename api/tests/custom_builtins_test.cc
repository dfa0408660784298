// Custom built-ins registered on the engine builder (arcane/builtin.h): a good call, a
// compile-time type error, errors in non-strict and strict modes, run-time operand
// checks, and calls from many threads at once.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <stdexcept>
#include <thread>

#include "api/tests/test_util.h"
#include "arcane/builtin.h"
#include "arcane/engine.h"

namespace arcane {
namespace {

// my.lookup(string) => string: a directory of user names, an error for an unknown id.
CustomBuiltin lookup(std::atomic<int>* calls = nullptr) {
  CustomBuiltin b;
  b.name = "my.lookup";
  b.args = {Type::string()};
  b.result = Type::string();
  b.function = [calls](std::span<const Value> args) {
    if (calls != nullptr) calls->fetch_add(1);
    static const std::map<std::string, std::string, std::less<>> directory = {{"u1", "alice"}, {"u2", "bob"}};
    auto it = directory.find(args[0].string_view());
    if (it == directory.end()) return BuiltinReturn::error("no such user: " + std::string(args[0].string_view()));
    return BuiltinReturn::value(Value::from_string(it->second));
  };
  return b;
}

Result<Engine> engine_with(const std::string& policy, std::vector<CustomBuiltin> builtins, EngineOptions options = {}) {
  EngineBuilder b(options);
  b.add_module("policy.rego", policy);
  for (auto& c : builtins) b.add_builtin(std::move(c));
  return b.build();
}

constexpr const char* kPolicy = R"(package authz

name := my.lookup(input.user)

greeting := concat(" ", ["hello", my.lookup(input.user)])
)";

Value eval_one(const Engine& e, std::string_view query, const std::string& input_json, bool strict = false) {
  auto q = e.prepare(query);
  EXPECT_TRUE(q.ok()) << (q.ok() ? "" : q.error().to_string());
  if (!q.ok()) return Value();
  EvalOptions options;
  options.input = testing::json(input_json);
  options.strict_builtin_errors = strict;
  EvalResult r = q->eval(options);
  EXPECT_TRUE(r.ok()) << r.error->to_string();
  if (r.rows.empty()) return Value::from_string("<undefined>");
  return r.rows[0].expressions[0].value;
}

TEST(CustomBuiltins, AGoodCall) {
  auto e = engine_with(kPolicy, {lookup()});
  ASSERT_TRUE(e.ok()) << e.error().to_string();
  EXPECT_EQ(eval_one(*e, "data.authz.name", R"({"user": "u1"})"), Value::from_string("alice"));
  EXPECT_EQ(eval_one(*e, "data.authz.greeting", R"({"user": "u2"})"), Value::from_string("hello bob"));
  // Queries may call it too.
  EXPECT_EQ(eval_one(*e, R"(my.lookup("u2"))", "{}"), Value::from_string("bob"));
}

TEST(CustomBuiltins, UnknownWithoutRegistration) {
  auto e = engine_with(kPolicy, {});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().to_string(), "policy.rego:3: rego_type_error: undefined function my.lookup");
}

TEST(CustomBuiltins, WrongArityIsACompileError) {
  auto e = engine_with("package authz\n\nx := my.lookup(\"a\", \"b\")\n", {lookup()});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "rego_type_error");
  EXPECT_NE(e.error().message.find("my.lookup"), std::string::npos) << e.error().message;
}

TEST(CustomBuiltins, WrongOperandTypeIsACompileError) {
  auto e = engine_with("package authz\n\nx := my.lookup(42)\n", {lookup()});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "rego_type_error");
  EXPECT_NE(e.error().message.find("my.lookup"), std::string::npos) << e.error().message;
}

TEST(CustomBuiltins, ErrorIsUndefinedUnlessStrict) {
  auto e = engine_with(kPolicy, {lookup()});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(eval_one(*e, "data.authz.name", R"({"user": "nobody"})"), Value::from_string("<undefined>"));

  auto q = e->prepare("data.authz.name");
  ASSERT_TRUE(q.ok());
  EvalOptions strict;
  strict.input = testing::json(R"({"user": "nobody"})");
  strict.strict_builtin_errors = true;
  EvalResult r = q->eval(strict);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->code, "eval_builtin_error");
  EXPECT_EQ(r.error->message, "my.lookup: no such user: nobody");
  ASSERT_TRUE(r.error->location.has_value());
  EXPECT_EQ(r.error->location->file, "policy.rego");
  EXPECT_EQ(r.error->location->row, 3);
}

TEST(CustomBuiltins, OperandsAreCheckedAtRunTime) {
  auto e = engine_with(kPolicy, {lookup()});
  ASSERT_TRUE(e.ok());
  auto q = e->prepare("data.authz.name");
  ASSERT_TRUE(q.ok());
  EvalOptions strict;
  strict.input = testing::json(R"({"user": 7})");
  strict.strict_builtin_errors = true;
  EvalResult r = q->eval(strict);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->code, "eval_type_error");
  EXPECT_EQ(r.error->message, "my.lookup: operand 1 must be string but got number");
}

TEST(CustomBuiltins, ExceptionsBecomeBuiltinErrors) {
  CustomBuiltin b = lookup();
  b.function = [](std::span<const Value>) -> BuiltinReturn { throw std::runtime_error("backend down"); };
  auto e = engine_with(kPolicy, {std::move(b)});
  ASSERT_TRUE(e.ok());
  auto q = e->prepare("data.authz.name");
  ASSERT_TRUE(q.ok());
  EvalOptions strict;
  strict.input = testing::json(R"({"user": "u1"})");
  strict.strict_builtin_errors = true;
  EvalResult r = q->eval(strict);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->message, "my.lookup: backend down");
}

TEST(CustomBuiltins, BadDeclarationsFailTheBuild) {
  CustomBuiltin no_function = lookup();
  no_function.function = nullptr;
  EXPECT_FALSE(engine_with("package p\n", {std::move(no_function)}).ok());
  CustomBuiltin bad_name = lookup();
  bad_name.name = "my..lookup";
  EXPECT_FALSE(engine_with("package p\n", {std::move(bad_name)}).ok());
  CustomBuiltin data_name = lookup();
  data_name.name = "data.lookup";
  EXPECT_FALSE(engine_with("package p\n", {std::move(data_name)}).ok());
}

TEST(CustomBuiltins, NondeterministicCalledOncePerEvaluation) {
  std::atomic<int> calls{0};
  CustomBuiltin b = lookup(&calls);
  b.nondeterministic = true;
  auto e = engine_with("package p\n\na := my.lookup(\"u1\")\n\nb := my.lookup(\"u1\")\n", {std::move(b)});
  ASSERT_TRUE(e.ok()) << e.error().to_string();
  auto q = e->prepare("[data.p.a, data.p.b]");
  ASSERT_TRUE(q.ok());
  EvalResult r = q->eval();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(calls.load(), 1);
}

TEST(CustomBuiltins, ItsOwnPerEngine) {
  CustomBuiltin other = lookup();
  other.function = [](std::span<const Value>) { return BuiltinReturn::value(Value::from_string("other")); };
  auto a = engine_with(kPolicy, {lookup()});
  auto b = engine_with(kPolicy, {std::move(other)});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(eval_one(*a, "data.authz.name", R"({"user": "u1"})"), Value::from_string("alice"));
  EXPECT_EQ(eval_one(*b, "data.authz.name", R"({"user": "u1"})"), Value::from_string("other"));
}

TEST(CustomBuiltins, CalledFromEightThreads) {
  std::atomic<int> calls{0};
  auto e = engine_with(kPolicy, {lookup(&calls)});
  ASSERT_TRUE(e.ok());
  auto q = e->prepare("data.authz.name");
  ASSERT_TRUE(q.ok());
  constexpr int kThreads = 8, kPerThread = 200;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        bool known = (i + t) % 2 == 0;
        EvalOptions options;
        options.input = testing::json(known ? R"({"user": "u2"})" : R"({"user": "zz"})");
        EvalResult r = q->eval(options);
        bool ok = r.ok() && (known ? r.rows.size() == 1 && r.rows[0].expressions[0].value == Value::from_string("bob")
                                   : r.rows.empty());
        if (!ok) wrong.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(calls.load(), kThreads * kPerThread);
}

}  // namespace
}  // namespace arcane
