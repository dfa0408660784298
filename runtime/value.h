// Rego values: the one data type that policies, data documents, inputs and results share.
//
// A Value is a 16-byte immutable handle. Small things live inside it: null, booleans,
// int64 numbers, short decimals, and strings of up to 14 bytes (most keys, role names and
// enum-like strings, so they cost no allocation at all). Everything else is an immutable
// heap node shared by atomic reference counting, so copying a Value is cheap and values
// can cross threads freely; nodes cache their hash.
//
// Semantics are OPA's: kinds are ordered null < boolean < number < string < array <
// object < set; numbers compare numerically (1 == 1.0); strings byte-wise; arrays
// element-wise, then shorter first; objects pairwise over their sorted entries (key, then
// value), then by size; sets element-wise over their sorted elements. Objects and sets are
// stored in that canonical order, which makes iteration deterministic, comparison a linear
// merge, and lookups a binary search (plus a hash index on large ones). Object keys may be
// any value. "Undefined" is not a value: lookups return nullptr, callers use
// std::optional or Result.
//
// Views returned by string_view() point into the handle for short strings, so they live
// as long as that Value object; container accessors return references into the node,
// which live as long as the container.
//
// Containers are built with value_builder.h, read with json_reader.h / yaml_reader.h and
// written with json_writer.h; numbers are described in number.h.
#pragma once

#include <compare>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

#include "runtime/number.h"

namespace arcane::runtime {

enum class Kind : uint8_t { kNull, kBoolean, kNumber, kString, kArray, kObject, kSet };

const char* kind_name(Kind k);  // "null", "boolean", ... as OPA's type names

namespace detail {
struct HeapNode;
struct ValueAccess;
}  // namespace detail

struct ObjectEntry;
class ObjectView;

class Value {
 public:
  static constexpr size_t kInlineStringMax = 14;

  Value() noexcept { std::memset(b_, 0, sizeof b_); }  // null
  Value(const Value& other) noexcept {
    std::memcpy(b_, other.b_, sizeof b_);
    if (is_heap()) take_reference();
  }
  Value(Value&& other) noexcept {
    std::memcpy(b_, other.b_, sizeof b_);
    std::memset(other.b_, 0, sizeof other.b_);
    if (is_borrowed()) take_reference();
  }
  Value& operator=(const Value& other) noexcept {
    if (!other.is_heap()) {  // no reference to take: a plain copy (also right for self)
      unsigned char bytes[sizeof b_];
      std::memcpy(bytes, other.b_, sizeof b_);  // `other` may live inside this value's node
      if (owns_node()) release_node();
      std::memcpy(b_, bytes, sizeof b_);
    } else if (this != &other) {
      Value copy(other);  // before releasing: `other` may live inside this value
      *this = std::move(copy);
    }
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    if (this != &other) {
      if (owns_node()) release_node();
      std::memcpy(b_, other.b_, sizeof b_);
      std::memset(other.b_, 0, sizeof other.b_);
      if (is_borrowed()) take_reference();
    }
    return *this;
  }
  ~Value() {
    if (owns_node()) release_node();
  }

  // Borrowed handles, for storage that provably dies before the value's owner: the VM's
  // registers, which hold parts of the data document, the input and the plan's constants
  // for one evaluation while the engine, the caller and the program keep those alive.
  // A borrowed handle holds no reference, so reading shared data from many threads writes
  // nothing to it (reference counts on shared nodes are what made threads contend). Any
  // copy or move of a borrowed handle is an ordinary owning one, so a borrowed handle
  // never escapes into results, caches or built values.
  //
  // Makes this a borrowed handle to `v`'s value; `v` must outlive this handle's use.
  void assign_borrowed(const Value& v) noexcept {
    if (this == &v) return;
    // v does not depend on this handle's reference (its owner keeps it): release first.
    if (owns_node()) release_node();
    std::memcpy(b_, v.b_, sizeof b_);
    if (is_heap()) b_[1] = 1;
  }
  // Borrows when `v` is itself borrowed, copies (owning) otherwise.
  void assign_shared(const Value& v) noexcept {
    if (v.is_borrowed()) {
      assign_borrowed(v);
    } else {
      *this = v;
    }
  }
  bool is_borrowed() const noexcept { return is_heap() && b_[1] != 0; }
  // Whether destroying this handle releases a reference; computed without a branch, for
  // loops over many values of mixed kinds (the VM's registers).
  bool holds_reference() const noexcept {
    return (b_[0] >= static_cast<uint8_t>(Tag::kBigNumber)) & (b_[1] == 0);
  }

