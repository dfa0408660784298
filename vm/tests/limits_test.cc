// Evaluation limits: a plan with 10^12 iterations is stopped by the instruction limit,
// by the wall-clock limit and by cancellation from another thread, each quickly and with
// its own typed error; runaway recursion hits the call-depth limit.
#include <chrono>
#include <thread>

#include "runtime/value_builder.h"
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// Three nested scans over 10^4 elements: 10^12 iterations of the inner body.
constexpr std::string_view kForever = R"(plan main { {
  scan input -> l2, l3 {
    scan input -> l4, l5 {
      scan input -> l6, l7 {
        equal l7, -1
        resultsetadd "never"
      }
    }
  }
} })";

runtime::Value ten_thousand() {
  runtime::ArrayBuilder b(10000);
  for (int i = 0; i < 10000; ++i) b.push_back(runtime::Value::integer(i));
  return b.build();
}

struct Timed {
  EvalResult result;
  milliseconds elapsed;
};

Timed run_forever(EvalOptions options, Dispatch dispatch) {
  std::shared_ptr<const Program> p = lower(kForever);
  static const runtime::Value input = ten_thousand();
  options.input = &input;
  options.dispatch = dispatch;
  auto start = steady_clock::now();
  EvalResult r = evaluate(*p, "main", options);
  return {std::move(r), std::chrono::duration_cast<milliseconds>(steady_clock::now() - start)};
}

TEST(Limits, InstructionLimit) {
  for (Dispatch d : {Dispatch::kThreaded, Dispatch::kSwitch}) {
    EvalOptions o;
    o.limits.max_instructions = 5'000'000;
    Timed t = run_forever(o, d);
    ASSERT_TRUE(t.result.error);
    EXPECT_EQ(t.result.error->kind, ErrorKind::kInstructionLimit);
    EXPECT_EQ(t.result.error->text, "eval_cancel_error: evaluation limit exceeded: instructions (5000000)");
    EXPECT_GE(t.result.instructions, 5'000'000u);
    EXPECT_LT(t.result.instructions, 5'000'100u);
    EXPECT_LT(t.elapsed, milliseconds(5000));
  }
}

TEST(Limits, TimeLimit) {
  for (Dispatch d : {Dispatch::kThreaded, Dispatch::kSwitch}) {
    EvalOptions o;
    o.limits.max_time = milliseconds(50);
    Timed t = run_forever(o, d);
    ASSERT_TRUE(t.result.error);
    EXPECT_EQ(t.result.error->kind, ErrorKind::kTimeLimit);
    EXPECT_EQ(t.result.error->text, "eval_cancel_error: evaluation limit exceeded: time (50ms)");
    EXPECT_GE(t.elapsed, milliseconds(50));
    EXPECT_LT(t.elapsed, milliseconds(3000));  // generous: the test machine is shared
  }
}

TEST(Limits, CancellationFromAnotherThread) {
  std::atomic<bool> cancel{false};
  EvalOptions o;
  o.limits.cancel = &cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(milliseconds(30));
    cancel = true;
  });
  Timed t = run_forever(o, Dispatch::kThreaded);
  canceller.join();
  ASSERT_TRUE(t.result.error);
  EXPECT_EQ(t.result.error->kind, ErrorKind::kCancelled);
  EXPECT_EQ(t.result.error->text, "eval_cancel_error: caller cancelled query execution");
  EXPECT_LT(t.elapsed, milliseconds(3000));
}

TEST(Limits, CallDepth) {
  std::shared_ptr<const Program> p = lower(R"(file 1 "x.rego" [0]
    func f(l2) { { call @f(l2) -> l3 @1:4+4  return l3 } }
    rule r { { call @r() -> l2  return l2 } }
    plan main { { call @f(1) -> l2  resultsetadd l2 } }
    plan rule { { call @r() -> l2  resultsetadd l2 } })");
  ASSERT_TRUE(p);
  EvalOptions o;
  o.limits.max_call_depth = 200;
  EvalResult r = run(*p, "main", o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::kCallDepthLimit);
  EXPECT_EQ(r.error->text, "x.rego:1: eval_cancel_error: evaluation limit exceeded: call depth (200)");
  EXPECT_EQ(run(*p, "rule").error->kind, ErrorKind::kCallDepthLimit);
  o.limits.max_call_depth = 100000;  // the default is 10000; deeper still works, on the heap
  EXPECT_EQ(evaluate(*p, "main", o).error->kind, ErrorKind::kCallDepthLimit);
}

TEST(Limits, NoLimitsNoErrors) {
  std::shared_ptr<const Program> p = lower(R"(plan main { { scan input -> l2, l3 { resultsetadd l3 } } })");
  runtime::Value in = json("[1, 2, 3]");
  EvalOptions o;
  o.input = &in;
  EvalResult r = run(*p, "main", o);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(rows_text(r), "[1, 2, 3]");
  EXPECT_GT(r.instructions, 0u);
}

}  // namespace
}  // namespace arcane::vm::testing
