// The parse-time checks that make a module Rego v1 (OPA's checkRegoV1Rule): rules need
// `if` before a body and `contains` for partial sets, a rule needs a value or a body, and
// a keyword cannot name a rule. They run after a v1 (or `import rego.v1`) module parsed
// cleanly, on every rule and else branch, and report at the rule's location.
#pragma once

#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "runtime/diagnostic.h"

namespace arcane::compiler::parse {

std::vector<runtime::Diagnostic> check_rego_v1(const ast::Module& module);

// Whether `s` is a keyword of that Rego version (v0 lacks if, contains, in and every).
bool is_keyword(const std::string& s, ast::RegoVersion version);

}  // namespace arcane::compiler::parse
