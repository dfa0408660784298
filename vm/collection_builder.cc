// Collections built incrementally in registers; see collection_builder.h.
#include "vm/collection_builder.h"

#include "runtime/value_builder.h"
#include "vm/value_ops.h"

namespace arcane::vm {

using runtime::Kind;
using runtime::Value;

void CollectionBuilder::clear() {
  items_.clear();
  entries_.clear();
  index_.clear();
}

void CollectionBuilder::start(Kind kind, size_t capacity) {
  kind_ = kind;
  clear();
  if (kind == Kind::kObject) {
    entries_.reserve(capacity);
  } else {
    items_.reserve(capacity);
  }
}

void CollectionBuilder::thaw(const Value& v) {
  start(v.kind(), v.size());
  if (kind_ == Kind::kObject) {
    for (auto e : v.entries()) {
      index_.emplace(e.key, static_cast<uint32_t>(entries_.size()));
      entries_.push_back({e.key, e.value});
    }
    return;
  }
  for (const Value& e : v.elements()) {
    if (kind_ == Kind::kSet) index_.emplace(e, static_cast<uint32_t>(items_.size()));
    items_.push_back(e);
  }
}

void CollectionBuilder::append(Value v) {
  items_.push_back(std::move(v));
}

void CollectionBuilder::add(Value v) {
  auto [it, added] = index_.emplace(v, static_cast<uint32_t>(items_.size()));
  if (added) items_.push_back(std::move(v));
}

CollectionBuilder::Insert CollectionBuilder::insert(Value key, Value value, bool once) {
  auto [it, added] = index_.emplace(key, static_cast<uint32_t>(entries_.size()));
  if (added) {
    entries_.push_back({std::move(key), std::move(value)});
    return Insert::kAdded;
  }
  Value& existing = entries_[it->second].value;
  if (existing == value) return Insert::kSame;
  if (once) return Insert::kConflict;
  existing = std::move(value);
  return Insert::kReplaced;
}

const Value* CollectionBuilder::find(const Value& key) const {
  if (kind_ == Kind::kArray) {
    std::optional<size_t> i = array_index(key, items_.size());
    return i ? &items_[*i] : nullptr;
  }
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  return kind_ == Kind::kObject ? &entries_[it->second].value : &items_[it->second];
}

Value CollectionBuilder::freeze() const {
  if (kind_ == Kind::kObject) {
    std::vector<runtime::ObjectEntry> copy(entries_);
    return runtime::take_object(copy);
  }
  std::vector<Value> copy(items_);
  return kind_ == Kind::kSet ? runtime::take_set(copy) : runtime::take_array(copy);
}

}  // namespace arcane::vm
