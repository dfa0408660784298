// BuiltinContext: the clock read once, the nondeterministic cache behind invoke(), and
// cancellation.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

int calls = 0;

BuiltinResult counter(BuiltinContext&, std::span<const runtime::Value> args) {
  ++calls;
  return runtime::Value::integer(calls * 100 + static_cast<int64_t>(args.size()));
}

TEST(Context, ClockIsFixedPerEvaluation) {
  BuiltinContext fixed(42);
  EXPECT_EQ(fixed.now_ns(), 42);
  BuiltinContext now;
  EXPECT_GT(now.now_ns(), 1'600'000'000'000'000'000);
  EXPECT_EQ(now.now_ns(), now.now_ns());
}

TEST(Context, NondeterministicCallsAreCachedPerOperands) {
  Builtin b;
  b.decl.name = "test.counter";
  b.decl.nondeterministic = true;
  b.impl = counter;
  calls = 0;
  BuiltinContext ctx(0);
  std::vector<runtime::Value> one = {str("a")}, other = {str("b")};
  EXPECT_EQ(show(invoke(b, ctx, one)), "101");
  EXPECT_EQ(show(invoke(b, ctx, one)), "101");
  EXPECT_EQ(show(invoke(b, ctx, other)), "201");
  EXPECT_EQ(calls, 2);
  BuiltinContext fresh(0);  // another evaluation: another value
  EXPECT_EQ(show(invoke(b, fresh, one)), "301");

  b.decl.nondeterministic = false;  // deterministic built-ins are never cached
  EXPECT_EQ(show(invoke(b, ctx, one)), "401");
  EXPECT_EQ(show(invoke(b, ctx, one)), "501");
}

TEST(Context, CacheIsKeyedByNameAndValue) {
  BuiltinContext ctx(0);
  ctx.remember("x", json("[1]"), str("one"));
  ASSERT_NE(ctx.cached("x", json("[1.0]")), nullptr);
  EXPECT_EQ(ctx.cached("x", json("[1.0]"))->string_view(), "one");
  EXPECT_EQ(ctx.cached("y", json("[1]")), nullptr);
  EXPECT_EQ(ctx.cached("x", json("[2]")), nullptr);
}

TEST(Context, CancellationFlag) {
  BuiltinContext ctx(0);
  EXPECT_FALSE(ctx.cancelled());
  std::atomic<bool> flag{false};
  ctx.set_cancel_flag(&flag);
  EXPECT_FALSE(ctx.cancelled());
  flag = true;
  EXPECT_TRUE(ctx.cancelled());
}

TEST(Context, PrintGoesToTheSink) {
  BuiltinContext ctx(0);
  EXPECT_TRUE(ctx.print_enabled());  // stderr by default
  std::string got;
  ctx.set_print_sink([&](std::string_view line) { got += std::string(line) + "|"; });
  ctx.print("a");
  ctx.print("b");
  EXPECT_EQ(got, "a|b|");
}

}  // namespace
}  // namespace arcane::stdlib::testing
