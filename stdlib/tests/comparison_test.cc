// Comparison built-ins: OPA's total order across types, numbers by value.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(Comparison, NumbersCompareByValue) {
  EXPECT_EQ(show(call("equal", {num("1"), num("1.0")})), "true");
  EXPECT_EQ(show(call("neq", {num("1"), num("1.00")})), "false");
  EXPECT_EQ(show(call("lt", {num("28857836529306024611912"), num("28857836529306024611913")})), "true");
  EXPECT_EQ(show(call("neq", {num("28857836529306024611913"), num("28857836529306024611912")})), "true");
  EXPECT_EQ(show(call("gte", {num("1e3"), num("1000")})), "true");
  EXPECT_EQ(show(call("gt", {num("0.1"), num("0.099999999999999999999")})), "true");
}

TEST(Comparison, TypesAreTotallyOrdered) {
  // null < boolean < number < string < array < object < set
  std::vector<runtime::Value> ordered = {json("null"), json("false"), json("true"), num("-5"), str(""),   str("a"),
                                         json("[]"),   json("[1]"),   json("{}"),   set("[]"), set("[1]")};
  for (size_t i = 0; i < ordered.size(); ++i) {
    for (size_t j = 0; j < ordered.size(); ++j) {
      std::string want_lt = i < j ? "true" : "false";
      EXPECT_EQ(show(call("lt", {ordered[i], ordered[j]})), want_lt) << i << " < " << j;
      EXPECT_EQ(show(call("lte", {ordered[i], ordered[j]})), i <= j ? "true" : "false") << i << " <= " << j;
      EXPECT_EQ(show(call("equal", {ordered[i], ordered[j]})), i == j ? "true" : "false") << i << " == " << j;
    }
  }
}

TEST(Comparison, CompositesCompareStructurally) {
  EXPECT_EQ(show(call("equal", {json(R"({"a":[1,2]})"), json(R"({"a":[1.0,2]})")})), "true");
  EXPECT_EQ(show(call("lt", {json("[1,2]"), json("[1,2,0]")})), "true");
  EXPECT_EQ(show(call("gt", {json("[2]"), json("[1,9]")})), "true");
  EXPECT_EQ(show(call("equal", {set("[1,2]"), set("[2,1]")})), "true");
}

}  // namespace
}  // namespace arcane::stdlib::testing
