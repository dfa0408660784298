// rego.parse_module's parser: the compiler's, handed to the built-in through its context
// (stdlib sits below the compiler and cannot call it directly).
#pragma once

#include "stdlib/context.h"

namespace arcane::api {

// Parses with OPA 1.x's defaults (v1 syntax) and returns the module as the value of OPA's
// AST JSON, or an eval_builtin_error carrying the parse errors as OPA prints them.
const stdlib::BuiltinContext::ModuleParser& rego_module_parser();

}  // namespace arcane::api
