// Values as Rego source text, the way OPA's ast.Value.String() writes them.
//
// print() and sprintf("%v") show values in this form, not as JSON: strings quoted with
// Go's strconv.Quote, sets as {1, 2} (and set() when empty), objects as {"a": 1}, with
// ", " between items and numbers in their own text. Containers list their items in
// canonical order, which is the order OPA prints them in.
#pragma once

#include <string>

#include "runtime/value.h"

namespace arcane::stdlib {

std::string rego_text(const runtime::Value& v);
void append_rego_text(std::string& out, const runtime::Value& v);

// Go's strconv.Quote. Printability uses a compact approximation of unicode.IsPrint:
// controls, non-ASCII spaces, format characters and private-use code points are
// escaped; unassigned code points are kept as they are.
void append_go_quoted(std::string& out, std::string_view s);

}  // namespace arcane::stdlib
