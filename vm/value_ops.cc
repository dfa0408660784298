// Value operations shared by the back ends; see value_ops.h.
#include "vm/value_ops.h"

#include "runtime/value_builder.h"
#include "stdlib/operands.h"

namespace arcane::vm {

using runtime::Kind;
using runtime::Value;

std::optional<size_t> array_index(const Value& key, size_t size) {
  if (!key.is_number()) return std::nullopt;
  std::optional<int64_t> i = stdlib::literal_int(key.number());
  if (!i || *i < 0 || static_cast<uint64_t>(*i) >= size) return std::nullopt;
  return static_cast<size_t>(*i);
}

const Value* dot(const Value& source, const Value& key) {
  switch (source.kind()) {
    case Kind::kArray: {
      std::optional<size_t> i = array_index(key, source.size());
      return i ? &source.at(*i) : nullptr;
    }
    case Kind::kObject: return source.find(key);
    case Kind::kSet: return source.contains(key) ? &key : nullptr;
    default: return nullptr;
  }
}

std::optional<int64_t> length(const Value& v) {
  switch (v.kind()) {
    case Kind::kArray:
    case Kind::kObject:
    case Kind::kSet: return static_cast<int64_t>(v.size());
    case Kind::kString: return static_cast<int64_t>(stdlib::rune_count(v.string_view()));
    default: return std::nullopt;
  }
}

Value upsert(const Value* doc, std::span<const Value> path, const Value& value) {
  if (path.empty()) return value;
  const Value& key = path[0];
  runtime::ObjectBuilder b;
  const Value* child = nullptr;
  if (doc && doc->is_object()) {
    child = doc->find(key);
    for (auto e : doc->entries()) {
      if (!(e.key == key)) b.insert(e.key, e.value);
    }
  }
  b.insert(key, upsert(child, path.subspan(1), value));
  return b.build();
}

std::optional<Value> merge_objects(const Value& a, const Value& b, bool first_wins, uint32_t opaque_depth) {
  if (!a.is_object() || !b.is_object()) return std::nullopt;
  runtime::ObjectBuilder out(a.size() + b.size());
  for (auto e : a.entries()) {
    const Value* other = b.find(e.key);
    if (!other) {
      out.insert(e.key, e.value);
      continue;
    }
    if (e.value == *other) {  // the same leaf from two rules (or rule and data) agrees
      out.insert(e.key, e.value);
      continue;
    }
    if (e.value.is_set() && other->is_set()) {  // multi-value rules at one key
      runtime::SetBuilder u(e.value.size() + other->size());
      for (const Value& x : e.value.elements()) u.insert(x);
      for (const Value& x : other->elements()) u.insert(x);
      out.insert(e.key, u.build());
      continue;
    }
    std::optional<Value> merged;
    if (opaque_depth != 1) merged = merge_objects(e.value, *other, first_wins, opaque_depth == 0 ? 0 : opaque_depth - 1);
    if (!merged) {
      if (!first_wins) return std::nullopt;
      merged = e.value;
    }
    out.insert(e.key, std::move(*merged));
  }
  for (auto e : b.entries()) {
    if (!a.find(e.key)) out.insert(e.key, e.value);
  }
  return out.build();
}

}  // namespace arcane::vm
