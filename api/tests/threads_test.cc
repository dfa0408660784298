// Engines and prepared queries are shared by many threads: prepare() and eval() run
// concurrently on one engine / one query, and each result belongs to its own input.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "api/tests/fake_evaluator.h"
#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

constexpr int kThreads = 8;
constexpr int kEvalsPerThread = 2000;

// Echoes the input back as binding `x`, with the query text as the expression value.
std::shared_ptr<testing::FakeEvaluator> echo() {
  return testing::make_fake([](const testing::FakeCall& call) {
    api::RawResult r;
    if (call.request.input == nullptr) return r;
    r.rows.push_back(testing::raw_row({{"x", *call.request.input}}, {Value::from_string(call.query.text)}));
    return r;
  });
}

TEST(ApiThreads, ConcurrentEvalOnOnePreparedQuery) {
  auto fake = echo();
  EngineBuilder b;
  api::set_evaluator(b, fake);
  b.add_module("p.rego", "package p\n\nallow if input.n > 0\n");
  auto engine = b.build();
  ASSERT_TRUE(engine.ok());
  auto query = engine->prepare("x = input");
  ASSERT_TRUE(query.ok());
  const PreparedQuery shared = query.value();

  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEvalsPerThread; ++i) {
        ObjectBuilder ob;
        ob.insert("thread", Value::integer(t));
        ob.insert("i", Value::integer(i));
        ob.insert("tag", Value::from_string("a string long enough to live on the heap " + std::to_string(i)));
        EvalOptions options;
        options.input = ob.build();
        EvalResult r = shared.eval(options);
        if (r.rows.size() != 1 || *r.rows[0].binding("x") != *options.input ||
            r.rows[0].expressions[0].value != Value::from_string("x = input")) {
          ++mismatches;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(fake->evals(), kThreads * kEvalsPerThread);
}

TEST(ApiThreads, ConcurrentPrepareOnOneEngine) {
  auto fake = echo();
  EngineBuilder b;
  api::set_evaluator(b, fake);
  b.add_module("p.rego", "package p\n\nallow if input.n > 0\n");
  auto engine = b.build();
  ASSERT_TRUE(engine.ok());
  const Engine shared = engine.value();

  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        std::string text = "x = input; y = " + std::to_string(t * 1000 + i);
        auto q = shared.prepare(text);
        if (!q.ok() || q->text() != text) {
          ++failures;
          continue;
        }
        EvalOptions options;
        options.input = Value::integer(i);
        EvalResult r = q->eval(options);
        if (r.rows.size() != 1 || r.rows[0].expressions[0].value != Value::from_string(text)) ++failures;
        auto bad = shared.prepare("x = = " + std::to_string(i));
        if (bad.ok() || bad.error().code != "rego_parse_error") ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

// The default evaluator, shared by every engine, is safe to call from many threads too.
// One prepared query, eight threads, each with its own inputs: every answer must be the
// one its input calls for (run under the asan preset too).
TEST(ApiThreads, DefaultEvaluatorConcurrently) {
  EngineBuilder b;
  b.add_module("p.rego", R"(package p
grants := {"alice": {"read", "write"}, "bob": {"read"}}
allow if input.action in grants[input.user]
names contains n if some n, _ in grants
)");
  auto engine = b.build();
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  auto query = engine->prepare("a := data.p.allow; n := count(data.p.names)");
  ASSERT_TRUE(query.ok()) << query.error().to_string();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        bool expect = (t + i) % 3 != 0;
        EvalOptions o;
        o.input = value_from_json(expect ? R"({"user": "alice", "action": "write"})"
                                         : R"({"user": "bob", "action": "write"})")
                      .value();
        EvalResult r = query->eval(o);
        if (r.error) {
          ++failures;
          continue;
        }
        if (expect != (r.rows.size() == 1)) ++failures;
        if (expect && r.rows.size() == 1 && *r.rows[0].binding("n") != runtime::Value::integer(2)) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace arcane
