// OPA's canonicalisation of result rows before comparison (FORMAT.md §4).
#include "conformance/canonical.h"

#include <gtest/gtest.h>

#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane::conformance {
namespace {

using testing::json;

Value rego(const char* text) {
  return value_from_rego(text).value();
}

ResultRow row(std::vector<Binding> bindings) {
  return ResultRow{{}, std::move(bindings)};
}

Value actual(const std::vector<ResultRow>& rows, bool sort = false, bool ignore = false) {
  Value out;
  std::string error;
  EXPECT_TRUE(actual_rows(rows, sort, ignore, out, error)) << error;
  return out;
}

TEST(Canonical, PlainJsonTurnsSetsIntoSortedArrays) {
  EXPECT_EQ(plain_json(rego(R"({"b", "a", 3, [1]})")), json(R"([3, "a", "b", [1]])"));
  EXPECT_EQ(plain_json(rego(R"([{1, 2}, {"k": {set()}}])")), json(R"([[1, 2], {"k": [[]]}])"));
}

TEST(Canonical, PlainJsonTurnsNonStringKeysIntoJsonText) {
  Value v = plain_json(rego(R"({1: "a", true: "b", null: "c", {3: 4}: "d", ["<x>", {"s"}]: "e", "k": {2: 2}})"));
  EXPECT_EQ(v, json(R"({"1": "a", "true": "b", "null": "c", "{\"3\":4}": "d",
                       "[\"\\u003cx\\u003e\",[\"s\"]]": "e", "k": {"2": 2}})"));
  EXPECT_EQ(*v.find("[\"\\u003cx\\u003e\",[\"s\"]]"), Value::from_string("e"));
}

TEST(Canonical, RowsAreASet) {
  Value a = actual({row({{"x", Value::integer(1)}}), row({{"x", Value::integer(2)}}), row({{"x", Value::integer(1)}})});
  EXPECT_EQ(a, expected_rows(json(R"([{"x": 2}, {"x": 1}])")));
  EXPECT_NE(a, expected_rows(json(R"([{"x": 1}])")));
  EXPECT_EQ(actual({}), expected_rows(json("[]")));
  EXPECT_EQ(actual({row({})}), expected_rows(json("[{}]")));
  EXPECT_NE(actual({}), expected_rows(json("[{}]")));  // undefined is not "defined, no variables"
}

TEST(Canonical, NumbersCompareByValue) {
  EXPECT_EQ(actual({row({{"x", json("1.0")}})}), expected_rows(json(R"([{"x": 1}])")));
  EXPECT_EQ(actual({row({{"x", json("[100e-2, 2]")}})}), expected_rows(json(R"([{"x": [1, 2.000]}])")));
  EXPECT_NE(actual({row({{"x", json("1.5")}})}), expected_rows(json(R"([{"x": 1}])")));
}

TEST(Canonical, SetsMatchSortedLists) {
  EXPECT_EQ(actual({row({{"x", rego(R"({"b", "a"})")}})}), expected_rows(json(R"([{"x": ["a", "b"]}])")));
  EXPECT_NE(actual({row({{"x", rego(R"({"b", "a"})")}})}), expected_rows(json(R"([{"x": ["b", "a"]}])")));
  // Without sort_bindings, array order matters.
  EXPECT_NE(actual({row({{"x", json(R"(["b", "a"])")}})}), expected_rows(json(R"([{"x": ["a", "b"]}])")));
}

TEST(Canonical, SortBindingsSortsInOpasJsonOrder) {
  Value got = json(R"([{"b": 1}, {"a": 2}, [2], [1, 5], "s", "S", 10, 9.5, true, false, null])");
  Value want = json(R"([[{"x": [null, false, true, 9.5, 10, "S", "s", [1, 5], [2], {"a": 2}, {"b": 1}]}]])");
  EXPECT_EQ(actual({row({{"x", got}})}, true), expected_rows(want.at(0)));
  // Sets go through plain_json first.
  EXPECT_EQ(actual({row({{"x", rego(R"({[2], [1]})")}})}, true), expected_rows(json(R"([{"x": [[1], [2]]}])")));
}

TEST(Canonical, SortBindingsNeedsArrays) {
  Value out;
  std::string error;
  EXPECT_FALSE(actual_rows({row({{"x", Value::integer(1)}})}, true, false, out, error));
  EXPECT_EQ(error, "sort_bindings: binding x is not an array or set: 1");
}

TEST(Canonical, IgnoreGeneratedVars) {
  std::vector<ResultRow> rows{row({{"x", Value::integer(1)}, {"__localq0__", Value::integer(2)}})};
  EXPECT_EQ(actual(rows, false, true), expected_rows(json(R"([{"x": 1}])")));
  EXPECT_NE(actual(rows, false, false), expected_rows(json(R"([{"x": 1}])")));
  // Only query-generated names (__localq...) go.
  EXPECT_NE(actual({row({{"__local0__", Value::integer(2)}})}, false, true), expected_rows(json("[{}]")));
}

}  // namespace
}  // namespace arcane::conformance
