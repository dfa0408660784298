// A collection under construction in a register.
//
// Values are immutable, but plans build arrays, sets and objects one element at a time
// (ArrayAppend, SetAdd, ObjectInsert in a loop). Rebuilding an immutable value per insert
// would make that quadratic, so a register being built holds one of these instead: a
// vector plus a hash index, with lookups (Dot, Len) served directly, and the immutable
// Value made ("frozen") only when something reads the register as a whole. The builder
// survives freezing, so inserts after a read continue where they were; a register that
// holds a frozen Value and is then inserted into is "thawed" into a builder by copying.
//
// Machines are pooled (vm/eval.cc), and so are their builders: every buffer here keeps
// its capacity across clear(), so a warm evaluation that builds small collections does
// not allocate until it freezes them. Hence the flat hash index (positions in open
// addressing, only from kIndexFrom elements on: below that a scan is cheaper) rather
// than a node-based map, and the scratch copies that freezing sorts.
//
// An object builder may also hold groups (GroupAdd, the index of a comprehension): each
// key's value is itself a collection under construction, so adding to a group costs what
// adding to a collection costs, not a copy of the group.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/value.h"

namespace arcane::vm {

class CollectionBuilder {
 public:
  enum class Insert : uint8_t { kAdded, kReplaced, kSame, kConflict };

  // kArray, kObject or kSet. Inline, with clear() and add(): a policy's sets (its
  // denial reasons, say) are built in every evaluation, most of them with few elements.
  void start(runtime::Kind kind, size_t capacity = 0) {
    kind_ = kind;
    clear();
    if (capacity != 0) reserve(capacity);
  }
  void thaw(const runtime::Value& v);  // a copy of an array, object or set
  // Drops the elements, keeps capacity. Most builders are cleared twice per use (at the
  // next start and when the evaluation ends) and are empty the second time.
  void clear() {
    if (!items_.empty() || !entries_.empty() || !groups_.empty() || indexed_ || groups_changed_) clear_elements();
  }
  runtime::Kind kind() const { return kind_; }
  size_t size() const { return kind_ == runtime::Kind::kObject ? entries_.size() : items_.size(); }

  void append(runtime::Value v);  // arrays
  // Sets; an equal element already there is kept.
  void add(runtime::Value v) {
    if (indexed_) return add_indexed(std::move(v));
    for (const runtime::Value& e : items_) {
      if (e == v) return;
    }
    items_.push_back(std::move(v));
    if (items_.size() >= kIndexFrom) rebuild_index();
  }
  // Objects: `once` refuses a different value for an existing key (kConflict).
  Insert insert(runtime::Value key, runtime::Value value, bool once);
  // Objects: the collection of `kind` at `key`, started empty or thawed from the value
  // there; nullptr when that value is of another kind.
  CollectionBuilder* group(const runtime::Value& key, runtime::Kind kind);

  // As value_ops.h's dot() on the collection being built.
  const runtime::Value* find(const runtime::Value& key) const;
  runtime::Value freeze() const;
  // The collection, its elements moved out: the builder is left empty (started anew of
  // the same kind). What a register's last read wants, with no reference count touched;
  // a later insert must thaw the value first.
  runtime::Value take();

 private:
  static constexpr size_t kIndexFrom = 8;

  void reserve(size_t capacity);
  void clear_elements();
  void add_indexed(runtime::Value v);
  void sync_groups() const;  // writes each group's value into its entry
  const runtime::Value& key_at(uint32_t i) const { return kind_ == runtime::Kind::kObject ? entries_[i].key : items_[i]; }
  // The position of the set element or object key equal to `key`, or -1.
  int64_t position(const runtime::Value& key) const;
  // Records that position `i` (just appended) holds its key.
  void index_last();
  void rebuild_index();

  runtime::Kind kind_ = runtime::Kind::kArray;
  std::vector<runtime::Value> items_;                                       // array elements, set elements (unsorted)
  mutable std::vector<runtime::ObjectEntry> entries_;                       // object entries (unsorted)
  std::vector<std::unique_ptr<CollectionBuilder>> groups_;  // per entry, when it is a group
  mutable bool groups_changed_ = false;                     // entries_ lag behind groups_
  std::vector<uint32_t> slots_;  // sets, objects: position + 1 per slot, 0 when empty
  bool indexed_ = false;         // slots_ covers every position (size() >= kIndexFrom)
  mutable std::vector<runtime::Value> scratch_items_;
  mutable std::vector<runtime::ObjectEntry> scratch_entries_;
};

}  // namespace arcane::vm
