// The IR listing: a policy as text, for dumps, golden files and VM tests.
//
// The text is the parser's input too (parser.h), so tests are written as listings, in the
// spirit of regorus's textual VM tests, and print(parse(text)) is a fixed point. One
// statement per line, nested blocks in braces, a location as `@file:offset+length`:
//
//   builtin count/1
//   rule g0.data.test.p @1:10+8 {
//     {
//       dot input, "users" -> l3 @1:40+11
//       call count(l3) -> l4
//       assignonce l4 -> l2
//     }
//     {
//       return l2
//     }
//   }
//
// Constants are written inline as Rego literals (value_text.h); locals 0 and 1 print as
// `input` and `data`; a built-in call is `call name(...)`, a plan function call
// `call @name(...)`.
#pragma once

#include <string>

#include "ir/ir.h"

namespace arcane::ir {

std::string print_policy(const Policy& p);
// One statement and its nested blocks, indented by `indent` levels (for diagnostics).
std::string print_stmt(const Policy& p, const Stmt& s, int indent = 0);
// A function or built-in name as the listing writes it: bare when it is a plain dotted
// name, JSON-quoted otherwise.
std::string print_name(std::string_view name);

}  // namespace arcane::ir
