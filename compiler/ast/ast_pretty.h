// The AST as an indented tree, one node per line, as `opa parse` prints it by default
// (OPA's ast.Pretty; see the CLI golden 54-parse-pretty): a node's kind (`module`, `rule`,
// `ref`, `expr index=0`, ...) or a scalar's value, indented one space per level. It walks
// the nodes in the order OPA's visitor does, including its quirks (a head with a ref does
// not show its key; an import shows its alias, even when empty, as a line of its own).
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace arcane::compiler::ast {

std::string to_pretty(const Module& module);

}  // namespace arcane::compiler::ast
