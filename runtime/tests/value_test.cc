// Values: OPA's order across and within kinds, equality independent of insertion order,
// hashing consistent with equality, builders and lookups.
#include <gtest/gtest.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "runtime/hash.h"
#include "runtime/heap_node.h"
#include "runtime/intern.h"
#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "runtime/value_builder.h"

namespace arcane::runtime {
namespace {

Value json(std::string_view text) {
  Result<Value> r = parse_json(text);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : Value();
}

Value set_of(std::initializer_list<Value> items) {
  SetBuilder b;
  for (const Value& v : items) b.insert(v);
  return b.build();
}

TEST(Value, IsSixteenBytes) { EXPECT_EQ(sizeof(Value), 16u); }

TEST(Value, KindsOrderAsOpa) {
  Value ascending[] = {Value(),
                       Value::boolean(false),
                       Value::boolean(true),
                       Value::integer(-5),
                       json("1.5"),
                       Value::from_string(""),
                       Value::from_string("a"),
                       Value::from_string("a long string beyond inline size"),
                       Value::from_string("b"),
                       Value::empty_array(),
                       json("[1]"),
                       json("[1,2]"),
                       json("[2]"),
                       Value::empty_object(),
                       json(R"({"a":1})"),
                       json(R"({"a":1,"b":1})"),
                       json(R"({"a":2})"),
                       json(R"({"b":0})"),
                       Value::empty_set(),
                       set_of({Value::integer(1)}),
                       set_of({Value::integer(1), Value::integer(2)}),
                       set_of({Value::integer(2)})};
  size_t n = std::size(ascending);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      int want = (i > j) - (i < j);
      EXPECT_EQ(compare(ascending[i], ascending[j]), want) << i << " vs " << j;
      EXPECT_EQ(ascending[i] == ascending[j], i == j) << i << " vs " << j;
    }
  }
  EXPECT_EQ(Value().kind(), Kind::kNull);
  EXPECT_EQ(ascending[21].kind(), Kind::kSet);
  EXPECT_STREQ(kind_name(Kind::kObject), "object");
}

TEST(Value, ObjectsAndSetsIgnoreInsertionOrder) {
  Value a = json(R"({"b": 2, "a": 1, "c": {"y": [1, 2], "x": null}})");
  Value b = json(R"({"c": {"x": null, "y": [1, 2]}, "a": 1, "b": 2})");
  EXPECT_EQ(a, b);
  EXPECT_EQ(compare(a, b), 0);
  EXPECT_EQ(a.hash(), b.hash());
  Value s1 = set_of({Value::from_string("x"), Value::integer(3), Value()});
  Value s2 = set_of({Value(), Value::from_string("x"), Value::integer(3), Value::integer(3)});
  EXPECT_EQ(s1, s2);
  EXPECT_EQ(s1.hash(), s2.hash());
  EXPECT_EQ(s2.size(), 3u);
  EXPECT_TRUE(s1.elements()[0].is_null());  // iteration is in value order
  EXPECT_EQ(s1.elements()[2].string_view(), "x");
}

TEST(Value, NumbersEqualAcrossSpellingsInsideContainers) {
  Value a = json(R"({"n": [1, 2.50, 1e2]})");
  Value b = json(R"({"n": [1.0, 2.5, 100]})");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.hash(), b.hash());
  Value s = set_of({json("1"), json("1.0"), json("1.00")});
  EXPECT_EQ(s.size(), 1u);
  EXPECT_EQ(s.elements()[0].number().to_string(), "1");  // the first one is kept
  EXPECT_TRUE(s.contains(json("1.000")));
}

// operator== decides inline values of different bits without the call; every pair of
// kinds and forms agrees with the total order's equality.
TEST(Value, EqualityAgreesWithCompareForEveryPairOfForms) {
  std::vector<Value> values{Value(), Value::boolean(false), Value::boolean(true), Value::integer(0),
                            Value::integer(1), Value::integer(-1), json("1.0"), json("1.00"), json("1.5"),
                            json("0.0"), json("1e2"), json("100"), json("123456789012345678901234567890"),
                            Value::from_string(""), Value::from_string("a"), Value::from_string("1"),
                            Value::from_string("true"), Value::key("a"), json(R"("a string too long to be inline")"),
                            json("[]"), json("[1]"), json("{}"), json(R"({"a": 1})")};
  for (const Value& a : values) {
    for (const Value& b : values) {
      EXPECT_EQ(a == b, compare(a, b) == 0) << to_json(a) << " vs " << to_json(b);
    }
  }
}

