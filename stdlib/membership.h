// `x in c` as the stdlib's internal.member_2 decides it: a set's element, an array's
// element or an object's value; anything that is not a collection contains nothing. The
// interpreter makes the same test without a call (vm/value_ops.h).
#pragma once

#include "runtime/value.h"

namespace arcane::stdlib {

bool is_member(const runtime::Value& x, const runtime::Value& c);

}  // namespace arcane::stdlib
