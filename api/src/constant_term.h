// The value of a constant Rego term, without the compiler: what OPA's conformance cases
// need for `input_term` (`{"a", {1: [true]}}`, `set()`), and what hosts need to pass
// sets or non-string keys as input. Only literal data is accepted; a variable, reference,
// call, comprehension or template string is refused with a located diagnostic, since its
// value would need evaluation.
#pragma once

#include "compiler/ast/ast.h"
#include "runtime/result.h"
#include "runtime/value.h"

namespace arcane::api {

runtime::Result<runtime::Value> constant_value(const compiler::ast::Term& term);

}  // namespace arcane::api
