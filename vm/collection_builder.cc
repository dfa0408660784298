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
  groups_.clear();
  groups_changed_ = false;
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
  sync_groups();
  if (it->second < groups_.size()) groups_[it->second].reset();
  Value& existing = entries_[it->second].value;
  if (existing == value) return Insert::kSame;
  if (once) return Insert::kConflict;
  existing = std::move(value);
  return Insert::kReplaced;
}

CollectionBuilder* CollectionBuilder::group(const Value& key, Kind kind) {
  auto [it, added] = index_.emplace(key, static_cast<uint32_t>(entries_.size()));
  uint32_t i = it->second;
  if (added) entries_.push_back({key, Value::null()});
  if (groups_.size() < entries_.size()) groups_.resize(entries_.size());
  std::unique_ptr<CollectionBuilder>& g = groups_[i];
  if (!g) {
    g = std::make_unique<CollectionBuilder>();
    if (added) {
      g->start(kind);
    } else if (entries_[i].value.kind() == kind) {
      g->thaw(entries_[i].value);
    } else {
      g.reset();
      return nullptr;
    }
  }
  if (g->kind() != kind) return nullptr;
  groups_changed_ = true;
  return g.get();
}

void CollectionBuilder::sync_groups() const {
  if (!groups_changed_) return;
  for (size_t i = 0; i < groups_.size(); ++i) {
    if (groups_[i]) entries_[i].value = groups_[i]->freeze();
  }
  groups_changed_ = false;
}

const Value* CollectionBuilder::find(const Value& key) const {
  sync_groups();
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
    sync_groups();
    std::vector<runtime::ObjectEntry> copy(entries_);
    return runtime::take_object(copy);
  }
  std::vector<Value> copy(items_);
  return kind_ == Kind::kSet ? runtime::take_set(copy) : runtime::take_array(copy);
}

}  // namespace arcane::vm
