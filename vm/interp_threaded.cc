// The dispatch loop with computed goto (GCC and Clang's "labels as values"): one indirect
// jump per instruction, each from its own site, which branch predictors handle far better
// than a single switch. Elsewhere this falls back to the switch form.
#include <optional>

#include "runtime/value_inline.h"
#include "vm/machine.h"
#include "vm/value_ops.h"

#if defined(__GNUC__)
#define ARCANE_VM_THREADED 1
#else
#define ARCANE_VM_THREADED 0
#endif
#define ARCANE_VM_RUN run_threaded
#include "vm/dispatch.inc"
