// OPA's total order on AST terms (ast.Compare): by kind first (null < boolean < number <
// string < var < ref < array < object < set < comprehensions < call), then by value, with
// numbers compared numerically on their exact decimal text. Printers use it to list set
// elements and object keys in the order OPA prints them; later stages can use it for
// canonical ordering.
#pragma once

#include <string_view>

#include "compiler/ast/ast.h"

namespace arcane::compiler::ast {

int compare(const Term& a, const Term& b);

// Compares two number literals by value ("1" == "1.0" == "1e0"); returns <0, 0, >0.
int compare_numbers(std::string_view a, std::string_view b);

}  // namespace arcane::compiler::ast
