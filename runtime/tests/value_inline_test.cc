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