TEST(Value, HashIsConsistentWithEqualityAcrossRepresentations) {
  std::unordered_set<Value, ValueHash> seen;
  seen.insert(json(R"({"k": "a long string value, longer than fourteen bytes"})"));
  seen.insert(Value::integer(7));
  EXPECT_TRUE(seen.count(json(R"({ "k" : "a long string value, longer than fourteen bytes" })")));
  EXPECT_TRUE(seen.count(json("7.0")));
  EXPECT_FALSE(seen.count(json("7.5")));
  // An interned key and a plain string with the same text are one value.
  std::string text = "some.fairly.long.key.name";
  EXPECT_EQ(Value::key(text), Value::from_string(text));
  EXPECT_EQ(Value::key(text).hash(), Value::from_string(text).hash());
}

TEST(Value, ObjectBuilderLastValueWins) {
  ObjectBuilder b;
  b.insert("a", Value::integer(1));
  b.insert("b", Value::integer(2));
  b.insert("a", Value::integer(3));
  Value o = b.build();
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o.find("a")->number().to_int64(), 3);
  EXPECT_EQ(json(R"({"a":1,"a":2})"), json(R"({"a":2})"));
}

TEST(Value, ObjectKeysMayBeAnyValue) {
  ObjectBuilder b;
  b.insert(Value::integer(1), Value::from_string("one"));
  b.insert(json("[1,2]"), Value::from_string("pair"));
  b.insert(Value::from_string("s"), Value());
  b.insert(json("1.0"), Value::from_string("uno"));  // equal to key 1: replaces its value
  Value o = b.build();
  ASSERT_EQ(o.size(), 3u);
  EXPECT_EQ(o.find(Value::integer(1))->string_view(), "uno");
  EXPECT_EQ(o.find(json("[1,2]"))->string_view(), "pair");
  EXPECT_TRUE(o.find("s")->is_null());
  EXPECT_EQ(o.find("t"), nullptr);
  EXPECT_EQ(o.entries().key(0).kind(), Kind::kNumber);  // sorted by value order
}

TEST(Value, LargeObjectsAndSetsUseTheIndex) {
  ObjectBuilder ob;
  SetBuilder sb;
  for (int i = 999; i >= 0; --i) {
    ob.insert("key-number-" + std::to_string(i), Value::integer(i));
    sb.insert(Value::integer(i * 2));
  }
  Value o = ob.build();
  Value s = sb.build();
  ASSERT_EQ(o.size(), 1000u);
  for (int i = 0; i < 1000; ++i) {
    const Value* v = o.find("key-number-" + std::to_string(i));
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->number().to_int64(), i);
    EXPECT_EQ(o.find(Value::key("key-number-" + std::to_string(i))), v);
    EXPECT_TRUE(s.contains(Value::integer(i * 2)));
    EXPECT_FALSE(s.contains(Value::integer(i * 2 + 1)));
  }
  EXPECT_TRUE(s.contains(json("4.0")));
  EXPECT_EQ(o.find("missing"), nullptr);
  EXPECT_EQ(o.entries().key(0).string_view(), "key-number-0");
}

// Membership of short strings (scanned for by their bytes in small sets) among elements
// of every kind, in sets small and large.
TEST(Value, SetsContainShortStrings) {
  for (int n : {0, 1, 4, 12, 13, 40}) {
    SetBuilder b;
    for (int i = 0; i < n; ++i) b.insert(Value::from_string("s" + std::to_string(i)));
    b.insert(Value::integer(7));
    b.insert(Value::from_string("a string too long to be inline"));
    b.insert(json("[\"s1\"]"));
    Value set = b.build();
    for (int i = 0; i < n; ++i) EXPECT_TRUE(set.contains(Value::from_string("s" + std::to_string(i)))) << n;
    EXPECT_FALSE(set.contains(Value::from_string("s" + std::to_string(n)))) << n;
    EXPECT_FALSE(set.contains(Value::from_string(""))) << n;
    EXPECT_TRUE(set.contains(Value::from_string("a string too long to be inline"))) << n;
    EXPECT_TRUE(set.contains(Value::integer(7))) << n;
    EXPECT_FALSE(set.contains(Value::from_string("7"))) << n;
  }
}

