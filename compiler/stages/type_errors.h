// The type checker's errors, worded and detailed as OPA's (v1/ast/check.go): each is a
// rego_type_error whose notes are the lines OPA prints under the message (`have: (...)`,
// `want: (...)`) and whose details are the JSON OPA puts in the error's "details".
#pragma once

#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/compile/builtins.h"
#include "compiler/stages/context.h"
#include "compiler/stages/type_ops.h"
#include "runtime/diagnostic.h"

namespace arcane::compiler::stages {

// A function's operands as the error shows what it wants: types, with names and
// descriptions for built-ins (OPA's FuncArgs of NamedTypes).
struct WantedArgs {
  std::vector<Type> args;
  std::vector<OperandInfo> docs;  // parallel to args; empty for user functions
  Type variadic;
};

struct TypeError {
  runtime::Diagnostic diag;
  bool nil_cause = false;  // OPA's causedByNilType: an operand's type was unknown
};

// "<name>: <what>" with have/want (ArgErrDetail).
TypeError arg_error(const std::string& name, const char* what, runtime::Location loc, const std::vector<Type>& have,
                    const WantedArgs& want);
// "match error" with left/right (UnificationErrDetail).
TypeError match_error(runtime::Location loc, const Type& left, const Type& right);
// "undefined ref: <ref>" where ref[pos] is not a key of what precedes it
// (RefErrInvalidDetail); one_of lists the keys there are, if known.
TypeError ref_invalid_error(const StageContext& ctx, const std::vector<ast::Term>& ref, int pos, const Type& have,
                            const Type& want, const std::vector<runtime::Value>& one_of);
// "undefined ref: <ref>" where ref[:pos+1] cannot be dereferenced (RefErrUnsupportedDetail).
TypeError ref_unsupported_error(const StageContext& ctx, const std::vector<ast::Term>& ref, int pos,
                                const Type& have);

}  // namespace arcane::compiler::stages
