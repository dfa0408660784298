// The built-ins OPA's own test binary registers for the conformance suite (FORMAT.md §5),
// added to each case's engine through the public custom built-in API.
#pragma once

#include "arcane/engine.h"

namespace arcane::conformance {

// test.sleep(duration): sleeps for a Go duration ("10ms") and returns null; the
// `time/time caching` case uses it to show that time.now_ns() is read once per query.
void add_harness_builtins(EngineBuilder& builder);

}  // namespace arcane::conformance
