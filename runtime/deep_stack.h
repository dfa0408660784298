// Work whose recursion grows with the input (the planner and the partial evaluator
// recurse once per expression in flight, by continuation) runs on a thread with a large
// reserved stack, so that a long policy meets the work's own depth limit, with an error,
// long before the stack runs out. The reservation is virtual: only the pages the
// recursion reaches are touched.
#pragma once

#include <cstddef>
#include <functional>

namespace arcane::runtime {

inline constexpr size_t kDeepStackBytes = size_t{512} << 20;

// Runs `fn` to completion on a thread with `bytes` of stack and returns when it is done;
// an exception it throws is rethrown here. If no thread can be started, `fn` runs on the
// caller's thread.
void run_with_stack(size_t bytes, const std::function<void()>& fn);

}  // namespace arcane::runtime
