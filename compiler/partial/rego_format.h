// Rego source text for AST nodes that have no source of their own: the queries and
// support modules that partial evaluation produces. It prints what OPA 1.x's format
// package prints for such nodes (format.AstWithOpts with IgnoreLocations, Rego v1): every
// node sits on "row 1", so a one-expression body stays on the rule's line (`p if x`),
// longer bodies are blocks indented with a tab, rules are separated by a blank line,
// heads use `:=` and `if` / `contains`, operators print infix (`a = b`, `x in xs`,
// `z = x + y` for a call with an output operand), and a wildcard that occurs once prints
// as `_` (twice or more as `_N`, so the text still reads back).
//
// It is not `opa fmt`: comments and original layout are not kept.
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace arcane::compiler::partial {

std::string format_term(const ast::Term& term);
std::string format_expr(const ast::Expr& expr);
// One expression per line, each followed by a newline (a query, as `opa eval --format
// source` prints it).
std::string format_query(const ast::Body& body);
// `package ...`, a blank line, the rules separated by blank lines; ends with one newline.
std::string format_module(const ast::Module& module);

}  // namespace arcane::compiler::partial
