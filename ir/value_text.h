// Constants as text: how the IR listing writes a runtime::Value and reads it back.
//
// JSON cannot say "set", and plan constants may be sets (`{1, 2}` in a rule body), so the
// listing uses Rego's term syntax for literals: null, true, false, numbers with their
// literal text kept (1.0 stays 1.0), JSON strings, [arrays], {objects: with any keys},
// {sets} and set() for the empty set. The same text is the constant pool's dedup key,
// so two constants are one entry exactly when they print the same.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/result.h"
#include "runtime/value.h"

namespace arcane::ir {

void append_value_text(std::string& out, const runtime::Value& v);
std::string value_text(const runtime::Value& v);

// Reads one literal from text[pos...], skipping leading blanks; advances pos past it.
// Errors carry code "ir_parse_error" and a message naming the byte offset. Nesting is
// limited to max_depth so hostile text cannot exhaust the stack.
runtime::Result<runtime::Value> parse_value_text(std::string_view text, size_t& pos, size_t max_depth = 256);

}  // namespace arcane::ir
