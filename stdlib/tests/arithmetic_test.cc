// Arithmetic built-ins: exact integers at any size, OPA's float results (the texts come
// from the big.Float model used for runtime/tests/big_float_test.cc), and the error
// messages of OPA's conformance cases.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

std::string arith(std::string_view op, std::string_view a, std::string_view b) {
  return show(call(op, {num(a), num(b)}));
}

TEST(Arithmetic, IntegersAreExactAtAnySize) {
  EXPECT_EQ(arith("plus", "49649733057", "1"), "49649733058");
  EXPECT_EQ(arith("plus", "18446744073709551617", "1"), "18446744073709551618");
  EXPECT_EQ(arith("minus", "18446744073709551617", "1"), "18446744073709551616");
  EXPECT_EQ(arith("mul", "18446744073709551617", "2"), "36893488147419103234");
  EXPECT_EQ(arith("plus", "123456789012345678901234567890", "1"), "123456789012345678901234567891");
  EXPECT_EQ(arith("minus", "-18446744073709551617", "1"), "-18446744073709551618");
  EXPECT_EQ(arith("plus", "9223372036854775807", "1"), "9223372036854775808");
  EXPECT_EQ(arith("mul", "-9223372036854775808", "-1"), "9223372036854775808");
  EXPECT_EQ(arith("plus", "1.0", "2"), "3");  // integral decimals count as integers
  EXPECT_EQ(arith("mul", "1e2", "3"), "300");
}

TEST(Arithmetic, NonIntegersGoThroughGoFloats) {
  EXPECT_EQ(arith("plus", "1.5", "2.5"), "4");
  EXPECT_EQ(arith("plus", "1", "2.5"), "3.5");
  EXPECT_EQ(arith("mul", "2.5", "2"), "5");
  EXPECT_EQ(arith("mul", "0.1", "3"), "0.3");
  EXPECT_EQ(arith("minus", "0.3", "0.1"), "0.20000000000000000002");
  EXPECT_EQ(arith("plus", "1.1", "2.2"), "3.3000000000000000002");
  EXPECT_EQ(arith("plus", "1234567.5", "1"), "1.2345685e+06");
}

TEST(Arithmetic, DivisionIsExactOnlyForSmallDivisibleIntegers) {
  EXPECT_EQ(arith("div", "6", "3"), "2");
  EXPECT_EQ(arith("div", "-6", "3"), "-2");
  EXPECT_EQ(arith("div", "7", "2"), "3.5");
  EXPECT_EQ(arith("div", "1", "3"), "0.33333333333333333334");
  EXPECT_EQ(arith("div", "1", "7"), "0.14285714285714285714");
  EXPECT_EQ(arith("div", "0", "5"), "0");
  EXPECT_EQ(arith("div", "0", "-5"), "-0");  // OPA's float quotient keeps the sign of zero
  EXPECT_EQ(arith("div", "10000000000", "2"), "5000000000");
  EXPECT_EQ(arith("div", "4294967296", "3"), "1.4316557653333333334e+09");
  EXPECT_EQ(arith("div", "18446744073709551618", "2"), "9223372036854775809");
  EXPECT_EQ(arith("div", "1e400", "1e398"), "100.00000000000000001");
  EXPECT_EQ(arith("div", "1", "100000"), "1e-05");
}

TEST(Arithmetic, DivisionByZero) {
  EXPECT_EQ(arith("div", "1", "0"), builtin_error("div: divide by zero"));
  EXPECT_EQ(arith("div", "1.5", "0"), builtin_error("div: divide by zero"));
  EXPECT_EQ(arith("div", "1", "0.0"), builtin_error("div: divide by zero"));
  EXPECT_EQ(arith("div", "1", "-0"), builtin_error("div: divide by zero"));
  EXPECT_EQ(arith("div", "18446744073709551617", "0"), builtin_error("div: divide by zero"));
}

