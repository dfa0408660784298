// Building arrays, objects and sets.
//
// Values are immutable, so containers are collected in a builder and frozen once, into a
// single allocation in canonical order. Objects follow Go's JSON decoder on duplicate
// keys: the last value wins (the first spelling of the key is kept, as OPA's object insert
// does for keys like 1 and 1.0). Sets keep the first of equal elements.
//
// The take_* functions are the builders' core, exposed for readers that already hold the
// items in a buffer of their own (the JSON reader's value stack): they move the items out
// and leave null values behind.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "runtime/value.h"

namespace arcane::runtime {

class ValueArena;

// Remembers the shapes (keys, in the order given) of recently built small objects. Data
// documents repeat a few shapes (every user record has the same keys in the same order),
// so a reader that passes one to take_object sorts each shape once, and from its second
// sighting on builds the compact "shaped" layout whose sorted keys are stored once, in a
// key set shared by every object of that shape. A hit is verified key by key, so a stale
// or colliding entry costs a sort, never a wrong object.
class ObjectShapes {
 public:
  ObjectShapes();
  // An object of a remembered shape, or nullopt (then build it and call remember()).
  std::optional<Value> build(std::span<ObjectEntry> entries, ValueArena* arena);
  // `order`: the positions of entries in key order, keys all distinct.
  void remember(std::span<const ObjectEntry> entries, const uint16_t* order);

 private:
  struct Shape {
    uint64_t hash = 0;
    std::vector<Value> keys;  // held, so their bits cannot be reused by other keys
    std::vector<uint16_t> order;
    Value key_set;            // made on the second sighting
  };
  Shape* find(std::span<const ObjectEntry> entries);
  std::vector<Shape> shapes_;
};

// `arena`, when given, holds the new node (see value_arena.h).
Value take_array(std::span<Value> items, ValueArena* arena = nullptr);
Value take_object(std::span<ObjectEntry> entries, ValueArena* arena = nullptr, ObjectShapes* shapes = nullptr);
Value take_set(std::span<Value> items, ValueArena* arena = nullptr);
// An object of `entries`, whose keys must be distinct, placed in the order `order` gives
// (the position of the smallest key first, and so on): a literal whose keys lowering
// sorted already, with no sort or merge here.
Value take_object_ordered(std::span<ObjectEntry> entries, const uint16_t* order, ValueArena* arena = nullptr);
// An array of copies of `items`, in their order (no buffer in between).
Value copy_array(std::span<const Value> items);

class ArrayBuilder {
 public:
  ArrayBuilder() = default;
  explicit ArrayBuilder(size_t reserve) { items_.reserve(reserve); }
  void push_back(Value v) { items_.push_back(std::move(v)); }
  size_t size() const { return items_.size(); }
  Value build();  // leaves the builder empty

 private:
  std::vector<Value> items_;
};

class ObjectBuilder {
 public:
  ObjectBuilder() = default;
  explicit ObjectBuilder(size_t reserve) { entries_.reserve(reserve); }
  void insert(Value key, Value value) { entries_.push_back({std::move(key), std::move(value)}); }
  void insert(std::string_view key, Value value) { insert(Value::key(key), std::move(value)); }
  size_t size() const { return entries_.size(); }  // before duplicates are merged
  Value build();

 private:
  std::vector<ObjectEntry> entries_;
};

class SetBuilder {
 public:
  SetBuilder() = default;
  explicit SetBuilder(size_t reserve) { items_.reserve(reserve); }
  void insert(Value v) { items_.push_back(std::move(v)); }
  size_t size() const { return items_.size(); }  // before duplicates are merged
  Value build();

 private:
  std::vector<Value> items_;
};

}  // namespace arcane::runtime