  // In place, with one store per word: a Value built byte by byte in a temporary and
  // then copied whole stalls the CPU's store forwarding, which in the VM's loops (a scan's
  // index, a comparison's result) cost more than the rest of the instruction.
  void set_integer(int64_t i) noexcept { set_scalar(Tag::kInt, i); }
  void set_boolean(bool b) noexcept { set_scalar(b ? Tag::kTrue : Tag::kFalse, 0); }

  static Value null() noexcept { return Value(); }
  static Value boolean(bool b) noexcept {
    Value v;
    v.b_[0] = static_cast<uint8_t>(b ? Tag::kTrue : Tag::kFalse);
    return v;
  }
  static Value integer(int64_t i) noexcept {
    Value v;
    v.b_[0] = static_cast<uint8_t>(Tag::kInt);
    v.set_word(i);
    return v;
  }
  static Value from_number(Number n) noexcept;
  static Value from_string(std::string_view s);
  // A string meant as an object key: short ones are inline, longer ones are shared
  // through the global intern table, so each distinct key is stored once.
  static Value key(std::string_view s);
  static Value empty_array() noexcept;
  static Value empty_object() noexcept;
  static Value empty_set() noexcept;

  Kind kind() const noexcept {
    // Indexed by Tag (below): null, false, true, int, decimal, short string, big number,
    // string, array, object, set.
    static constexpr Kind kOfTag[] = {Kind::kNull,   Kind::kBoolean, Kind::kBoolean, Kind::kNumber,
                                      Kind::kNumber, Kind::kString,  Kind::kNumber,  Kind::kString,
                                      Kind::kArray,  Kind::kObject,  Kind::kSet};
    return kOfTag[b_[0]];
  }
  bool is_null() const noexcept { return tag() == Tag::kNull; }
  bool is_boolean() const noexcept { return tag() == Tag::kFalse || tag() == Tag::kTrue; }
  bool is_number() const noexcept { return kind() == Kind::kNumber; }
  bool is_string() const noexcept { return tag() == Tag::kShortString || tag() == Tag::kString; }
  bool is_array() const noexcept { return tag() == Tag::kArray; }
  bool is_object() const noexcept { return tag() == Tag::kObject; }
  bool is_set() const noexcept { return tag() == Tag::kSet; }

  // Accessors; each requires the matching kind.
  bool as_bool() const noexcept { return tag() == Tag::kTrue; }
  Number number() const noexcept;
  std::string_view string_view() const noexcept;

  size_t size() const noexcept;  // elements of an array or set, entries of an object
  const Value& at(size_t i) const noexcept { return elements()[i]; }  // array
  std::span<const Value> elements() const noexcept;                   // array or set, in order
  ObjectView entries() const noexcept;                                 // object, sorted by key
  const Value* find(const Value& key) const noexcept;                 // object; nullptr if absent
  const Value* find(std::string_view key) const noexcept;             // object, string key
  bool contains(const Value& element) const noexcept;                 // set

  uint64_t hash() const noexcept;  // equal values hash equal

  friend int compare(const Value& a, const Value& b) noexcept;  // -1, 0, 1 in OPA's order
  // Inline for what policies compare most (short strings, integers, booleans: equal
  // exactly when their bits are); numbers of other forms and heap values take the call.
  friend bool operator==(const Value& a, const Value& b) noexcept {
    if (std::memcmp(a.b_, b.b_, sizeof a.b_) == 0) return true;
    uint8_t t = a.b_[0], u = b.b_[0];
    constexpr auto kHeap = static_cast<uint8_t>(Tag::kBigNumber);
    if (t < kHeap && u < kHeap) {
      // Two inline values whose bits differ (true and false, a string and null, two
      // integers) are unequal, unless both are numbers and one is a decimal (1 and 1.0).
      constexpr auto kInt = static_cast<uint8_t>(Tag::kInt), kDecimal = static_cast<uint8_t>(Tag::kDecimal);
      bool numbers = (t == kInt || t == kDecimal) && (u == kInt || u == kDecimal);
      if (!numbers || (t == kInt && u == kInt)) return false;
    }
    return equal_slow(a, b);
  }
  friend std::strong_ordering operator<=>(const Value& a, const Value& b) noexcept {
    return compare(a, b) <=> 0;
  }

