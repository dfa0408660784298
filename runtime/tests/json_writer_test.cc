// The writer: OPA's canonical JSON (Go encoder output of ast.JSON) in both modes.
#include <gtest/gtest.h>

#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "runtime/value_builder.h"

namespace arcane::runtime {
namespace {

Value json(std::string_view text) {
  Result<Value> r = parse_json(text);
  EXPECT_TRUE(r.ok()) << text;
  return r.ok() ? r.value() : Value();
}

TEST(JsonWriter, SortsKeysAndKeepsNumberText) {
  EXPECT_EQ(to_json(json(R"({"b": [3, 1.50, {"z": 1, "y": null}], "a": true, "B": "x"})")),
            R"({"B":"x","a":true,"b":[3,1.50,{"y":null,"z":1}]})");
}

TEST(JsonWriter, RepeatedRecordShapes) {
  EXPECT_EQ(to_json(json(R"([{"b":1,"a":2},{"b":3,"a":4},{"b":5,"a":{"d":1,"c":2}},{"b":7,"a":{"d":3,"c":4}}])")),
            R"([{"a":2,"b":1},{"a":4,"b":3},{"a":{"c":2,"d":1},"b":5},{"a":{"c":4,"d":3},"b":7}])");
}

TEST(JsonWriter, SetsAreSortedArrays) {
  SetBuilder s;
  for (const char* t : {"\"b\"", "[1]", "2", "\"a\"", "null", "{\"k\":1}", "1.5"}) s.insert(json(t));
  EXPECT_EQ(to_json(s.build()), R"([null,1.5,2,"a","b",[1],{"k":1}])");
  EXPECT_EQ(to_json(Value::empty_set()), "[]");
}

TEST(JsonWriter, NonStringKeysBecomeTheirJsonText) {
  ObjectBuilder b;
  b.insert(Value::integer(1), Value::from_string("one"));
  b.insert(json(R"({"3": 4})"), Value::from_string("obj"));
  b.insert(Value::boolean(true), Value());
  b.insert(Value::integer(10), Value::integer(10));
  b.insert(Value::integer(9), Value::integer(9));
  SetBuilder set;
  set.insert(Value::from_string("x"));
  b.insert(set.build(), Value::integer(0));
  // Sorted by the key text, as Go sorts map keys: "1" < "10" < "9" < "[" < "t" < "{".
  EXPECT_EQ(to_json(b.build()), R"({"1":"one","10":10,"9":9,"[\"x\"]":0,"true":null,"{\"3\":4}":"obj"})");
}

TEST(JsonWriter, CollidingKeyTextsKeepTheLastInValueOrder) {
  ObjectBuilder b;
  b.insert(Value::from_string("1"), Value::from_string("string key"));
  b.insert(Value::integer(1), Value::from_string("number key"));
  EXPECT_EQ(to_json(b.build()), R"({"1":"string key"})");
}

TEST(JsonWriter, EscapesAsGo) {
  EXPECT_EQ(to_json(Value::from_string("<a href=\"x\">&\n\t\x01\\</a>")),
            R"("\u003ca href=\"x\"\u003e\u0026\n\t\u0001\\\u003c/a\u003e")");
  EXPECT_EQ(to_json(Value::from_string("\xe2\x80\xa8")), R"("\u2028")");
  EXPECT_EQ(to_json(Value::from_string("caf\xc3\xa9")), "\"caf\xc3\xa9\"");
}

TEST(JsonWriter, IndentedLikeMarshalIndent) {
  JsonWriteOptions indent{true};
  EXPECT_EQ(to_json(json(R"({"b":[1,{"c":[]}],"a":{},"d":"x"})"), indent),
            "{\n"
            "  \"a\": {},\n"
            "  \"b\": [\n"
            "    1,\n"
            "    {\n"
            "      \"c\": []\n"
            "    }\n"
            "  ],\n"
            "  \"d\": \"x\"\n"
            "}");
  EXPECT_EQ(to_json(json("[]"), indent), "[]");
  EXPECT_EQ(to_json(json("7"), indent), "7");
}

TEST(JsonWriter, ComputedNumbersPrintCanonically) {
  std::optional<Number> n = multiply(*Number::from_text("1152921504606846976000"), Number::from_int64(1000));
  EXPECT_EQ(to_json(Value::from_number(*n)), "1152921504606846976000000");
  EXPECT_EQ(to_json(Value::from_number(*add(*Number::from_text("0.1"), *Number::from_text("0.2")))), "0.3");
}

}  // namespace
}  // namespace arcane::runtime
