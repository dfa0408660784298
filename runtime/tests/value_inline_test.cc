// find_key agrees with Value::find for every layout an object can have: pairs or shaped,
// small or indexed, and for keys that are short strings or anything else.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/json_reader.h"
#include "runtime/value_inline.h"
#include "runtime/value_builder.h"

namespace arcane::runtime {
namespace {

Value parse(std::string_view text) {
  Result<Value> v = parse_json(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

// Every key of `object`, some keys it lacks, and keys of other kinds, found both ways.
void expect_agrees(const Value& object) {
  std::vector<Value> keys;
  for (auto e : object.entries()) keys.push_back(e.key);
  for (const char* text : {R"("absent")", R"("a key too long to be inline")", "1", "null", R"("")", R"("b")"}) {
    keys.push_back(parse(text));
  }
  for (const Value& k : keys) {
    EXPECT_EQ(find_key(object, k), object.find(k)) << k.string_view();
  }
}

TEST(ObjectLookup, PairsObjectsOfEverySize) {
  for (int n : {0, 1, 3, 8, 9, 40}) {
    ObjectBuilder b;
    for (int i = 0; i < n; ++i) b.insert(Value::key("k" + std::to_string(i)), Value::integer(i));
    b.insert(Value::key("a key too long to be inline"), Value::integer(-1));
    b.insert(Value::integer(1), Value::integer(-2));
    expect_agrees(b.build());
  }
}

TEST(ObjectLookup, ShapedObjects) {
  ObjectShapes shapes;
  Value last;
  for (int round = 0; round < 3; ++round) {  // the second sighting of a shape is shaped
    std::vector<ObjectEntry> entries{{Value::key("status"), Value::from_string("active")},
                                     {Value::key("trust_tier"), Value::integer(round)},
                                     {Value::key("a key too long to be inline"), Value::boolean(true)}};
    last = take_object(entries, nullptr, &shapes);
    expect_agrees(last);
  }
  ASSERT_TRUE(detail::ValueAccess::node(last)->flags & detail::kShaped);
  ASSERT_NE(find_key(last, Value::key("trust_tier")), nullptr);
  EXPECT_EQ(*find_key(last, Value::key("trust_tier")), Value::integer(2));
}

// A scan's step agrees with size(), elements() and entries() for every kind and layout.
void expect_scans_agree(const Value& c) {
  size_t n = c.is_array() || c.is_set() || c.is_object() ? c.size() : 0;
  ASSERT_EQ(container_size(c), n);
  for (uint32_t i = 0; i < n; ++i) {
    if (c.is_object()) {
      EXPECT_EQ(&scan_key(c, i), &c.entries().key(i));
      EXPECT_EQ(&scan_value(c, i), &c.entries().value(i));
    } else {
      EXPECT_EQ(&scan_key(c, i), &c.elements()[i]);
      EXPECT_EQ(&scan_value(c, i), &c.elements()[i]);
    }
  }
}

TEST(ValueInline, ScanStepsAgreeWithTheAccessors) {
  for (const char* text : {"[]", "[1, \"a\", [2]]", "{}", R"({"b": 1, "a": [2], "a key too long to be inline": 3})",
                           "null", "7", R"("short")", R"("a string too long to be inline")", "true"}) {
    expect_scans_agree(parse(text));
  }
  std::vector<Value> items{Value::from_string("zeta"), Value::integer(3), Value::from_string("alpha")};
  expect_scans_agree(take_set(items));
  ObjectShapes shapes;
  Value shaped;
  for (int round = 0; round < 2; ++round) {
    std::vector<ObjectEntry> entries{{Value::key("status"), Value::from_string("active")},
                                     {Value::key("tier"), Value::integer(round)}};
    shaped = take_object(entries, nullptr, &shapes);
  }
  ASSERT_TRUE(detail::ValueAccess::node(shaped)->flags & detail::kShaped);
  expect_scans_agree(shaped);
}

TEST(ValueInline, OrderAgreesWithCompare) {
  std::vector<Value> values{Value::integer(-3), Value::integer(0), Value::integer(2), Value::integer(INT64_MAX),
                            Value::integer(INT64_MIN), parse("2.0"), parse("2.5"), parse("1e30"),
                            parse(R"("2")"), Value::boolean(true), Value()};
  for (const Value& a : values) {
    for (const Value& b : values) EXPECT_EQ(order(a, b), compare(a, b));
  }
}

}  // namespace
}  // namespace arcane::runtime
