// The plan's stable serialized form: what a compiled bundle carries, so a service can load
// policies without parsing or compiling Rego.
//
// Binary, versioned, little-endian, documented in docs/ir.md ("Serialized form"): the
// magic "ARCANEIR", a u32 format version (kFormatVersion), then files, constants,
// built-ins and functions, every count and index a LEB128 varint. Constants keep their
// exact literal text (numbers) and kind (sets stay sets). load(save(p)) is p: the test
// suite checks print(load(save(p))) == print(p).
//
// The loader faces untrusted bytes (a fuzz target runs it): every read is bounds-checked,
// a count cannot promise more items than bytes remain, nesting is capped, and the result
// is run through the verifier, so whatever it returns is safe to lower and run. Errors
// have code "ir_load_error" and a message "offset N: what".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ir/ir.h"
#include "runtime/result.h"

namespace arcane::ir {

std::string save_policy(const Policy& p);

struct LoadOptions {
  bool definite_assignment = true;  // also run the verifier's dataflow check
};

runtime::Result<Policy> load_policy(std::string_view bytes, const LoadOptions& options = {});

}  // namespace arcane::ir
