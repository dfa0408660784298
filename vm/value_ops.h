// The value operations of the bytecode that runtime/value.h does not already provide:
// lookups, lengths, `with` upserts and object merges. They are plain functions on Values
// so that the interpreter and the JIT (which will call them as runtime helpers, as
// PostgreSQL's JIT calls its interpreter's) share one implementation of each semantic.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "runtime/value.h"
#include "runtime/value_inline.h"
#include "stdlib/membership.h"
#include "vm/opcodes.h"

namespace arcane::vm {

// The position `key` names in an array of `size` elements: an integer written as one (as
// OPA, which asks Go whether the number's text parses as an int, so 1.0 names nothing).
std::optional<size_t> array_index(const runtime::Value& key, size_t size);

// source[key]: an array element (key as array_index() reads it), an object's value, or
// for a set the element itself when it is a member. nullptr is undefined; the pointer
// lives as long as source (or key, for sets).
const runtime::Value* dot(const runtime::Value& source, const runtime::Value& key);

// Elements of an array or set, entries of an object, runes of a string (as Go counts
// them, as count() does); nullopt for other kinds.
std::optional<int64_t> length(const runtime::Value& v);

// Whether `a op b` holds: OPA's total order, or membership (Compare and CompareJump).
inline bool compare_holds(CompareOp op, const runtime::Value& a, const runtime::Value& b) {
  switch (op) {
    case CompareOp::kEqual: return a == b;
    case CompareOp::kNotEqual: return !(a == b);
    case CompareOp::kLess: return runtime::order(a, b) < 0;
    case CompareOp::kLessEqual: return runtime::order(a, b) <= 0;
    case CompareOp::kGreater: return runtime::order(a, b) > 0;
    case CompareOp::kGreaterEqual: return runtime::order(a, b) >= 0;
    case CompareOp::kMember: return stdlib::is_member(a, b);
  }
  return false;
}

// `doc` with `value` placed at `path`, creating (or replacing non-object) intermediate
// nodes with objects, as `with input.a.b as value` does. A null doc is undefined; an
// empty path replaces the whole document.
runtime::Value upsert(const runtime::Value* doc, std::span<const runtime::Value> path, const runtime::Value& value);

// The recursive merge of two objects: objects merge, sets unite, equal values stay; other
// values present in both are a conflict (nullopt), unless first_wins. A non-object a or b
// is a conflict.
//
// opaque_depth (0: none) is the depth at which values are rule values rather than paths:
// OPA never merges into another rule's value, so below that depth a key in both that holds
// unequal values (sets apart) is a conflict even when both are objects.
std::optional<runtime::Value> merge_objects(const runtime::Value& a, const runtime::Value& b, bool first_wins = false,
                                            uint32_t opaque_depth = 0);

}  // namespace arcane::vm