TEST(Arithmetic, RemainderOnIntegersOnly) {
  EXPECT_EQ(arith("rem", "7", "4"), "3");
  EXPECT_EQ(arith("rem", "-7", "4"), "-3");
  EXPECT_EQ(arith("rem", "7", "0"), builtin_error("rem: modulo by zero"));
  EXPECT_EQ(arith("rem", "1.1", "1"), builtin_error("rem: modulo on floating-point number"));
  EXPECT_EQ(arith("rem", "1.1", "0"), builtin_error("rem: modulo on floating-point number"));
  EXPECT_EQ(arith("rem", "7", "0.0"), builtin_error("rem: modulo by zero"));
  // OPA's conformance: divisors that are nonzero multiples of 2^64.
  EXPECT_EQ(arith("rem", "10", "18446744073709551616"), "10");
  EXPECT_EQ(arith("rem", "5", "55340232221128654848"), "5");
  EXPECT_EQ(arith("rem", "7", "340282366920938463463374607431768211456"), "7");
  EXPECT_EQ(arith("rem", "100", "-18446744073709551616"), "100");
  EXPECT_EQ(arith("rem", "18446744073709551617", "18446744073709551616"), "1");
  EXPECT_EQ(arith("rem", "10", "18446744073709551617"), "10");
  EXPECT_EQ(arith("rem", "18446744073709551617", "0"), builtin_error("rem: modulo by zero"));
}

TEST(Arithmetic, OperandTypeErrors) {
  EXPECT_EQ(show(call("plus", {num("1"), str("a")})), type_error("plus: operand 2 must be number but got string"));
  EXPECT_EQ(show(call("mul", {json("null"), num("1")})), type_error("mul: operand 1 must be number but got null"));
  EXPECT_EQ(show(call("div", {num("1"), json("[]")})), type_error("div: operand 2 must be number but got array"));
  EXPECT_EQ(show(call("rem", {set("[]"), num("1")})), type_error("rem: operand 1 must be number but got set"));
  EXPECT_EQ(show(call("abs", {str("x")})), type_error("abs: operand 1 must be number but got string"));
}

TEST(Arithmetic, MinusIsAlsoSetDifference) {
  EXPECT_EQ(show(call("minus", {set("[1,2,3]"), set("[2]")})), "[1,3]");
  EXPECT_EQ(show(call("minus", {set("[1]"), set("[1.0]")})), "[]");
  EXPECT_EQ(show(call("minus", {set("[1]"), num("1")})), type_error("minus: operand 2 must be set but got number"));
  EXPECT_EQ(show(call("minus", {num("1"), set("[1]")})), type_error("minus: operand 2 must be number but got set"));
  EXPECT_EQ(show(call("minus", {str("a"), num("1")})),
            type_error("minus: operand 1 must be one of {number, set} but got string"));
  // OPA asks for a number here even though operand 1 is a set.
  EXPECT_EQ(show(call("minus", {set("[1]"), str("a")})), type_error("minus: operand 2 must be number but got string"));
}

TEST(Arithmetic, AbsRoundCeilFloor) {
  EXPECT_EQ(show(call("abs", {num("-10")})), "10");
  EXPECT_EQ(show(call("abs", {num("-1.5")})), "1.5");
  EXPECT_EQ(show(call("abs", {num("-18446744073709551617")})), "18446744073709551616");  // via 64-bit floats
  EXPECT_EQ(show(call("round", {num("2.5")})), "3");
  EXPECT_EQ(show(call("round", {num("-2.5")})), "-3");
  EXPECT_EQ(show(call("round", {num("7")})), "7");
  EXPECT_EQ(show(call("ceil", {num("1.01")})), "2");
  EXPECT_EQ(show(call("ceil", {num("2222.2222222222")})), "2223");
  EXPECT_EQ(show(call("ceil", {num("-1.99999")})), "-1");
  EXPECT_EQ(show(call("ceil", {num("1")})), "1");
  EXPECT_EQ(show(call("floor", {num("99.99999")})), "99");
  EXPECT_EQ(show(call("floor", {num("-1.001")})), "-2");
  EXPECT_EQ(show(call("floor", {num("13.37")})), "13");
  // OPA truncates before adjusting, so these two agree with OPA rather than with math.
  EXPECT_EQ(show(call("ceil", {num("-0.5")})), "1");
  EXPECT_EQ(show(call("floor", {num("-0.5")})), "0");
}

TEST(Arithmetic, ResultsBeyondNumberLimitsAreErrors) {
  runtime::Value huge = num("9e999999999");
  EXPECT_EQ(show(call("mul", {huge, huge})), builtin_error("mul: number too large"));
  // Through floats, an integer this large would print with ~300 million digits.
  EXPECT_EQ(show(call("round", {num("1.5e300000000")})), builtin_error("round: number too large"));
  // 1e400 is not an int32 literal, so OPA rounds it to 64 bits and prints every digit
  // of that float (SetInt's precision is the integer's bit length).
  std::string ceiled = show(call("ceil", {num("1e400")}));
  EXPECT_EQ(ceiled.size(), 401u);
  EXPECT_EQ(ceiled.substr(0, 40), "1000000000000000000028188068394758651458");
}

}  // namespace
}  // namespace arcane::stdlib::testing
