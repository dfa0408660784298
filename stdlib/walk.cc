// walk(x): every [path, value] pair inside x, x itself first with path [], then
// depth-first with children in order (array indices, object keys sorted, set elements
// sorted; a set element's path step is the element), as OPA's walk visits them. walk is
// a relation: the result is the array of pairs, which the caller iterates. The walk
// keeps its own stack, so a deeply nested document cannot overflow the C++ one.
#include <vector>

#include "runtime/value_builder.h"
#include "stdlib/families.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

Value pair_of(const std::vector<Value>& path, const Value& value) {
  runtime::ArrayBuilder steps(path.size());
  for (const Value& step : path) steps.push_back(step);
  runtime::ArrayBuilder pair(2);
  pair.push_back(steps.build());
  pair.push_back(value);
  return pair.build();
}

bool has_children(const Value& v) {
  return (v.is_array() || v.is_object() || v.is_set()) && v.size() > 0;
}

// The i-th child of a container and the path step that leads to it.
std::pair<Value, const Value*> child_at(const Value& v, size_t i) {
  if (v.is_array()) return {Value::integer(static_cast<int64_t>(i)), &v.at(i)};
  if (v.is_set()) return {v.elements()[i], &v.elements()[i]};
  auto entries = v.entries();
  return {entries.key(i), &entries.value(i)};
}

struct Frame {
  const Value* node;
  size_t next = 0;
};

}  // namespace

// One path vector, extended on the way down and trimmed on the way up; only the emitted
// pairs copy it.
BuiltinResult walk(BuiltinContext&, Args args) {
  runtime::ArrayBuilder out;
  std::vector<Value> path;
  out.push_back(pair_of(path, args[0]));
  std::vector<Frame> stack;
  if (has_children(args[0])) stack.push_back({&args[0]});
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next == frame.node->size()) {
      stack.pop_back();
      if (!path.empty()) path.pop_back();
      continue;
    }
    auto [step, child] = child_at(*frame.node, frame.next++);
    path.push_back(std::move(step));
    out.push_back(pair_of(path, *child));
    if (has_children(*child)) {
      stack.push_back({child});
    } else {
      path.pop_back();
    }
  }
  return out.build();
}

}  // namespace arcane::stdlib::impl
