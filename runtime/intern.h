// Interned object keys.
//
// Data documents repeat the same keys millions of times ("id", "roles", a user id used
// as a key in several maps). A key of up to 14 bytes is stored inside the Value handle and
// needs no table; a longer key is kept once in a process-wide table and shared. The table
// is sharded by hash, each shard behind its own mutex, so readers on many threads rarely
// meet. Interned strings are reference counted like any node: the last release takes the
// shard lock and removes the entry, so replacing a bundle frees its keys.
//
// A reader that creates keys in bulk (the JSON and YAML readers) puts a KeyCache in
// front of the table: a small direct-mapped cache of recent keys that turns most lookups
// into one hash and one memcmp, without touching a lock.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/value.h"

namespace arcane::runtime {

// The shared key value for s (Value::key calls this).
Value intern_key(std::string_view s);

// Number of strings currently in the global table (for tests and statistics).
size_t interned_count();

class KeyCache {
 public:
  KeyCache();
  Value get(std::string_view s);

 private:
  struct Slot {
    uint64_t hash = 0;
    Value key;
  };
  std::vector<Slot> slots_;
};

namespace detail {
struct HeapNode;
// The release path for interned nodes (called by detail::release).
void release_interned(const HeapNode* n);
}  // namespace detail

}  // namespace arcane::runtime
