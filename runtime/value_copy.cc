// See value_copy.h.
#include "runtime/value_copy.h"

#include <vector>

#include "runtime/value_builder.h"
#include "runtime/value_nodes.h"

namespace arcane::runtime {

const void* node_identity(const Value& v) noexcept { return detail::ValueAccess::node(v); }

Value own_node_copy(const Value& v) {
  if (node_identity(v) == nullptr) return v;
  switch (v.kind()) {
    case Kind::kString:
      return Value::from_string(v.string_view());
    case Kind::kArray:
      return copy_array(v.elements());
    case Kind::kObject: {
      std::vector<ObjectEntry> entries;
      entries.reserve(v.size());
      for (auto e : v.entries()) entries.push_back({e.key, e.value});
      return take_object(entries);
    }
    case Kind::kSet: {
      std::vector<Value> items(v.elements().begin(), v.elements().end());
      return take_set(items);
    }
    default:
      return v;
  }
}

}  // namespace arcane::runtime
