// object.union, object.union_n, object.filter, object.remove, object.keys and
// object.subset (OPA's topdown/object.go and topdown/subset.go).
//
// object.union_n follows OPA's algorithm, not just its intent: it merges the objects
// back to front into one mutable tree, and a key whose later value is not an object (or
// meets a non-object) is frozen, so earlier objects cannot merge into it any more.
// object.subset keeps OPA's quirks on arrays: an array "contains" an array when the
// latter is a contiguous run in it; an array contains a set when enough of its
// elements (counting repeats) are in the set, and never when the array is empty.
#include <map>
#include <memory>
#include <set>
#include <variant>

#include "runtime/value_builder.h"
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

// object.union: b's values win, except that two objects merge.
Value merge_with_overwrite(const Value& a, const Value& b) {
  runtime::ObjectBuilder out(a.size() + b.size());
  for (auto entry : a.entries()) {
    const Value* other = b.find(entry.key);
    if (other == nullptr) {
      out.insert(entry.key, entry.value);
    } else if (entry.value.is_object() && other->is_object()) {
      out.insert(entry.key, merge_with_overwrite(entry.value, *other));
    } else {
      out.insert(entry.key, *other);
    }
  }
  for (auto entry : b.entries()) {
    if (a.find(entry.key) == nullptr) out.insert(entry.key, entry.value);
  }
  return out.build();
}

// A value in object.union_n's result tree; objects are expanded when something merges
// into them.
struct MergeNode {
  Value value;
  std::unique_ptr<std::map<Value, MergeNode>> children;  // set once expanded
  bool frozen = false;

  void expand() {
    if (children) return;
    children = std::make_unique<std::map<Value, MergeNode>>();
    for (auto entry : value.entries()) children->emplace(entry.key, MergeNode{entry.value, nullptr, false});
  }

  Value render() const {
    if (!children) return value;
    runtime::ObjectBuilder out(children->size());
    for (const auto& [key, child] : *children) out.insert(key, child.render());
    return out.build();
  }
};

void merge_in_place(MergeNode& node, const Value& other) {
  node.expand();
  for (auto entry : other.entries()) {
    auto it = node.children->find(entry.key);
    if (it == node.children->end()) {
      node.children->emplace(entry.key, MergeNode{entry.value, nullptr, false});
      continue;
    }
    MergeNode& existing = it->second;
    if (existing.value.is_object() && entry.value.is_object()) {
      if (!existing.frozen) merge_in_place(existing, entry.value);
    } else {
      existing.frozen = true;
    }
  }
}

// OPA's getObjectKeysParam: the keys as a set, from an array, a set or an object's keys.
std::variant<Value, BuiltinError> keys_param(std::string_view name, const Value& v) {
  if (v.is_set()) return v;
  runtime::SetBuilder keys(v.size());
  if (v.is_array()) {
    for (const Value& k : v.elements()) keys.insert(k);
  } else if (v.is_object()) {
    for (auto entry : v.entries()) keys.insert(entry.key);
  } else {
    return operand_type_error(name, 2, v, {"object", "set", "array"});
  }
  return keys.build();
}

BuiltinResult select_keys(std::string_view name, Args args, bool keep) {
  if (!args[0].is_object()) return operand_type_error(name, 1, args[0], {"object"});
  std::variant<Value, BuiltinError> keys = keys_param(name, args[1]);
  if (const BuiltinError* e = std::get_if<BuiltinError>(&keys)) return *e;
  const Value& set = std::get<Value>(keys);
  runtime::ObjectBuilder out;
  for (auto entry : args[0].entries()) {
    if (set.contains(entry.key) == keep) out.insert(entry.key, entry.value);
  }
  return out.build();
}

bool set_subset(const Value& super, const Value& sub) {
  for (const Value& e : sub.elements()) {
    if (!super.contains(e)) return false;
  }
  return true;
}

// OPA's naive search for sub as a contiguous run of super.
bool array_subset(const Value& super, const Value& sub) {
  if (sub.size() > super.size()) return false;
  if (sub == super) return true;
  size_t super_cursor = 0, sub_cursor = 0;
  while (true) {
    if (sub_cursor == sub.size()) return true;
    if (super_cursor + sub_cursor == super.size()) return false;
    if (compare(super.at(super_cursor + sub_cursor), sub.at(sub_cursor)) == 0) {
      ++sub_cursor;
    } else {
      ++super_cursor;
      sub_cursor = 0;
    }
  }
}

bool array_set_subset(const Value& super, const Value& sub) {
  size_t unmatched = sub.size();
  for (const Value& e : super.elements()) {
    if (sub.contains(e)) --unmatched;
    if (unmatched == 0) return true;
  }
  return false;
}

bool object_subset_of(const Value& super, const Value& sub) {
  for (auto entry : sub.entries()) {
    const Value* s = super.find(entry.key);
    if (s == nullptr) return false;
    const Value& v = entry.value;
    if (v == *s) continue;
    if (s->is_object() && v.is_object()) {
      if (!object_subset_of(*s, v)) return false;
    } else if (s->is_set() && v.is_set()) {
      if (!set_subset(*s, v)) return false;
    } else if (s->is_array() && v.is_array()) {
      if (!array_subset(*s, v)) return false;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

BuiltinResult object_union(BuiltinContext&, Args args) {
  if (!args[0].is_object()) return operand_type_error("object.union", 1, args[0], {"object"});
  if (!args[1].is_object()) return operand_type_error("object.union", 2, args[1], {"object"});
  if (args[0] == args[1]) return args[0];
  return merge_with_overwrite(args[0], args[1]);
}

BuiltinResult object_union_n(BuiltinContext&, Args args) {
  const Value& arr = args[0];
  if (!arr.is_array()) return operand_type_error("object.union_n", 1, arr, {"array"});
  MergeNode result{Value::empty_object(), nullptr, false};
  for (size_t i = arr.size(); i-- > 0;) {
    if (!arr.at(i).is_object()) return operand_element_error("object.union_n", 1, arr, arr.at(i), {"object"});
    merge_in_place(result, arr.at(i));
  }
  return result.render();
}

BuiltinResult object_filter(BuiltinContext&, Args args) {
  return select_keys("object.filter", args, true);
}

BuiltinResult object_remove(BuiltinContext&, Args args) {
  return select_keys("object.remove", args, false);
}

BuiltinResult object_keys(BuiltinContext&, Args args) {
  if (!args[0].is_object()) return operand_type_error("object.keys", 1, args[0], {"object"});
  runtime::SetBuilder keys(args[0].size());
  for (auto entry : args[0].entries()) keys.insert(entry.key);
  return keys.build();
}

BuiltinResult object_subset(BuiltinContext&, Args args) {
  const Value &super = args[0], &sub = args[1];
  if (super.is_object() && sub.is_object()) return Value::boolean(object_subset_of(super, sub));
  if (super.is_set() && sub.is_set()) return Value::boolean(set_subset(super, sub));
  if (super.is_array() && sub.is_array()) return Value::boolean(array_subset(super, sub));
  if (super.is_array() && sub.is_set()) return Value::boolean(array_set_subset(super, sub));
  return BuiltinError{std::string(kTypeError),
                      "object.subset: both arguments object.subset must be of the same type or array and set"};
}

}  // namespace arcane::stdlib::impl
