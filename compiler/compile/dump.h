// Text forms of a compiled program, for `arcane check --dump-after STAGE` and for tests:
// the rewritten rules as Rego-like text (one rule per line, calls in call form, as
// ast_string.h prints them), and the rule tree (one line per path that holds rules).
#pragma once

#include <string>

#include "compiler/compile/program.h"

namespace arcane::compiler {

// "package a.b" then the module's rules, one per line, for each module in order.
std::string dump_rules(const CompiledProgram& program);
// The rules of one module, one per line, without the package line.
std::string dump_module_rules(const CompiledProgram& program, size_t module);
// "data.a.p: complete, 2 rules (default)" per rule-tree node that holds rules, depth first.
std::string dump_rule_tree(const CompiledProgram& program);
// "package a.b" for a package path [data, "a", "b"].
std::string package_text(const std::vector<ast::Term>& path);

}  // namespace arcane::compiler
