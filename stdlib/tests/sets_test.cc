// Set built-ins: &, |, set_diff, and the n-ary intersection and union.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(Sets, BinaryOperations) {
  EXPECT_EQ(show(call("and", {set("[1,2,3]"), set("[2,3,4]")})), "[2,3]");
  EXPECT_EQ(show(call("or", {set("[1,2]"), set("[2,3]")})), "[1,2,3]");
  EXPECT_EQ(show(call("set_diff", {set("[1,2,3]"), set("[2]")})), "[1,3]");
  EXPECT_EQ(show(call("and", {set("[1]"), set("[1.0]")})), "[1]");
  EXPECT_EQ(show(call("and", {set("[]"), set("[1]")})), "[]");
  EXPECT_EQ(show(call("or", {set(R"(["a",[1],{"k":1}])"), set(R"(["a",null])")})), R"([null,"a",[1],{"k":1}])");
}

TEST(Sets, BinaryOperandErrors) {
  EXPECT_EQ(show(call("and", {json("[1]"), set("[1]")})), type_error("and: operand 1 must be set but got array"));
  EXPECT_EQ(show(call("or", {set("[1]"), num("1")})), type_error("or: operand 2 must be set but got number"));
  EXPECT_EQ(show(call("set_diff", {set("[1]"), str("x")})),
            type_error("set_diff: operand 2 must be set but got string"));
}

runtime::Value sets_of(std::vector<runtime::Value> items) {
  runtime::SetBuilder b;
  for (auto& v : items) b.insert(v);
  return b.build();
}

TEST(Sets, IntersectionAndUnionOfSets) {
  EXPECT_EQ(show(call("intersection", {sets_of({set("[1,2,3]"), set("[2,3]"), set("[3,2,9]")})})), "[2,3]");
  EXPECT_EQ(show(call("intersection", {set("[]")})), "[]");
  EXPECT_EQ(show(call("union", {sets_of({set("[1,2]"), set("[3]"), set("[]")})})), "[1,2,3]");
  EXPECT_EQ(show(call("union", {set("[]")})), "[]");
  EXPECT_EQ(show(call("intersection", {sets_of({set("[1]"), num("1")})})),
            type_error("intersection: operand 1 must be set but got number"));
  EXPECT_EQ(show(call("union", {json("[]")})), type_error("union: operand 1 must be set but got array"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
