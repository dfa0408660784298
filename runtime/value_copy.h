// A value's identity, and a copy of it in a node of its own.
//
// Copying a Value that lives in a heap node adds to that node's atomic reference count.
// When many threads copy the same node (a program's constant returned as every decision),
// that count's cache line moves between cores on every copy. A thread that keeps its own
// copy (own_node_copy) and hands that out writes only to memory no other thread writes.
#pragma once

#include "runtime/value.h"

namespace arcane::runtime {

// The heap node `v` refers to (borrowed or not), or nullptr for an inline value: equal
// for two handles exactly when they share one node.
const void* node_identity(const Value& v) noexcept;

// A value equal to `v` whose outermost node is new, with one reference (the elements are
// shared with `v`). Inline values and numbers are returned as they are.
Value own_node_copy(const Value& v);

}  // namespace arcane::runtime
