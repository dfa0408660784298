// Membership, the `in` operator (topdown/aggregates.go): internal.member_2 for
// `x in xs` (a set's element, an array's element or an object's value) and
// internal.member_3 for `k, v in xs` (a set holds k and k == v; an array or object has
// v at k). Anything that is not a collection contains nothing; neither ever fails.
#include <algorithm>

#include "stdlib/families.h"
#include "stdlib/membership.h"
#include "stdlib/operands.h"

namespace arcane::stdlib {

bool is_member(const runtime::Value& x, const runtime::Value& c) {
  switch (c.kind()) {
    case runtime::Kind::kSet: return c.contains(x);
    case runtime::Kind::kArray: {
      auto items = c.elements();
      return std::find(items.begin(), items.end(), x) != items.end();
    }
    case runtime::Kind::kObject:
      for (auto entry : c.entries()) {
        if (entry.value == x) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace arcane::stdlib

namespace arcane::stdlib::impl {

using runtime::Value;

const Value* term_get(const Value& container, const Value& key) {
  switch (container.kind()) {
    case runtime::Kind::kObject: return container.find(key);
    case runtime::Kind::kArray: {
      if (!key.is_number()) return nullptr;
      std::optional<int64_t> i = literal_int(key.number());  // OPA's Array.Get: Number.Int()
      if (!i || *i < 0 || static_cast<uint64_t>(*i) >= container.size()) return nullptr;
      return &container.at(static_cast<size_t>(*i));
    }
    case runtime::Kind::kSet: {
      auto items = container.elements();
      auto it = std::lower_bound(items.begin(), items.end(), key);
      return it != items.end() && *it == key ? &*it : nullptr;
    }
    default: return nullptr;
  }
}

BuiltinResult member_2(BuiltinContext&, Args args) { return Value::boolean(is_member(args[0], args[1])); }

BuiltinResult member_3(BuiltinContext&, Args args) {
  const Value &key = args[0], &value = args[1], &c = args[2];
  if (c.is_set()) return Value::boolean(c.contains(key) && key == value);
  if (!c.is_array() && !c.is_object()) return Value::boolean(false);
  const Value* found = term_get(c, key);
  return Value::boolean(found != nullptr && *found == value);
}

}  // namespace arcane::stdlib::impl
