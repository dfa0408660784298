// Collections built incrementally in registers; see collection_builder.h.
#include "vm/collection_builder.h"

#include <algorithm>

#include "runtime/value_builder.h"
#include "vm/value_ops.h"

namespace arcane::vm {

using runtime::Kind;
using runtime::Value;

namespace {

// A builder that once held a large collection gives its index memory back rather than
// clearing megabytes on every later evaluation.
constexpr size_t kKeptSlots = size_t{1} << 12;

}  // namespace

void CollectionBuilder::clear_elements() {
  items_.clear();
  entries_.clear();
  // rebuild_index() starts from empty slots, so they need no clearing here.
  if (slots_.size() > kKeptSlots) std::vector<uint32_t>().swap(slots_);
  indexed_ = false;
  groups_.clear();
  groups_changed_ = false;
}

void CollectionBuilder::reserve(size_t capacity) {
  if (kind_ == Kind::kObject) {
    entries_.reserve(capacity);
  } else {
    items_.reserve(capacity);
  }
}

int64_t CollectionBuilder::position(const Value& key) const {
  if (!indexed_) {
    size_t n = size();
    for (size_t i = 0; i < n; ++i) {
      if (key_at(static_cast<uint32_t>(i)) == key) return static_cast<int64_t>(i);
    }
    return -1;
  }
  size_t mask = slots_.size() - 1;
  for (size_t i = key.hash() & mask;; i = (i + 1) & mask) {
    uint32_t s = slots_[i];
    if (s == 0) return -1;
    if (key_at(s - 1) == key) return s - 1;
  }
}

void CollectionBuilder::rebuild_index() {
  size_t n = size();
  size_t cap = std::max<size_t>(2 * kIndexFrom, slots_.size());
  while (cap < 2 * n) cap *= 2;
  slots_.assign(cap, 0u);
  indexed_ = true;
  for (uint32_t i = 0; i < n; ++i) {
    for (size_t j = key_at(i).hash() & (cap - 1);; j = (j + 1) & (cap - 1)) {
      if (slots_[j] == 0) {
        slots_[j] = i + 1;
        break;
      }
    }
  }
}

void CollectionBuilder::index_last() {
  size_t n = size();
  if (!indexed_) {
    if (n >= kIndexFrom) rebuild_index();
    return;
  }
  if (2 * n > slots_.size()) return rebuild_index();
  uint32_t i = static_cast<uint32_t>(n - 1);
  size_t mask = slots_.size() - 1;
  for (size_t j = key_at(i).hash() & mask;; j = (j + 1) & mask) {
    if (slots_[j] == 0) {
      slots_[j] = i + 1;
      return;
    }
  }
}

void CollectionBuilder::thaw(const Value& v) {
  start(v.kind(), v.size());
  if (kind_ == Kind::kObject) {
    for (auto e : v.entries()) entries_.push_back({e.key, e.value});
  } else {
    for (const Value& e : v.elements()) items_.push_back(e);
  }
  if (kind_ != Kind::kArray && size() >= kIndexFrom) rebuild_index();
}

void CollectionBuilder::append(Value v) {
  items_.push_back(std::move(v));
}

void CollectionBuilder::add_indexed(Value v) {
  if (position(v) >= 0) return;
  items_.push_back(std::move(v));
  index_last();
}

CollectionBuilder::Insert CollectionBuilder::insert(Value key, Value value, bool once) {
  int64_t at = position(key);
  if (at < 0) {
    entries_.push_back({std::move(key), std::move(value)});
    index_last();
    return Insert::kAdded;
  }
  sync_groups();
  if (static_cast<size_t>(at) < groups_.size()) groups_[at].reset();
  Value& existing = entries_[at].value;
  if (existing == value) return Insert::kSame;
  if (once) return Insert::kConflict;
  existing = std::move(value);
  return Insert::kReplaced;
}

CollectionBuilder* CollectionBuilder::group(const Value& key, Kind kind) {
  int64_t at = position(key);
  bool added = at < 0;
  if (added) {
    entries_.push_back({key, Value::null()});
    index_last();
    at = static_cast<int64_t>(entries_.size() - 1);
  }
  if (groups_.size() < entries_.size()) groups_.resize(entries_.size());
  std::unique_ptr<CollectionBuilder>& g = groups_[at];
  if (!g) {
    g = std::make_unique<CollectionBuilder>();
    if (added) {
      g->start(kind);
    } else if (entries_[at].value.kind() == kind) {
      g->thaw(entries_[at].value);
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
  int64_t at = position(key);
  if (at < 0) return nullptr;
  return kind_ == Kind::kObject ? &entries_[at].value : &items_[at];
}

// The builder survives freezing, and take_* sorts what it is given: the copy goes to a
// scratch buffer that keeps its capacity.
Value CollectionBuilder::freeze() const {
  if (kind_ == Kind::kObject) {
    sync_groups();
    scratch_entries_.assign(entries_.begin(), entries_.end());
    Value v = runtime::take_object(scratch_entries_);
    scratch_entries_.clear();
    return v;
  }
  scratch_items_.assign(items_.begin(), items_.end());
  Value v = kind_ == Kind::kSet ? runtime::take_set(scratch_items_) : runtime::take_array(scratch_items_);
  scratch_items_.clear();
  return v;
}

Value CollectionBuilder::take() {
  Value v;
  if (kind_ == Kind::kObject) {
    sync_groups();
    v = runtime::take_object(entries_);
  } else {
    v = kind_ == Kind::kSet ? runtime::take_set(items_) : runtime::take_array(items_);
  }
  clear();
  return v;
}

}  // namespace arcane::vm
