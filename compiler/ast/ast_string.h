// A compact, one-line text form of AST nodes, close to OPA's String() methods: refs print
// as `input.x["a b"][i]`, every call (operators included) prints in call form, e.g.
// `plus(1, mul(2, 3))`, so precedence and folding are visible at a glance. Used in error
// messages, debugging dumps and tests; it is not a formatter.
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace arcane::compiler::ast {

std::string to_string(const Term& t);
std::string to_string(const std::vector<Term>& ref);  // a ref's parts
std::string to_string(const Expr& e);
std::string to_string(const Body& b);  // expressions joined by "; "
std::string to_string(const Head& h);
std::string to_string(const Rule& r);  // head, `if { body }`, else chain

// Whether a ref key prints as `.key`: an identifier that is not a Rego keyword.
bool is_identifier(const std::string& s);

}  // namespace arcane::compiler::ast
