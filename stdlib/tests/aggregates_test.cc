// Aggregates: count (runes for strings), exact integer sums and products past 2^64,
// OPA's float folds, max/min/sort, any/all, and their operand errors.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(Aggregates, Count) {
  EXPECT_EQ(show(call("count", {json("[1,2,3]")})), "3");
  EXPECT_EQ(show(call("count", {json(R"({"a":1})")})), "1");
  EXPECT_EQ(show(call("count", {set("[1,1.0,2]")})), "2");
  EXPECT_EQ(show(call("count", {str("h\xC3\xA9llo")})), "5");
  EXPECT_EQ(show(call("count", {str("\xFF\xFE"
                                    "a\xE2\x82")})),
            "5");  // each ill-formed byte is a rune
  EXPECT_EQ(show(call("count", {num("1")})),
            type_error("count: operand 1 must be one of {array, object, set, string} but got number"));
  EXPECT_EQ(show(call("count", {json("null")})),
            type_error("count: operand 1 must be one of {array, object, set, string} but got null"));
}

TEST(Aggregates, SumAndProductOfIntegersAreExact) {
  EXPECT_EQ(show(call("sum", {json("[1,2,3]")})), "6");
  EXPECT_EQ(show(call("sum", {json("[]")})), "0");
  EXPECT_EQ(show(call("product", {json("[]")})), "1");
  EXPECT_EQ(show(call("product", {json("[2,3,4]")})), "24");
  EXPECT_EQ(show(call("sum", {json("[18446744073709551617, 1]")})), "18446744073709551618");
  EXPECT_EQ(show(call("sum", {set("[18446744073709551617, 1]")})), "18446744073709551618");
  EXPECT_EQ(show(call("product", {json("[18446744073709551617, 2]")})), "36893488147419103234");
  // Every element fits an int64 but the sum does not.
  EXPECT_EQ(show(call("sum", {json("[9223372036854775807, 1]")})), "9223372036854775808");
  EXPECT_EQ(show(call("sum", {set("[9223372036854775807, 1, 2]")})), "9223372036854775810");
  EXPECT_EQ(show(call("sum", {json("[-9223372036854775808, -1]")})), "-9223372036854775809");
  EXPECT_EQ(show(call("sum", {json("[9223372036854775806, 1]")})), "9223372036854775807");
  EXPECT_EQ(show(call("sum", {json("[1.0, 2]")})), "3");
}

TEST(Aggregates, NonIntegersFoldThroughFloats) {
  EXPECT_EQ(show(call("sum", {json("[1.5, 2.5]")})), "4");
  EXPECT_EQ(show(call("sum", {json("[1, 2.5]")})), "3.5");
  EXPECT_EQ(show(call("sum", {json("[0.1, 0.2, 0.3]")})), "0.6");
  EXPECT_EQ(show(call("sum", {json("[1, 2.5, 18446744073709551617]")})), "18446744073709551620");
  EXPECT_EQ(show(call("product", {json("[1.5, 2]")})), "3");
  EXPECT_EQ(show(call("product", {json("[0.1, 3]")})), "0.30000000000000004");  // 53-bit, as OPA
}

TEST(Aggregates, SumAndProductErrors) {
  EXPECT_EQ(show(call("sum", {json(R"([1, "a"])")})),
            type_error("sum: operand 1 must be array of numbers but got array containing string"));
  EXPECT_EQ(show(call("product", {set(R"([1.5, null])")})),
            type_error("product: operand 1 must be set of numbers but got set containing null"));
  EXPECT_EQ(show(call("sum", {json("{}")})), type_error("sum: operand 1 must be one of {set, array} but got object"));
}

TEST(Aggregates, MaxMinSort) {
  EXPECT_EQ(show(call("max", {json(R"([1, "a", null, [0]])")})), "[0]");
  EXPECT_EQ(show(call("min", {json(R"([1, "a", null, [0]])")})), "null");
  EXPECT_EQ(show(call("max", {set("[3,1,2]")})), "3");
  EXPECT_EQ(show(call("min", {set("[3,1,2]")})), "1");
  EXPECT_EQ(show(call("max", {json("[]")})), "<undefined>");
  EXPECT_EQ(show(call("min", {set("[]")})), "<undefined>");
  EXPECT_EQ(show(call("max", {json("[1, 1.0]")})), "1.0");  // the last of equal maxima
  EXPECT_EQ(show(call("min", {json("[1.0, 1]")})), "1");
  EXPECT_EQ(show(call("sort", {json(R"([3, "b", 1, null, "a", [1], {"x": 1}])")})),
            R"([null,1,3,"a","b",[1],{"x":1}])");
  EXPECT_EQ(show(call("sort", {set("[2,1]")})), "[1,2]");
  EXPECT_EQ(show(call("sort", {json("[1.0, 1, 0]")})), "[0,1.0,1]");  // stable
  EXPECT_EQ(show(call("max", {str("x")})), type_error("max: operand 1 must be one of {set, array} but got string"));
  EXPECT_EQ(show(call("sort", {num("1")})), type_error("sort: operand 1 must be one of {set, array} but got number"));
}

TEST(Aggregates, AnyAndAll) {
  EXPECT_EQ(show(call("any", {json("[false, true]")})), "true");
  EXPECT_EQ(show(call("any", {json("[]")})), "false");
  EXPECT_EQ(show(call("any", {set("[1, true]")})), "true");
  EXPECT_EQ(show(call("all", {json("[true, true]")})), "true");
  EXPECT_EQ(show(call("all", {json("[]")})), "true");
  EXPECT_EQ(show(call("all", {set("[true, 1]")})), "false");
  EXPECT_EQ(show(call("all", {num("1")})), type_error("all: operand 1 must be one of {array, set} but got number"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
