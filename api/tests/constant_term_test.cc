// Constant Rego terms as values (what conformance cases' input_term needs).
#include <gtest/gtest.h>

#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

using testing::json;

Value rego(std::string_view text) {
  auto v = value_from_rego(text);
  EXPECT_TRUE(v.ok()) << text << ": " << (v.ok() ? "" : v.error().to_string());
  return v.ok() ? v.value() : Value();
}

TEST(ConstantTerm, Scalars) {
  EXPECT_EQ(rego("null"), Value::null());
  EXPECT_EQ(rego("true"), Value::boolean(true));
  EXPECT_EQ(rego("\"a\\nb\""), Value::from_string("a\nb"));
  EXPECT_EQ(rego("`raw\\n`"), Value::from_string("raw\\n"));
  EXPECT_EQ(rego("1"), Value::integer(1));
  EXPECT_EQ(rego("-7"), Value::integer(-7));
  EXPECT_EQ(value_to_json(rego("1.0")), "1.0");  // the literal's text survives
  EXPECT_EQ(rego("1.0"), Value::integer(1));
  EXPECT_EQ(rego(".5"), json("0.5"));
  EXPECT_EQ(rego("-.5"), json("-0.5"));
  EXPECT_EQ(rego("1e3"), json("1000"));
  EXPECT_EQ(value_to_json(rego("123456789012345678901234567890")), "123456789012345678901234567890");
}

TEST(ConstantTerm, Collections) {
  EXPECT_EQ(rego(R"([{"foo": 1}, {"bar": 2}, "baz"])"), json(R"([{"foo": 1}, {"bar": 2}, "baz"])"));
  EXPECT_EQ(rego(R"({ "graph": { "a": ["b", "c"], "b": ["c"], "c": [], }, "initial": {"a"} })"),
            rego(R"({"graph": {"a": ["b", "c"], "b": ["c"], "c": []}, "initial": {"a"}})"));
  Value s = rego(R"({"x": {1, 2, 3, "a"}})");
  const Value* x = s.find("x");
  ASSERT_NE(x, nullptr);
  EXPECT_TRUE(x->is_set());
  EXPECT_EQ(x->size(), 4u);
  EXPECT_TRUE(x->contains(Value::from_string("a")));
  EXPECT_EQ(value_to_json(s), R"({"x":[1,2,3,"a"]})");
}

TEST(ConstantTerm, EmptySetAndNestedSets) {
  Value empty = rego("set()");
  EXPECT_TRUE(empty.is_set());
  EXPECT_EQ(empty.size(), 0u);
  Value nested = rego(R"({"foo": {{1}}})");
  const Value* foo = nested.find("foo");
  ASSERT_TRUE(foo != nullptr && foo->is_set());
  EXPECT_TRUE(foo->at(0).is_set());
  EXPECT_EQ(rego(R"({"d": set()})").find("d")->kind(), Kind::kSet);
}

TEST(ConstantTerm, NonStringKeys) {
  Value v = rego(R"({1: "one", [true]: null, {"a"}: 2})");
  EXPECT_EQ(*v.find(Value::integer(1)), Value::from_string("one"));
  EXPECT_EQ(v.size(), 3u);
  EXPECT_EQ(value_to_json(v), R"({"1":"one","[\"a\"]":2,"[true]":null})");
}

TEST(ConstantTerm, NonConstantsAreRefused) {
  for (const char* text : {"x", "input.x", "[1, y]", "{\"a\": data.b}", "[x | x := 1]", "{x | x := 1}",
                           "{k: v | k := 1; v := 2}", "$\"a{1}\""}) {
    auto v = value_from_rego(text);
    ASSERT_FALSE(v.ok()) << text;
    EXPECT_EQ(v.error().code, "rego_type_error") << text;
    EXPECT_NE(v.error().message.find("not a constant"), std::string::npos) << v.error().message;
  }
  // Calls and operators are not terms to the term parser.
  for (const char* text : {"count([1])", "1 + 2"}) EXPECT_EQ(value_from_rego(text).error().code, "rego_parse_error");
  auto located = value_from_rego("[1,\n  y]");
  ASSERT_FALSE(located.ok());
  EXPECT_EQ(located.error().to_string(), "2:3: rego_type_error: not a constant: var term");
}

TEST(ConstantTerm, SyntaxErrors) {
  auto v = value_from_rego("{1, ");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, "rego_parse_error");
  EXPECT_TRUE(v.error().location);
}

// Every input_term of the conformance suite is constant.
TEST(ConstantTerm, SuiteInputTerms) {
  for (const char* text : {R"({ "graph": { "a": {"b", "c"}, "b": {"d"}, "c": {"d"}, "d": set(), "e": {"f"}, "f":
                              {"e"}, "x": {"x"}, }, "initial": { "b", "e" } })",
                           R"({"x": {"a", {"x": 1}, {"y": 2}}})", "{}", "\"b\"", "2"}) {
    EXPECT_TRUE(value_from_rego(text).ok()) << text;
  }
}

TEST(ApiValues, JsonAndYaml) {
  EXPECT_EQ(value_from_yaml("a: yes\nb: 010\n").value(), json(R"({"a": true, "b": 8})"));
  auto bad = value_from_json("[1,");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "json_parse_error");
  EXPECT_EQ(value_to_json(json(R"({"b": [1, {"c": "<"}], "a": 1})"), true),
            "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    {\n      \"c\": \"\\u003c\"\n    }\n  ]\n}");
}

}  // namespace
}  // namespace arcane
