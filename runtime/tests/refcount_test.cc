// Multi-threaded smoke tests: values shared across threads are copied, compared, hashed
// and destroyed concurrently; interned keys are created and released from many threads.
// Run under the asan preset (or TSan) for the strongest signal.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "runtime/intern.h"
#include "runtime/json_reader.h"
#include "runtime/value_builder.h"

namespace arcane::runtime {
namespace {

constexpr int kThreads = 8;

TEST(Refcount, CopyAndDestroyFromManyThreads) {
  Result<Value> doc = parse_json(
      R"({"users": [{"name": "a user name longer than inline", "roles": ["admin", "a role name that is long"]}],)"
      R"( "big": 123456789012345678901234567890, "key with a long interned name": [1, 2, 3]})");
  ASSERT_TRUE(doc.ok());
  Value shared = *doc;
  uint64_t want_hash = shared.hash();
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20000; ++i) {
        Value copy = shared;
        Value users = *copy.find("users");
        Value name = *users.at(0).find("name");
        std::vector<Value> held = {copy, users, name, *copy.find("big")};
        if (!(copy == shared) || copy.hash() != want_hash) mismatches.fetch_add(1);
        Value moved = std::move(held.back());
        held.clear();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(shared.find("users")->at(0).find("roles")->at(1).string_view(), "a role name that is long");
}

// A document read by one thread is taken apart by others: records (shaped objects in
// arena chunks) outlive the document and are dropped concurrently, so chunks are freed by
// whichever thread lets go last.
TEST(Refcount, ArenaChunksFreedFromAnyThread) {
  std::string text = "[";
  for (int i = 0; i < 20000; ++i) {
    if (i) text += ",";
    text += R"({"id": "record-id-number-)" + std::to_string(i) + R"(", "n": )" + std::to_string(i) +
            R"(, "tags": ["a", "a longer tag value here"]})";
  }
  Result<Value> doc = parse_json(text + "]");
  ASSERT_TRUE(doc.ok());
  std::vector<std::vector<Value>> parts(kThreads);
  for (size_t i = 0; i < doc->size(); ++i) parts[i % kThreads].push_back(doc->at(i));
  doc = Value();
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (const Value& v : parts[t]) {
        int64_t n = *v.find("n")->number().to_int64();
        if (v.find("id")->string_view() != "record-id-number-" + std::to_string(n)) wrong.fetch_add(1);
      }
      parts[t].clear();
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Refcount, InternFromManyThreads) {
  size_t before = interned_count();
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      KeyCache cache;
      for (int i = 0; i < 20000; ++i) {
        std::string text = "shared-key-number-" + std::to_string(i % 97);
        Value a = (i + t) % 2 ? Value::key(text) : cache.get(text);
        Value b = Value::key(text);
        if (!(a == b) || a.string_view() != text) mismatches.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(interned_count(), before);  // the caches died with their threads
}

TEST(Refcount, ReleaseRacesWithLookup) {
  // One thread keeps dropping the last reference while others look the key up again:
  // exercises the 1 -> 0 transition under the shard lock.
  const std::string text = "a key that is repeatedly freed and found again";
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50000; ++i) {
        Value v = Value::key(text);
        ASSERT_EQ(v.string_view(), text);
      }
    });
  }
  for (auto& th : threads) th.join();
  SUCCEED();
}

}  // namespace
}  // namespace arcane::runtime
