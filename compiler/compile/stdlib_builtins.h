// The compiler's view of stdlib/'s declaration table: the same BuiltinTable the pipeline
// takes, built from stdlib::all_builtins() (names, arities, void, variadic, relation and
// deprecated flags, typed signatures, and the operand names and descriptions of
// stdlib/builtin_docs.h). Until every family is in the
// stdlib table, callers that must accept all of OPA's built-ins can use a capabilities
// document instead (builtins_from_capabilities).
#pragma once

#include <memory>

#include "compiler/compile/builtins.h"

namespace arcane::compiler {

std::shared_ptr<const BuiltinTable> builtins_from_stdlib();

}  // namespace arcane::compiler
