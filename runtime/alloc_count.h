// Allocation counting for the binaries that measure (arcane-bench and `arcane bench`):
// alloc_count.cc replaces the global operator new/delete with a malloc-based pair that
// bumps thread-local counters. It is an object library of its own (arcane_alloc_count),
// linked only into those two executables, never into a library.
#pragma once

#include <cstdint>

namespace arcane::runtime {

// Calls of operator new made by the calling thread so far, and the bytes they asked for.
uint64_t thread_allocations();
uint64_t thread_allocated_bytes();

}  // namespace arcane::runtime
