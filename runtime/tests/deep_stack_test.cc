// run_with_stack: recursion far deeper than a default 8 MB thread stack completes, and
// an exception crosses back to the caller.
#include <gtest/gtest.h>

#include <stdexcept>

#include "runtime/deep_stack.h"

namespace arcane::runtime {
namespace {

// About 1 KB of stack per level, kept by the volatile buffer.
size_t recurse(size_t depth) {
  volatile char frame[1024];
  frame[0] = static_cast<char>(depth);
  if (depth == 0) return frame[0];
  return recurse(depth - 1) + 1 + frame[0] * 0;
}

TEST(DeepStack, RecursionBeyondTheDefaultStack) {
  size_t got = 0;
  run_with_stack(kDeepStackBytes, [&] { got = recurse(100000); });  // ~100 MB of frames
  EXPECT_EQ(got, 100000u);
}

TEST(DeepStack, ExceptionsReachTheCaller) {
  EXPECT_THROW(run_with_stack(kDeepStackBytes, [] { throw std::runtime_error("boom"); }), std::runtime_error);
}

}  // namespace
}  // namespace arcane::runtime
