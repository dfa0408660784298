// The dispatch loop as a portable switch: the fallback for compilers without computed
// goto, and a second instance the tests run everything on, so the fallback never rots.
#include <optional>

#include "runtime/value_inline.h"
#include "vm/machine.h"
#include "vm/value_ops.h"

#define ARCANE_VM_THREADED 0
#define ARCANE_VM_RUN run_switch
#include "vm/dispatch.inc"
