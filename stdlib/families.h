// The implementation functions of each family, for the declaration table in
// registry.cc (internal to stdlib/). Each family file defines its functions and nothing
// else; names follow the built-in's name (set_and for `and`, which is a C++ keyword).
#pragma once

#include <span>

#include "runtime/value.h"
#include "stdlib/builtin.h"

namespace arcane::stdlib::impl {

using Args = std::span<const runtime::Value>;

// comparison.cc
BuiltinResult equal(BuiltinContext& ctx, Args args);
BuiltinResult neq(BuiltinContext& ctx, Args args);
BuiltinResult lt(BuiltinContext& ctx, Args args);
BuiltinResult lte(BuiltinContext& ctx, Args args);
BuiltinResult gt(BuiltinContext& ctx, Args args);
BuiltinResult gte(BuiltinContext& ctx, Args args);

// arithmetic.cc
BuiltinResult plus(BuiltinContext& ctx, Args args);
BuiltinResult minus(BuiltinContext& ctx, Args args);
BuiltinResult mul(BuiltinContext& ctx, Args args);
BuiltinResult div(BuiltinContext& ctx, Args args);
BuiltinResult rem(BuiltinContext& ctx, Args args);
BuiltinResult abs(BuiltinContext& ctx, Args args);
BuiltinResult round(BuiltinContext& ctx, Args args);
BuiltinResult ceil(BuiltinContext& ctx, Args args);
BuiltinResult floor(BuiltinContext& ctx, Args args);

// sets.cc
BuiltinResult set_and(BuiltinContext& ctx, Args args);
BuiltinResult set_or(BuiltinContext& ctx, Args args);
BuiltinResult set_diff(BuiltinContext& ctx, Args args);
BuiltinResult intersection(BuiltinContext& ctx, Args args);
BuiltinResult set_union(BuiltinContext& ctx, Args args);
runtime::Value set_difference(const runtime::Value& a, const runtime::Value& b);  // for minus

// aggregates.cc
BuiltinResult count(BuiltinContext& ctx, Args args);
BuiltinResult sum(BuiltinContext& ctx, Args args);
BuiltinResult product(BuiltinContext& ctx, Args args);
BuiltinResult max(BuiltinContext& ctx, Args args);
BuiltinResult min(BuiltinContext& ctx, Args args);
BuiltinResult sort(BuiltinContext& ctx, Args args);
BuiltinResult any(BuiltinContext& ctx, Args args);
BuiltinResult all(BuiltinContext& ctx, Args args);

// type_checks.cc
BuiltinResult is_number(BuiltinContext& ctx, Args args);
BuiltinResult is_string(BuiltinContext& ctx, Args args);
BuiltinResult is_boolean(BuiltinContext& ctx, Args args);
BuiltinResult is_array(BuiltinContext& ctx, Args args);
BuiltinResult is_set(BuiltinContext& ctx, Args args);
BuiltinResult is_object(BuiltinContext& ctx, Args args);
BuiltinResult is_null(BuiltinContext& ctx, Args args);
BuiltinResult type_name(BuiltinContext& ctx, Args args);

// casts.cc (deprecated, v0 only)
BuiltinResult cast_array(BuiltinContext& ctx, Args args);
BuiltinResult cast_set(BuiltinContext& ctx, Args args);
BuiltinResult cast_string(BuiltinContext& ctx, Args args);
BuiltinResult cast_boolean(BuiltinContext& ctx, Args args);
BuiltinResult cast_null(BuiltinContext& ctx, Args args);
BuiltinResult cast_object(BuiltinContext& ctx, Args args);

// object.cc
BuiltinResult object_get(BuiltinContext& ctx, Args args);

// array.cc
BuiltinResult array_concat(BuiltinContext& ctx, Args args);
BuiltinResult array_slice(BuiltinContext& ctx, Args args);
BuiltinResult array_reverse(BuiltinContext& ctx, Args args);

// membership.cc
BuiltinResult member_2(BuiltinContext& ctx, Args args);
BuiltinResult member_3(BuiltinContext& ctx, Args args);
// OPA's Term.Get: an object's value, an array's element at an integer index, a set's
// element; nullptr otherwise.
const runtime::Value* term_get(const runtime::Value& container, const runtime::Value& key);

// print.cc
BuiltinResult print(BuiltinContext& ctx, Args args);
BuiltinResult internal_print(BuiltinContext& ctx, Args args);
// OPA's test runner names sub-test cases through internal.test_case(parts); outside it
// (and in `arcane test`, which reports whole tests) the call just succeeds.
BuiltinResult internal_test_case(BuiltinContext& ctx, Args args);

// template_string.cc
BuiltinResult template_string(BuiltinContext& ctx, Args args);

// walk.cc
BuiltinResult walk(BuiltinContext& ctx, Args args);

// numbers.cc
BuiltinResult numbers_range(BuiltinContext& ctx, Args args);
BuiltinResult numbers_range_step(BuiltinContext& ctx, Args args);

}  // namespace arcane::stdlib::impl