// The JSON reader stores repeated record shapes with one shared key set; such objects
// must be indistinguishable from objects built pair by pair.
TEST(Value, ShapedObjectsBehaveLikeAnyObject) {
  std::string keys32;
  for (int i = 0; i < 32; ++i) keys32 += (i ? "," : "") + std::string("\"k") + std::to_string(31 - i) + "\":" + std::to_string(i);
  Value records = json("[" + std::string(R"({"name": "a", "id": 1, "tags": ["x"]},)") +
                       R"({"name": "b", "id": 2, "tags": []}, {"name": "c", "id": 3, "tags": ["y", "z"]},)" +
                       "{" + keys32 + "}, {" + keys32 + "}, {" + keys32 + "}]");
  ASSERT_EQ(records.size(), 6u);
  for (size_t r = 0; r < 3; ++r) {
    ObjectBuilder b;
    const Value& rec = records.at(r);
    for (auto [key, value] : rec.entries()) b.insert(key, value);
    Value rebuilt = b.build();
    EXPECT_EQ(rec, rebuilt);
    EXPECT_EQ(compare(rec, rebuilt), 0);
    EXPECT_EQ(rec.hash(), rebuilt.hash());
    EXPECT_EQ(rec.entries().key(0).string_view(), "id");
    EXPECT_EQ(rec.find("id")->number().to_int64(), static_cast<int64_t>(r + 1));
    EXPECT_EQ(rec.find(Value::key("name"))->string_view(), std::string(1, static_cast<char>('a' + r)));
    EXPECT_EQ(rec.find("missing"), nullptr);
  }
  EXPECT_LT(compare(records.at(0), records.at(1)), 0);
  EXPECT_NE(records.at(1), records.at(2));
  EXPECT_EQ(records.at(3), records.at(5));
  const Value& wide = records.at(5);
  ASSERT_EQ(wide.size(), 32u);
  for (int i = 0; i < 32; ++i) EXPECT_EQ(wide.find("k" + std::to_string(31 - i))->number().to_int64(), i);
  EXPECT_EQ(wide.find("k32"), nullptr);
}

TEST(Value, ShapeCacheNeverMixesUpShapes) {
  std::string text = "[";
  for (int i = 0; i < 3000; ++i) {
    if (i) text += ",";
    int a = i % 7, b = (i * 3) % 11;
    text += "{\"f" + std::to_string(a) + "\":" + std::to_string(i) + ",\"g" + std::to_string(b) + "\":" +
            std::to_string(-i) + "}";
  }
  Value v = json(text + "]");
  for (int i = 0; i < 3000; ++i) {
    const Value& o = v.at(i);
    ASSERT_EQ(o.find("f" + std::to_string(i % 7))->number().to_int64(), i);
    ASSERT_EQ(o.find("g" + std::to_string((i * 3) % 11))->number().to_int64(), -i);
  }
}

TEST(Value, StringsInlineAndOnTheHeap) {
  Value shortv = Value::from_string("fourteen bytes");
  Value longv = Value::from_string("fifteen bytes!!");
  EXPECT_EQ(shortv.string_view(), "fourteen bytes");
  EXPECT_EQ(longv.string_view(), "fifteen bytes!!");
  std::string with_nul("a\0b", 3);
  EXPECT_EQ(Value::from_string(with_nul).string_view(), with_nul);
  EXPECT_LT(compare(Value::from_string("ab"), Value::from_string("abc")), 0);
  EXPECT_LT(compare(Value::from_string("B"), Value::from_string("a")), 0);  // byte order
}

