// Which registers of a function may hold a reference when its frame ends.
//
// Most registers hold inline scalars or borrowed handles (parts of the input, the data
// and the constants, which the evaluation's caller keeps alive), and releasing them is a
// no-op. The machine releases a frame's registers when the frame returns; this analysis
// gives it the short list of those that may need it, so a return and the end of an
// evaluation touch a handful of registers instead of every one the frames used.
//
// A register may hold a reference when some instruction writes it with a value the
// evaluation made or copied owning: a call's result, a built collection, a merge, a
// parameter. A lookup, a scan or a move writes an owned value only when its source is
// such a register, so the answer is a fixed point over the function's code. It assumes
// the documents (registers 0 and 1) are borrowed, which holds unless the program uses
// `with` (Program::releases_at_return is false then, and the machine falls back to
// releasing every register it used).
#pragma once

#include <cstdint>
#include <vector>

#include "vm/program.h"

namespace arcane::vm {

// The registers of `f` (code from f.entry up to `end`) that may hold a reference, in
// ascending order.
std::vector<uint32_t> registers_holding_references(const std::vector<uint32_t>& code, const FunctionInfo& f,
                                                   uint32_t end);

// Whether the code has a `with` (which may put an owned document into registers 0 and 1).
bool has_with(const std::vector<uint32_t>& code);

}  // namespace arcane::vm
