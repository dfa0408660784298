#include "conformance/canonical.h"

#include <algorithm>

namespace arcane::conformance {

Value plain_json(const Value& v) {
  switch (v.kind()) {
    case Kind::kArray:
    case Kind::kSet: {  // a set's elements come in OPA's sorted order
      ArrayBuilder b(v.size());
      for (const Value& e : v.elements()) b.push_back(plain_json(e));
      return b.build();
    }
    case Kind::kObject: {
      ObjectBuilder b(v.size());
      for (auto e : v.entries()) {
        Value key = e.key.is_string() ? e.key : Value::key(value_to_json(e.key));
        b.insert(std::move(key), plain_json(e.value));
      }
      return b.build();
    }
    default: return v;
  }
}

Value expected_rows(const Value& want_result) {
  SetBuilder rows(want_result.size());
  for (const Value& row : want_result.elements()) rows.insert(row);
  return rows.build();
}

bool actual_rows(const std::vector<ResultRow>& rows, bool sort_bindings, bool ignore_generated_vars, Value& out,
                 std::string& error) {
  SetBuilder set(rows.size());
  for (const ResultRow& row : rows) {
    ObjectBuilder obj(row.bindings.size());
    for (const Binding& b : row.bindings) {
      if (ignore_generated_vars && b.name.rfind("__localq", 0) == 0) continue;
      Value v = plain_json(b.value);
      if (sort_bindings) {
        if (!v.is_array()) {
          error = "sort_bindings: binding " + b.name + " is not an array or set: " + value_to_json(b.value);
          return false;
        }
        std::vector<Value> items(v.elements().begin(), v.elements().end());
        std::stable_sort(items.begin(), items.end(), [](const Value& x, const Value& y) { return compare(x, y) < 0; });
        ArrayBuilder sorted(items.size());
        for (auto& item : items) sorted.push_back(std::move(item));
        v = sorted.build();
      }
      obj.insert(b.name, std::move(v));
    }
    set.insert(obj.build());
  }
  out = set.build();
  return true;
}

}  // namespace arcane::conformance