TEST(Value, InternedKeysAreSharedAndFreed) {
  size_t before = interned_count();
  {
    Value a = Value::key("a key that is long enough to intern");
    Value b = Value::key("a key that is long enough to intern");
    EXPECT_EQ(interned_count(), before + 1);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.string_view().data(), b.string_view().data());
  }
  EXPECT_EQ(interned_count(), before);
}

TEST(Value, DeepNestingIsDestroyedWithoutRecursion) {
  Value v = Value::integer(0);
  for (int i = 0; i < 200000; ++i) {
    Value items[1] = {std::move(v)};
    v = take_array(items);
  }
  EXPECT_EQ(v.size(), 1u);
  v = Value();  // would overflow the stack if destruction recursed
  SUCCEED();
}

TEST(Value, CopyAndMoveKeepCounts) {
  Value a = json(R"({"list": [1, 2, 3], "name": "a name long enough for the heap"})");
  Value b = a;
  Value c = std::move(b);
  EXPECT_TRUE(b.is_null());
  b = c;
  const Value& alias = b;
  b = alias;  // self-assignment keeps the value
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.find("list")->at(2).number().to_int64(), 3);
}

// `x = x[i]` where x holds the only reference to its node: the part is read before the
// node goes (an inline part copied plainly, a heap part retained first). ASan checks it.
TEST(Value, AssigningAPartOfItselfKeepsThePart) {
  Result<Value> doc = parse_json(R"([7, "a string too long to be held inline", {"k": 1}])");
  ASSERT_TRUE(doc.ok());
  std::vector<Value> xs = {doc->at(0), doc->at(1)};
  Value x = take_array(xs);
  x = x.at(0);
  EXPECT_EQ(x.number().to_int64(), 7);
  std::vector<Value> ys = {doc->at(1)};
  Value y = take_array(ys);
  doc = parse_json("null");  // y's element now lives only in y's node
  y = y.at(0);
  EXPECT_EQ(y.string_view(), "a string too long to be held inline");
}

// copy_array copies its elements in order and shares their nodes; the copies outlive
// the value they came from.
TEST(Value, CopyArrayKeepsOrderAndOutlivesItsSource) {
  Result<Value> doc = parse_json(R"(["b", "a string too long to be held inline", 1])");
  ASSERT_TRUE(doc.ok());
  Value copy = copy_array(doc->elements());
  EXPECT_EQ(copy, *doc);
  doc = parse_json("null");
  EXPECT_EQ(copy.at(1).string_view(), "a string too long to be held inline");
  EXPECT_EQ(copy_array({}), Value::empty_array());
}

// The 16-byte node header keeps an arena node's offset in its chunk in aux and two
// flag bits; the other flags survive, and every offset of a 2 MiB chunk comes back.
TEST(HeapNode, ArenaOffsetRoundTrip) {
  detail::HeapNode n(detail::NodeKind::kString);
  n.flags = detail::kInArena | detail::kShaped;
  for (size_t off : {size_t{0}, size_t{16}, size_t{8} << 16, (size_t{1} << 19) + 24, detail::kMaxArenaOffset}) {
    detail::set_arena_offset(&n, off);
    EXPECT_EQ(detail::arena_offset(&n), off);
    EXPECT_EQ(n.flags & (detail::kInArena | detail::kShaped), detail::kInArena | detail::kShaped);
    EXPECT_EQ(n.flags & (detail::kInterned | detail::kHasIndex), 0);
  }
}

// Hashes are cached in 32 bits, so every hash a value reports fits them (a long string's
// computed and cached hashes agree with a lookup by its text).
TEST(Value, HashesAre32BitAndNeverZero) {
  for (const char* s : {"", "a", "a string too long to be held inline", "another long string, longer still"}) {
    Value v = Value::from_string(s);
    EXPECT_LT(v.hash(), uint64_t{1} << 32) << s;
    EXPECT_NE(v.hash(), 0u) << s;
    EXPECT_EQ(v.hash(), hash_string(s)) << s;
  }
  EXPECT_LT(Value::integer(-7).hash(), uint64_t{1} << 32);
  EXPECT_LT(parse_json(R"({"k": [1, 2.5, "x"]})")->hash(), uint64_t{1} << 32);
}

}  // namespace
}  // namespace arcane::runtime
