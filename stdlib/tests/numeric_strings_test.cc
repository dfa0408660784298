// bits.*, units.parse, units.parse_bytes, to_number and rand.intn.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(Bits, Operations) {
  EXPECT_EQ(show(call("bits.and", {num("7"), num("9")})), "1");
  EXPECT_EQ(show(call("bits.or", {num("7"), num("9")})), "15");
  EXPECT_EQ(show(call("bits.xor", {num("42"), num("3")})), "41");
  EXPECT_EQ(show(call("bits.negate", {num("42")})), "-43");
  EXPECT_EQ(show(call("bits.lsh", {num("1"), num("3")})), "8");
  EXPECT_EQ(show(call("bits.rsh", {num("8"), num("3")})), "1");
  EXPECT_EQ(show(call("bits.rsh", {num("-7"), num("1")})), "-4");
  EXPECT_EQ(show(call("bits.lsh", {num("2147483647"), num("1")})), "4294967294");
  EXPECT_EQ(show(call("bits.lsh", {num("9223372036854775807"), num("1")})), "18446744073709551614");
  EXPECT_EQ(show(call("bits.and", {num("-1"), num("18446744073709551617")})), "18446744073709551617");
  EXPECT_EQ(show(call("bits.and", {num("7.0"), num("1e1")})), "2");
}

TEST(Bits, Errors) {
  EXPECT_EQ(show(call("bits.and", {num("7.2"), num("42")})),
            type_error("bits.and: operand 1 must be integer number but got floating-point number"));
  EXPECT_EQ(show(call("bits.negate", {num("7.2")})),
            type_error("bits.negate: operand 1 must be integer number but got floating-point number"));
  EXPECT_EQ(show(call("bits.lsh", {num("7"), num("-1")})),
            type_error("bits.lsh: operand 2 must be an unsigned integer number but got a negative integer"));
  EXPECT_EQ(show(call("bits.rsh", {num("7"), num("-1")})),
            type_error("bits.rsh: operand 2 must be an unsigned integer number but got a negative integer"));
  EXPECT_EQ(show(call("bits.or", {num("7"), str("x")})), type_error("bits.or: operand 2 must be integer but got string"));
  EXPECT_EQ(show(call("bits.lsh", {num("1"), num("100000000")})), builtin_error("bits.lsh: number too large"));
}

std::string parse(std::string_view s) {
  return show(call("units.parse", {str(s)}));
}
std::string bytes(std::string_view s) {
  return show(call("units.parse_bytes", {str(s)}));
}

TEST(Units, Parse) {
  EXPECT_EQ(parse("500m"), "0.5000000000");
  EXPECT_EQ(parse("0.0005K"), "0.5000000000");
  EXPECT_EQ(parse("0.5K"), "500");
  EXPECT_EQ(parse("-3.5E2m"), "-0.3500000000");
  EXPECT_EQ(parse("1.1Ki"), "1126.4000000000");
  EXPECT_EQ(parse("10KI"), "10240");
  EXPECT_EQ(parse("1G"), "1000000000");
  EXPECT_EQ(parse("10Ei"), "11529215046068469760");
  EXPECT_EQ(parse("\"100TI\""), "109951162777600");
  EXPECT_EQ(parse("1e-2"), "0.0100000000");
  EXPECT_EQ(parse("5E"), "5000000000000000000");
  EXPECT_EQ(parse(".0"), "0");
  EXPECT_EQ(parse(""), builtin_error("units.parse: units.parse: no amount provided"));
  EXPECT_EQ(parse("0.0.0"), builtin_error("units.parse: units.parse: could not parse amount to a number"));
  EXPECT_EQ(parse("100 k"), builtin_error("units.parse: units.parse: spaces not allowed in resource strings"));
  EXPECT_EQ(parse("10e10000000Ei"), builtin_error("units.parse: units.parse: exponent too large"));
  EXPECT_EQ(parse("1x"), builtin_error("units.parse: units.parse: unit x not recognized"));
}

TEST(Units, ParseBytes) {
  EXPECT_EQ(bytes("1.1KiB"), "1126");
  EXPECT_EQ(bytes("1.1KB"), "1100");
  EXPECT_EQ(bytes("10eib"), "11529215046068469760");
  EXPECT_EQ(bytes("3.2E2MiB"), "335544320");
  EXPECT_EQ(bytes("1e-2KB"), "10");
  EXPECT_EQ(bytes("\"100TIB\""), "109951162777600");
  EXPECT_EQ(bytes(".5KB"), "500");
  EXPECT_EQ(bytes("0.0"), "0");
  EXPECT_EQ(bytes("GB"), builtin_error("units.parse_bytes: units.parse_bytes: no byte amount provided"));
  EXPECT_EQ(bytes(".5.2"), builtin_error("units.parse_bytes: units.parse_bytes: could not parse byte amount to a number"));
  EXPECT_EQ(bytes("1zb"), builtin_error("units.parse_bytes: units.parse_bytes: byte unit zb not recognized"));
}

TEST(Conversions, ToNumber) {
  EXPECT_EQ(show(call("to_number", {str("-42.0")})), "-42.0");
  EXPECT_EQ(show(call("to_number", {json("false")})), "0");
  EXPECT_EQ(show(call("to_number", {json("true")})), "1");
  EXPECT_EQ(show(call("to_number", {json("null")})), "0");
  EXPECT_EQ(show(call("to_number", {num("100.1")})), "100.1");
  EXPECT_EQ(show(call("to_number", {str("+1.5")})), "1.5");
  EXPECT_EQ(show(call("to_number", {str(".5")})), "0.5");
  EXPECT_EQ(show(call("to_number", {str("0x1p-2")})), "0.25");
  EXPECT_EQ(show(call("to_number", {str("broken")})),
            builtin_error("to_number: strconv.ParseFloat: parsing \"broken\": invalid syntax"));
  EXPECT_EQ(show(call("to_number", {str("1e400")})),
            builtin_error("to_number: strconv.ParseFloat: parsing \"1e400\": value out of range"));
  EXPECT_EQ(show(call("to_number", {str("-Inf")})),
            type_error("to_number: operand 1 must be valid number string but got string"));
  EXPECT_EQ(show(call("to_number", {json("[]")})),
            type_error("to_number: operand 1 must be one of {null, boolean, number, string} but got array"));
}

TEST(Rand, IntnIsStablePerKeyAndInRange) {
  BuiltinContext ctx(0);
  BuiltinResult a = call(ctx, "rand.intn", {str("key"), num("100")});
  ASSERT_TRUE(a.has_value());
  int64_t v = *a.value().number().to_int64();
  EXPECT_GE(v, 0);
  EXPECT_LT(v, 100);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(call(ctx, "rand.intn", {str("key"), num("100")}).value(), a.value());
  EXPECT_EQ(call(ctx, "rand.intn", {str("key"), num("-100")}).value(), a.value());
  EXPECT_EQ(show(call("rand.intn", {str("k"), num("0")})), "0");
  EXPECT_EQ(show(call("rand.intn", {str("k"), num("1.5")})),
            type_error("rand.intn: operand 2 must be integer number but got floating-point number"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
