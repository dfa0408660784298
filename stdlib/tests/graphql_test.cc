// graphql.*: the AST shapes, parse errors and validation results OPA's conformance
// cases pin, plus the AST-object round trip and the nesting bound.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(GraphQL, ParseQueryShape) {
  EXPECT_EQ(show(call("graphql.parse_query", {str("{hero {name}}")})),
            R"({"Operations":[{"Name":"","Operation":"query","SelectionSet":[{"Alias":"hero","Name":"hero","SelectionSet":[{"Alias":"name","Name":"name"}]}]}]})");
  EXPECT_EQ(show(call("graphql.parse_query", {str(R"({ f(long: """long""", short: "short") })")})),
            R"({"Operations":[{"Name":"","Operation":"query","SelectionSet":[{"Alias":"f","Arguments":[{"Name":"long","Value":{"ExpectedTypeHasDefault":false,"Kind":4,"Raw":"long"}},{"Name":"short","Value":{"ExpectedTypeHasDefault":false,"Kind":3,"Raw":"short"}}],"Name":"f"}]}]})");
  EXPECT_EQ(show(call("graphql.parse_query", {str("query ($a: [Arr!]!) { ...F ... on T { x } }")})),
            R"({"Operations":[{"Name":"","Operation":"query","SelectionSet":[{"Name":"F"},{"SelectionSet":[{"Alias":"x","Name":"x"}],"TypeCondition":"T"}],"VariableDefinitions":[{"Type":{"Elem":{"NamedType":"Arr","NonNull":true},"NamedType":"","NonNull":true},"Used":false,"Variable":"a"}]}]})");
}

TEST(GraphQL, ParseErrors) {
  EXPECT_EQ(show(call("graphql.parse_query", {str("{")})),
            builtin_error("graphql.parse_query: Expected Name, found <EOF> in GraphQL string at location 1:2"));
  EXPECT_EQ(show(call("graphql.parse_query", {str("\n  { ...MissingOn }\n  fragment MissingOn Type\n")})),
            builtin_error("graphql.parse_query: Expected \"on\", found Name \"Type\" in GraphQL string at location 3:22"));
  EXPECT_EQ(show(call("graphql.parse_query", {str("{...{__typename{...{}}}}")})),
            builtin_error("graphql.parse_query: expected at least one definition, found } in GraphQL string at location 1:21"));
  EXPECT_EQ(show(call("graphql.parse_query", {str("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }")})),
            builtin_error("graphql.parse_query: Unexpected $ in GraphQL string at location 1:37"));
  EXPECT_EQ(show(call("graphql.parse_schema", {str("\n  \"Description\"\n  extend type Hello {\n    world: String\n  }\n")})),
            builtin_error("graphql.parse_schema: Unexpected String \"Description\" in GraphQL string at location 2:4"));
  EXPECT_EQ(show(call("graphql.parse_schema", {str("\"\"\"\r")})),
            builtin_error("graphql.parse_schema: Unexpected <Invalid> in GraphQL string at location 2:1"));
  EXPECT_EQ(show(call("graphql.parse_schema", {str("directive @foo on FIELD | INCORRECT_LOCATION")})),
            builtin_error("graphql.parse_schema: Unexpected Name \"INCORRECT_LOCATION\" in GraphQL string at location 1:27"));
  EXPECT_EQ(show(call("graphql.parse_query", {num("1")})),
            type_error("graphql.parse_query: operand 1 must be string but got number"));
}

TEST(GraphQL, ParseSchemaShape) {
  EXPECT_EQ(show(call("graphql.parse_schema", {str("\"\"\"\n  Description\n  \"\"\"\ntype Hello { world(flag: Boolean = true): [String] }")})),
            R"({"Definitions":[{"BuiltIn":false,"Description":"Description","Fields":[{"Arguments":[{"DefaultValue":{"ExpectedTypeHasDefault":false,"Kind":5,"Raw":"true"},"Description":"","Name":"flag","Type":{"NamedType":"Boolean","NonNull":false}}],"Description":"","Name":"world","Type":{"Elem":{"NamedType":"String","NonNull":false},"NamedType":"","NonNull":false}}],"Kind":"OBJECT","Name":"Hello"}]})");
  EXPECT_EQ(show(call("graphql.parse_schema", {str("extend schema @directive")})),
            R"({"SchemaExtension":[{"Description":"","Directives":[{"Location":"","Name":"directive"}]}]})");
}

TEST(GraphQL, SchemaIsValid) {
  auto valid = [](std::string_view s) { return show(call("graphql.schema_is_valid", {str(s)})); };
  EXPECT_EQ(valid("type Hello { world: String }"), "true");
  EXPECT_EQ(valid("extend type User { id: ID! } union U = User extend type Query { u: U }"), "true");
  EXPECT_EQ(valid("type Hello implements World { field: String }"), "false");
  EXPECT_EQ(valid("extend scalar Foo @deprecated\nextend type Foo @deprecated"), "false");
  EXPECT_EQ(valid("schema { query: Query }"), "false");
  EXPECT_EQ(valid("type Query { x: Int } directive @d(a: String = \"b\") on SCHEMA extend schema @d"), "true");
  EXPECT_EQ(valid("interface IA { id: ID! } interface IIA implements IA { id: ID! } type A implements IIA { id: ID! }"),
            "false");
  EXPECT_EQ(valid("type Pupil { f: [Pupil!]! } input PupilInput { friends: [Pupil] }"), "false");
  EXPECT_EQ(valid("directive @onVariableDefinition on VARIABLE_DEFINITION"), "true");
}

TEST(GraphQL, QueryValidation) {
  std::string schema = "extend type Query { myAction(myEnum: Locale!): SomeResult! } type SomeResult { id: String } "
                       "enum Locale { EN LT DE }";
  std::string query = "\n  query SomeOperation {\n    # no argument\n    myAction {\n      id\n    }\n  }\n";
  EXPECT_EQ(show(call("graphql.parse", {str(query), str(schema)})),
            builtin_error("graphql.parse: Field \"myAction\" argument \"myEnum\" of type \"Locale!\" is required, but "
                          "it was not provided in GraphQL string at location 4:5"));
  EXPECT_EQ(show(call("graphql.is_valid", {str(query), str(schema)})), "false");
  EXPECT_EQ(show(call("graphql.is_valid",
                      {str("query SomeOperation ($locale: Locale! = DE) { myAction(myEnum: $locale) { id } }"),
                       str(schema)})),
            "true");
  EXPECT_EQ(show(call("graphql.is_valid", {str("query Foo($flag: Boolean!) { ...Bar } fragment Bar on Query { bar @include(if: $flag) }"),
                                           str("type Query { bar: String! }")})),
            "true");
  EXPECT_EQ(show(call("graphql.is_valid", {str("mutation{x(a:b)}"), str("type Query { bar: String! } type Mutation { x: String! }")})),
            "false");
  EXPECT_EQ(show(call("graphql.parse_and_verify", {str("{ nope }"), str("type Query { bar: String }")})),
            R"([false,{},{}])");
  EXPECT_EQ(show(call("graphql.parse", {str("{ baz }"), str("type Query { bar: String }")})),
            builtin_error("graphql.parse: Cannot query field \"baz\" on type \"Query\". Did you mean \"bar\"?\n in "
                          "GraphQL string at location 1:3"));  // OPA trims only a final ".\n"
}

TEST(GraphQL, ValidationRules) {
  std::string schema = "type Query { bar: String baz(n: Int): String e: E } enum E { A B }";
  auto parse = [&](std::string q) { return show(call("graphql.parse", {str(q), str(schema)})); };
  auto gql_error = [](std::string m) { return builtin_error("graphql.parse: " + m); };
  EXPECT_EQ(parse("{ a: bar a: baz }"),
            gql_error("Fields \"a\" conflict because \"bar\" and \"baz\" are different fields. Use different aliases "
                      "on the fields to fetch both if this was intentional in GraphQL string at location 1:10"));
  EXPECT_EQ(parse("{ baz(n: 1) baz(n: 2) }"),
            gql_error("Fields \"baz\" conflict because they have differing arguments. Use different aliases on the "
                      "fields to fetch both if this was intentional in GraphQL string at location 1:13"));
  EXPECT_EQ(parse("{ ...F }"), gql_error("Unknown fragment \"F\" in GraphQL string at location 1:6"));
  EXPECT_EQ(parse("{ bar } fragment F on Query { bar }"),
            gql_error("Fragment \"F\" is never used in GraphQL string at location 1:9"));
  EXPECT_EQ(parse("query Q { baz(n: $x) }"),
            gql_error("Variable \"$x\" is not defined by operation \"Q\" in GraphQL string at location 1:18"));
  // No final period to trim: OPA leaves the newline. A string's column is past its quote.
  EXPECT_EQ(parse("{ baz(n: \"x\") }"),
            gql_error("Int cannot represent non-integer value: \"x\"\n in GraphQL string at location 1:11"));
  EXPECT_EQ(parse("query ($v: String) { baz(n: $v) }"),
            gql_error("Variable \"$v\" of type \"String\" used in position expecting type \"Int\" in GraphQL string "
                      "at location 1:29"));
  // Children are reported before their parent; every error after the first follows it.
  EXPECT_EQ(parse("{ bar { x } }"),
            gql_error("Cannot query field \"x\" on type \"String\".\ninput:1:3: Field \"bar\" must not have a "
                      "selection since type \"String\" has no subfields in GraphQL string at location 1:9"));
  EXPECT_EQ(parse("{ bar @skip(if: true) @skip(if: false) }"),
            gql_error("The directive \"@skip\" can only be used once at this location in GraphQL string at location "
                      "1:24"));
}

TEST(GraphQL, AstObjectsRoundTrip) {
  BuiltinContext ctx(0);
  BuiltinResult schema = call(ctx, "graphql.parse_schema",
                              {str("type Employee { id: String! salary: Int! } schema { query: Query } "
                                   "type Query { employeeByID(id: String): Employee }")});
  BuiltinResult query = call(ctx, "graphql.parse_query", {str("query { employeeByID(id: \"alice\") { salary }}")});
  ASSERT_TRUE(schema.has_value() && query.has_value());
  BuiltinResult both = call(ctx, "graphql.parse", {query.value(), schema.value()});
  ASSERT_TRUE(both.has_value()) << show(both);
  EXPECT_EQ(both.value().at(0), query.value());
  EXPECT_EQ(both.value().at(1), schema.value());
  EXPECT_EQ(show(call(ctx, "graphql.is_valid", {query.value(), schema.value()})), "true");
  // A query object naming an argument the schema lacks.
  runtime::Value bad = json(R"({"Operations":[{"Name":"","Operation":"mutation","SelectionSet":[{"Alias":"x",
      "Arguments":[{"Name":"a","Value":{"Kind":7,"Raw":"b"}}],"Name":"x"}]}]})");
  runtime::Value s = json(R"({"Definitions":[{"Kind":"OBJECT","Name":"Query","Fields":[{"Name":"bar","Type":{"NamedType":"String","NonNull":true}}]},
      {"Kind":"OBJECT","Name":"Mutation","Fields":[{"Name":"x","Type":{"NamedType":"String","NonNull":true}}]}]})");
  EXPECT_EQ(show(call(ctx, "graphql.is_valid", {bad, s})), "false");
  EXPECT_EQ(show(call(ctx, "graphql.schema_is_valid", {s})), "true");
  EXPECT_EQ(show(call(ctx, "graphql.schema_is_valid", {json(R"({"Definitions": 5})")})), "false");
}

TEST(GraphQL, NestingIsBounded) {
  std::string deep(100000, '[');
  EXPECT_TRUE(call("graphql.parse_query", {str("{ f(a: " + deep + ") }")}).is_error());
  std::string sel;
  for (int i = 0; i < 5000; ++i) sel += "{a";
  EXPECT_TRUE(call("graphql.parse_query", {str(sel)}).is_error());
  std::string obj = "{\"Kind\":8,\"Children\":[{\"Value\":";
  std::string text;
  for (int i = 0; i < 300; ++i) text += obj;
  text += "null";
  for (int i = 0; i < 300; ++i) text += "}]}";
  runtime::Value q = json(R"({"Operations":[{"Operation":"query","SelectionSet":[{"Name":"f","Arguments":[{"Name":"a","Value":)" + text + "}]}]}]}");
  EXPECT_EQ(show(call("graphql.is_valid", {q, str("type Query { f(a: Int): Int }")})), "false");
}

}  // namespace
}  // namespace arcane::stdlib::testing
