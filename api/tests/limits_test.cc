// Evaluation limits through the API: a runaway policy is stopped with a clear error.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "arcane/arcane.h"

namespace arcane {
namespace {

// 10^6 x 10^6 combinations: hours of work without a limit.
const char* kRunaway = R"(package r
n := numbers.range(1, 1000000)
p if {
  some a in n
  some b in n
  a * b == -1
}
)";

PreparedQuery prepare(const char* policy, const char* query) {
  EngineBuilder b;
  b.add_module("r.rego", policy);
  auto engine = b.build();
  EXPECT_TRUE(engine.ok()) << (engine.ok() ? "" : engine.error().to_string());
  auto q = engine->prepare(query);
  EXPECT_TRUE(q.ok()) << (q.ok() ? "" : q.error().to_string());
  return std::move(q).value();
}

TEST(Limits, InstructionLimitStopsANestedIteration) {
  PreparedQuery q = prepare(kRunaway, "data.r.p");
  EvalOptions o;
  o.limits.max_instructions = 2'000'000;
  EvalResult r = q.eval(o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "eval_cancel_error");
  EXPECT_NE(r.error->message.find("instructions"), std::string::npos) << r.error->message;
}

TEST(Limits, TimeLimitStopsANestedIteration) {
  PreparedQuery q = prepare(kRunaway, "data.r.p");
  EvalOptions o;
  o.limits.max_time = std::chrono::milliseconds(200);
  auto start = std::chrono::steady_clock::now();
  EvalResult r = q.eval(o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "eval_cancel_error");
  // Generous: the point is that it stops, not how fast (shared machines).
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

TEST(Limits, CancellationFromAnotherThread) {
  PreparedQuery q = prepare(kRunaway, "data.r.p");
  std::atomic<bool> cancel{false};
  EvalOptions o;
  o.limits.cancel = &cancel;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    cancel = true;
  });
  EvalResult r = q.eval(o);
  stopper.join();
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "eval_cancel_error");
}

TEST(Limits, WalkOfAHugeDocumentStops) {
  PreparedQuery q = prepare(R"(package r
big := [[i, j] | some i in numbers.range(1, 3000); some j in numbers.range(1, 300)]
p := count([x | walk(big, x)])
)",
                            "data.r.p");
  EvalOptions o;
  o.limits.max_instructions = 100'000;
  EvalResult r = q.eval(o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "eval_cancel_error");
}

TEST(Limits, DeepRecursionThroughFunctionsIsRefusedAtCompileTime) {
  EngineBuilder b;
  b.add_module("r.rego", "package r\nf(x) := f(x)\n");
  auto engine = b.build();
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().code, "rego_recursion_error");
}

}  // namespace
}  // namespace arcane
