// ValueArena::recycle and ArenaScope: an evaluation's nodes come from a chunk that the next
// evaluation starts over, unless one of them is still alive.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/value_arena.h"
#include "runtime/value_builder.h"
#include "runtime/value_copy.h"

namespace arcane::runtime {
namespace {

const std::string kLong = "a string too long to be held inline";

uintptr_t at(const Value& v) { return reinterpret_cast<uintptr_t>(node_identity(v)); }

TEST(ValueArena, AScopeRoutesNewNodesToItsArenaAndRestoresTheHeap) {
  ValueArena arena(4096);
  Value inside, outside;
  {
    ArenaScope scope(&arena);
    inside = Value::from_string(kLong);  // the chunk's first node, after its header
    {
      ArenaScope heap(nullptr);
      outside = Value::from_string(kLong);
    }
  }
  Value after = Value::from_string(kLong);
  auto in_chunk = [&](const Value& v) { return at(v) >= at(inside) && at(v) < at(inside) + 4096; };
  EXPECT_FALSE(in_chunk(outside));
  EXPECT_FALSE(in_chunk(after));
  arena.recycle();  // `inside` is alive: allocation goes on after it
  ArenaScope scope(&arena);
  Value next = Value::from_string(kLong);
  EXPECT_TRUE(in_chunk(next));
  EXPECT_NE(at(next), at(inside));
  EXPECT_EQ(inside.string_view(), kLong);
  EXPECT_EQ(outside.string_view(), kLong);
  EXPECT_EQ(after.string_view(), kLong);
}

TEST(ValueArena, RecycleStartsAChunkOverOnlyWhenAllItsNodesHaveDied) {
  ValueArena arena(4096);
  const void* first = nullptr;
  {
    ArenaScope scope(&arena);
    Value s = Value::from_string(kLong);
    std::vector<Value> items = {s, Value::from_string(kLong + "!")};
    Value set = take_set(items);
    first = node_identity(s);
  }
  arena.recycle();
  ArenaScope scope(&arena);
  Value again = Value::from_string(kLong);
  EXPECT_EQ(node_identity(again), first);  // the same memory, started over

  Value kept = Value::from_string(kLong + "?");
  again = Value();
  arena.recycle();  // `kept` lives on: allocation goes on after it in the same chunk
  Value other = Value::from_string(kLong + "#");
  EXPECT_GT(at(other), at(kept));
  EXPECT_LT(at(other) - reinterpret_cast<uintptr_t>(first), 4096u);
  EXPECT_EQ(kept.string_view(), kLong + "?");
  EXPECT_EQ(other.string_view(), kLong + "#");
  kept = Value();
  other = Value();
  arena.recycle();  // all dead again: back to the start
  EXPECT_EQ(node_identity(Value::from_string(kLong)), first);
}

TEST(ValueArena, LargeNodesComeFromTheHeap) {
  ValueArena arena(1024);
  ArenaScope scope(&arena);
  Value big = Value::from_string(std::string(2000, 'x'));  // more than an eighth of a chunk
  Value small = Value::from_string(kLong);
  arena.recycle();
  Value next = Value::from_string(kLong);
  EXPECT_EQ(big.string_view(), std::string(2000, 'x'));
  EXPECT_EQ(small.string_view(), kLong);
  EXPECT_NE(node_identity(next), node_identity(small));
}

TEST(ValueArena, AChunkMayOutliveItsArena) {
  Value kept;
  {
    ValueArena arena(4096);
    ArenaScope scope(&arena);
    kept = Value::from_string(kLong);
  }
  EXPECT_EQ(kept.string_view(), kLong);
}

}  // namespace
}  // namespace arcane::runtime
