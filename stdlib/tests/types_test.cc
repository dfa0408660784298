// Types: OPA's text and JSON forms, its order, Contains and Or.
#include "stdlib/types.h"

#include <gtest/gtest.h>

namespace arcane::stdlib::types {
namespace {

Type N() {
  return Type::number();
}
Type S() {
  return Type::string();
}
Type A() {
  return Type::any();
}

TEST(Types, PrintsAsOpaDoes) {
  EXPECT_EQ(N().to_string(), "number");
  EXPECT_EQ(Type::null().to_string(), "null");
  EXPECT_EQ(Type::any_of({Type::set_of(A()), N()}).to_string(), "any<number, set[any]>");
  EXPECT_EQ(Type::array_of(A()).to_string(), "array[any]");
  EXPECT_EQ(Type::array({Type::array_of(A()), A()}).to_string(), "array<array[any], any>");
  EXPECT_EQ(Type::array({N()}, S()).to_string(), "array<number>[string]");
  EXPECT_EQ(Type::object_of(S(), A()).to_string(), "object[string: any]");
  Type props =
      Type::object({{runtime::Value::from_string("b"), N()}, {runtime::Value::from_string("a"), S()}}, S(), A());
  EXPECT_EQ(props.to_string(), "object<a: string, b: number>[string: any]");
  EXPECT_EQ(Type::any_of({S(), Type::array_of(A()), Type::object_of(A(), A()), Type::set_of(A())}).to_string(),
            "any<string, array[any], object[any: any], set[any]>");
  EXPECT_EQ(Type().to_string(), "???");
}

TEST(Types, FunctionsPrintArgsAndResult) {
  FunctionType f{{N(), N()}, N(), {}};
  EXPECT_EQ(f.args_string(), "(number, number)");
  EXPECT_EQ(f.to_string(), "(number, number) => number");
  FunctionType print{{}, {}, A()};
  EXPECT_EQ(print.to_string(), "(any...) => ???");
  EXPECT_EQ(Type::function(f).to_string(), "(number, number) => number");
}

TEST(Types, JsonHasGoSortedKeys) {
  EXPECT_EQ(N().to_json(), R"({"type":"number"})");
  EXPECT_EQ(Type::any_of({N(), Type::set_of(A())}).to_json(),
            R"({"of":[{"type":"number"},{"of":{"type":"any"},"type":"set"}],"type":"any"})");
  EXPECT_EQ(Type::object_of(A(), A()).to_json(),
            R"({"dynamic":{"key":{"type":"any"},"value":{"type":"any"}},"type":"object"})");
  EXPECT_EQ(Type::array({N()}, S()).to_json(),
            R"({"dynamic":{"type":"string"},"static":[{"type":"number"}],"type":"array"})");
  EXPECT_EQ(Type::object({{runtime::Value::from_string("a"), N()}}).to_json(),
            R"({"static":[{"key":"a","value":{"type":"number"}}],"type":"object"})");
  EXPECT_EQ((FunctionType{{}, {}, A()}).to_json(), R"({"type":"function","variadic":{"type":"any"}})");
  EXPECT_EQ((FunctionType{{}, N(), {}}).to_json(), R"({"result":{"type":"number"},"type":"function"})");
  EXPECT_EQ((FunctionType{{N()}, {}, {}}).to_json(), R"({"args":[{"type":"number"}],"type":"function"})");
}

TEST(Types, OrderFollowsOpa) {
  EXPECT_LT(compare(Type::null(), Type::boolean()), 0);
  EXPECT_LT(compare(S(), Type::array_of(A())), 0);
  EXPECT_LT(compare(Type::set_of(A()), A()), 0);
  EXPECT_LT(compare(Type(), Type::null()), 0);
  // An array with a dynamic part sorts after one without.
  EXPECT_LT(compare(Type::array({N()}), Type::array_of(N())), 0);
  EXPECT_EQ(compare(Type::any_of({S(), N()}), Type::any_of({N(), S()})), 0);
}

TEST(Types, ContainsAndOr) {
  EXPECT_TRUE(contains(A(), N()));
  EXPECT_TRUE(contains(Type::any_of({N(), S()}), S()));
  EXPECT_FALSE(contains(Type::any_of({N(), S()}), Type::boolean()));
  EXPECT_FALSE(contains(N(), S()));
  EXPECT_TRUE(contains(N(), N()));
  EXPECT_FALSE(contains(A(), Type::function(FunctionType{{}, N(), {}})));

  EXPECT_EQ(type_or(N(), N()).to_string(), "number");
  EXPECT_EQ(type_or(S(), N()).to_string(), "any<number, string>");
  EXPECT_EQ(type_or(Type::any_of({N(), S()}), Type::boolean()).to_string(), "any<boolean, number, string>");
  EXPECT_EQ(type_or(Type::any_of({N(), S()}), S()).to_string(), "any<number, string>");
  EXPECT_EQ(type_or(A(), N()).to_string(), "any");
  EXPECT_EQ(type_or(Type::any_of({N()}), Type::any_of({S(), N()})).to_string(), "any<number, string>");
  EXPECT_EQ(type_or(Type(), N()).to_string(), "number");
  EXPECT_TRUE(type_or(N(), Type::function(FunctionType{{}, N(), {}})).is_nil());
  Type f = type_or(Type::function(FunctionType{{N()}, N(), {}}), Type::function(FunctionType{{S()}, N(), {}}));
  EXPECT_EQ(f.to_string(), "(any<number, string>) => number");
}

TEST(Types, AccessorsExposeStructure) {
  Type t = Type::object({{runtime::Value::from_string("k"), N()}}, S(), A());
  EXPECT_EQ(t.kind(), Kind::kObject);
  ASSERT_EQ(t.properties().size(), 1u);
  EXPECT_EQ(t.properties()[0].value, N());
  EXPECT_EQ(t.dynamic_key(), S());
  EXPECT_EQ(t.dynamic_value(), A());
  EXPECT_EQ(Type::set_of(N()).element(), N());
  EXPECT_TRUE(N().element().is_nil());
  EXPECT_EQ(Type::any_of({S(), N()}).items()[0], N());
}

}  // namespace
}  // namespace arcane::stdlib::types