 private:
  friend struct detail::ValueAccess;
  // Heap tags come last so "is heap" is one comparison.
  enum class Tag : uint8_t {
    kNull, kFalse, kTrue, kInt, kDecimal, kShortString,
    kBigNumber, kString, kArray, kObject, kSet,
  };

  // Layout: b_[0] tag; b_[1] short-string length, decimal scale, or a heap handle's
  // borrowed mark; b_[2..15] short-string
  // bytes (unused bytes zero, so two short strings are equal iff their bytes are);
  // b_[8..15] int64 or node pointer otherwise (null for an empty container).
  Tag tag() const noexcept { return static_cast<Tag>(b_[0]); }
  bool is_heap() const noexcept { return b_[0] >= static_cast<uint8_t>(Tag::kBigNumber); }
  const detail::HeapNode* node() const noexcept {
    const detail::HeapNode* p;
    std::memcpy(&p, b_ + 8, sizeof p);
    return p;
  }
  int64_t word() const noexcept {
    int64_t v;
    std::memcpy(&v, b_ + 8, sizeof v);
    return v;
  }
  void set_word(int64_t v) noexcept { std::memcpy(b_ + 8, &v, sizeof v); }
  void set_scalar(Tag t, int64_t word) noexcept {
    if (owns_node()) release_node();
    uint64_t head = static_cast<uint8_t>(t);
    std::memcpy(b_, &head, sizeof head);
    set_word(word);
  }
  void set_node(Tag t, const detail::HeapNode* p) noexcept {
    b_[0] = static_cast<uint8_t>(t);
    std::memcpy(b_ + 8, &p, sizeof p);
  }
  void release_node() noexcept;
  static bool equal_slow(const Value& a, const Value& b) noexcept;  // operator== past its inline cases
  // b_[1] of a heap handle is its borrowed mark (0: owning).
  bool owns_node() const noexcept { return is_heap() && b_[1] == 0; }
  void take_reference() noexcept;  // a borrowed handle becomes an owning one
  // The same inline value or the same node (whether borrowed or not).
  bool same_bits(const Value& o) const noexcept {
    if (std::memcmp(b_, o.b_, sizeof b_) == 0) return true;
    return is_heap() && b_[0] == o.b_[0] && std::memcmp(b_ + 8, o.b_ + 8, 8) == 0;
  }

  alignas(8) unsigned char b_[16];
};
static_assert(sizeof(Value) == 16);

// A key and its value, as given to builders.
struct ObjectEntry {
  Value key;
  Value value;
};

// The entries of an object, in key order. An object stores its entries either as pairs or,
// when many objects share the same keys (the records of a data file), as one shared
// sorted key set plus its own values; the view reads both the same way.
class ObjectView {
 public:
  struct Entry {
    const Value& key;
    const Value& value;
  };

  class Iterator {
   public:
    Iterator(const ObjectView* view, size_t i) : view_(view), i_(i) {}
    Entry operator*() const { return (*view_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const Iterator& o) const { return i_ == o.i_; }

   private:
    const ObjectView* view_;
    size_t i_;
  };

  ObjectView() = default;
  ObjectView(const Value* keys, size_t key_stride, const Value* values, size_t value_stride, size_t size)
      : keys_(reinterpret_cast<const char*>(keys)),
        values_(reinterpret_cast<const char*>(values)),
        key_stride_(static_cast<uint32_t>(key_stride)),
        value_stride_(static_cast<uint32_t>(value_stride)),
        size_(size) {}

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Value& key(size_t i) const { return *reinterpret_cast<const Value*>(keys_ + i * key_stride_); }
  const Value& value(size_t i) const { return *reinterpret_cast<const Value*>(values_ + i * value_stride_); }
  Entry operator[](size_t i) const { return {key(i), value(i)}; }
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, size_); }

 private:
  const char* keys_ = nullptr;  // byte strides: pairs are 32 bytes apart, split arrays 16
  const char* values_ = nullptr;
  uint32_t key_stride_ = 0;
  uint32_t value_stride_ = 0;
  size_t size_ = 0;
};

// For unordered containers: std::unordered_map<Value, X, ValueHash>.
struct ValueHash {
  size_t operator()(const Value& v) const noexcept { return v.hash(); }
};

}  // namespace arcane::runtime
