// The operations of OPA's type system that the type checker needs beyond those stdlib's
// types offer (OPA's v1/types: Select, Keys, Values, Nil, TypeOf) and the compatibility
// test of two types (check.go's unifies). They are pure functions of types; the checker
// (type_checker.h) applies them to terms.
#pragma once

#include "runtime/value.h"
#include "stdlib/types.h"

namespace arcane::compiler::stages {

using stdlib::types::Kind;
using stdlib::types::Type;

inline bool is_kind(const Type& t, Kind k) {
  return !t.is_nil() && t.kind() == k;
}
// Plain `any`, the type of every value.
inline bool is_any(const Type& t) {
  return is_kind(t, Kind::kAny) && t.items().empty();
}

// types.TypeOf: the type of a JSON value (objects and arrays fully static).
Type type_of_value(const runtime::Value& v);
// types.Select: the type of the member of t under key; nil if t has none.
Type select_type(const Type& t, const runtime::Value& key);
// types.Keys / types.Values: what iterating t yields as keys / values; nil if t is not a
// collection.
Type keys_of(const Type& t);
Type values_of(const Type& t);
// types.Nil: t is unknown, or is made of some unknown part.
bool has_nil(const Type& t);
// check.go's unifies: values of types a and b can be equal. False if either is nil.
bool unifies(const Type& a, const Type& b);

}  // namespace arcane::compiler::stages
