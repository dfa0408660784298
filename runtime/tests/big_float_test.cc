// BigFloat against Go's big.Float. The expected texts come from a model of big.Float
// written separately on exact rationals (round to nearest even at the precision, then
// Go's shortest-digits walk), so each case checks rounding and printing together.
#include "runtime/big_float.h"

#include <gtest/gtest.h>

namespace arcane::runtime {
namespace {

BigFloat flt(std::string_view text) {
  std::optional<Number> n = Number::from_text(text);
  EXPECT_TRUE(n.has_value()) << text;
  std::optional<BigFloat> f = BigFloat::from_number(n ? *n : Number());
  EXPECT_TRUE(f.has_value()) << text;
  return f ? *f : BigFloat();
}

std::string num_text(const BigFloat& f) {
  std::optional<Number> n = f.to_number();
  return n ? n->to_string() : "<none>";
}

struct BinaryCase {
  const char* op;
  const char* a;
  const char* b;
  const char* want;
};

BigFloat apply(std::string_view op, const BigFloat& a, const BigFloat& b) {
  if (op == "add") return BigFloat::add(a, b);
  if (op == "sub") return BigFloat::sub(a, b);
  if (op == "mul") return BigFloat::mul(a, b);
  return BigFloat::quo(a, b);
}

TEST(BigFloat, BinaryOperationsMatchGo) {
  const BinaryCase cases[] = {
      {"quo", "1", "3", "0.33333333333333333334"},
      {"add", "0.1", "0.2", "0.3"},
      {"mul", "0.1", "0.2", "0.020000000000000000001"},
      {"quo", "0.1", "0.2", "0.5"},
      {"quo", "2", "3", "0.6666666666666666667"},
      {"add", "1234567.5", "1", "1.2345685e+06"},
      {"quo", "1234567.5", "1", "1.2345675e+06"},
      {"mul", "0", "-5", "-0"},
      {"quo", "0", "-5", "-0"},
      {"add", "-0", "5", "5"},
      {"sub", "-0", "5", "-5"},
      {"quo", "1", "100000", "1e-05"},
      {"add", "1.5", "2.5", "4"},
      {"mul", "1.5", "2.5", "3.75"},
      {"quo", "1.5", "2.5", "0.6"},
      {"add", "18446744073709551618", "2", "18446744073709551620"},
      {"quo", "18446744073709551618", "2", "9223372036854775809"},
      {"quo", "10", "4", "2.5"},
      {"sub", "0.3", "0.1", "0.20000000000000000002"},
      {"quo", "0.3", "0.1", "3"},
      {"add", "1e-20", "3", "3"},
      {"quo", "1e-20", "3", "3.3333333333333333334e-21"},
      {"add", "123456789.123456789", "987654321.987654321", "1.11111111111111111e+09"},
      {"sub", "123456789.123456789", "987654321.987654321", "-8.64197532864197532e+08"},
      {"mul", "123456789.123456789", "987654321.987654321", "1.2193263135650053134e+17"},
      {"quo", "123456789.123456789", "987654321.987654321", "0.12499999886093750001"},
      {"add", "5", "1e-300", "5"},
      {"mul", "5", "1e-300", "4.9999999999999999997e-300"},
      {"add", "1e30", "1.5", "1000000000000000000000000000000"},
      {"quo", "1e30", "1.5", "666666666666666666700000000000"},
      {"sub", "-2.5", "0.5", "-3"},
      {"add", "0.1", "-0.1", "0"},
      {"mul", "0.1", "-0.1", "-0.010000000000000000001"},
      {"quo", "1.000000000000000000000000000001", "3", "0.33333333333333333334"},
      {"mul", "1.5e-60", "7", "1.05e-59"},
      {"quo", "1.5e-60", "7", "2.1428571428571428573e-61"},
      {"quo", "2.5e70", "3.3", "7575757575757575757000000000000000000000000000000000000000000000000000"},
      {"add", "100000.5", "1", "100001.5"},
      {"sub", "0.00001234", "1", "-0.99998766"},
      {"mul", "0.00001234", "1", "1.234e-05"},
      {"add", "1e21", "0.5", "1000000000000000000000"},
      {"sub", "99999999999999999999", "0.1", "100000000000000000000"},
  };
  for (const BinaryCase& c : cases) {
    EXPECT_EQ(num_text(apply(c.op, flt(c.a), flt(c.b))), c.want) << c.a << " " << c.op << " " << c.b;
  }
}

TEST(BigFloat, ConversionFromLiteralsRoundTrips) {
  const std::pair<const char*, const char*> cases[] = {
      {"0.1", "0.1"}, {"1.5e-60", "1.5e-60"}, {"123.456e-2", "1.23456"},
      {"-0.0", "-0"}, {"1e-7", "1e-07"},      {"12345678901234567890123", "12345678901234567890000"},
      {"0.1e1", "1"}, {"-0", "-0"},           {"7", "7"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(num_text(flt(in)), want) << in;
}

// OPA's round/ceil/floor on floats, built the way topdown builds them.
BigFloat opa_round(const BigFloat& a) {
  BigFloat half = BigFloat::from_parts(1, -1, 53);
  return (a.signbit() ? BigFloat::sub(a, half) : BigFloat::add(a, half)).truncated();
}
BigFloat opa_ceil(const BigFloat& a) {
  BigFloat f = a.truncated();
  if (f.signbit() || a.cmp(f) == 0) return f;
  return BigFloat::add(f, BigFloat::from_parts(1, 0, 53));
}
BigFloat opa_floor(const BigFloat& a) {
  BigFloat f = a.truncated();
  if (!f.signbit() || a.cmp(f) == 0) return f;
  return BigFloat::sub(f, BigFloat::from_parts(1, 0, 53));
}

TEST(BigFloat, TruncationBasedRoundingMatchesOpa) {
  struct Case {
    const char* in;
    const char* round;
    const char* ceil;
    const char* floor;
  };
  const Case cases[] = {
      {"2.5", "3", "3", "2"},
      {"-2.5", "-3", "-2", "-3"},
      {"0.49999999999999999999", "1", "1", "0"},  // x + 0.5 rounds up at 64 bits
      {"0.4999999999999999999", "0", "1", "0"},
      {"-0.5", "-1", "1", "0"},  // OPA's ceil(-0.5) is 1 and floor(-0.5) is 0
      {"1.01", "1", "2", "1"},
      {"-1.99999", "-2", "-1", "-2"},
      {"2222.2222222222", "2222", "2223", "2222"},
      {"99.99999", "100", "100", "99"},
      {"-1.001", "-1", "-1", "-2"},
      {"1e30", "1000000000000000000024696061952", "1000000000000000000024696061952", "1000000000000000000024696061952"},
      {"-0.0000001", "0", "1", "0"},
  };
  for (const Case& c : cases) {
    BigFloat x = flt(c.in);
    EXPECT_EQ(num_text(opa_round(x)), c.round) << c.in;
    EXPECT_EQ(num_text(opa_ceil(x)), c.ceil) << c.in;
    EXPECT_EQ(num_text(opa_floor(x)), c.floor) << c.in;
  }
}

TEST(BigFloat, ExplicitPrecisionRoundsEveryStep) {
  // OPA's product starts from big.NewFloat(1): 53 bits, so doubles' results.
  BigFloat p = BigFloat::from_parts(1, 0, 53);
  p = BigFloat::mul(p, flt("0.1"), 53);
  p = BigFloat::mul(p, flt("3"), 53);
  EXPECT_EQ(num_text(p), "0.30000000000000004");
  EXPECT_EQ(p.prec(), 53u);
  // OPA's sum starts from new(big.Float): the first add takes the operand's 64 bits.
  BigFloat s;
  for (const char* x : {"0.1", "0.2", "0.3"}) s = BigFloat::add(s, flt(x));
  EXPECT_EQ(num_text(s), "0.6");
  EXPECT_EQ(s.prec(), 64u);
}

TEST(BigFloat, TextFormats) {
  BigFloat x = flt("1234567.5");
  EXPECT_EQ(x.text('e'), "1.2345675e+06");
  EXPECT_EQ(x.text('f'), "1234567.5");
  EXPECT_EQ(x.text('g'), "1.2345675e+06");
  EXPECT_EQ(flt("0.0001").text('g'), "0.0001");
  EXPECT_EQ(flt("0.00001").text('g'), "1e-05");
  EXPECT_EQ(flt("100000.5").text('g'), "100000.5");
  EXPECT_EQ(BigFloat().text('g'), "0");
  EXPECT_EQ(BigFloat().text('e'), "0e+00");
}

TEST(BigFloat, FarApartOperandsStayCheap) {
  // Exact alignment would need a billion-bit integer; the sticky shortcut rounds alike.
  BigFloat big = flt("1e300000000"), tiny = flt("1e-300000000");
  EXPECT_EQ(BigFloat::add(big, tiny).cmp(big), 0);
  EXPECT_EQ(BigFloat::sub(flt("1"), tiny).cmp(flt("1")), 0);
  EXPECT_EQ(BigFloat::add(flt("1"), tiny).cmp(flt("1")), 0);
  EXPECT_FALSE(big.to_number().has_value());  // its text would exceed a Number's digits
}

TEST(BigFloat, ComparisonAndPredicates) {
  EXPECT_EQ(flt("-0").cmp(flt("0")), 0);
  EXPECT_LT(flt("-1.5").cmp(flt("-1.25")), 0);
  EXPECT_GT(flt("1e10").cmp(flt("9999999999.5")), 0);
  EXPECT_TRUE(flt("1.0").is_int());
  EXPECT_FALSE(flt("1.5").is_int());
  EXPECT_TRUE(BigFloat().is_int());
  EXPECT_TRUE(flt("-0").signbit());
  EXPECT_FALSE(flt("-0.5").truncated().signbit());  // Go's SetInt(0) is +0
}

}  // namespace
}  // namespace arcane::runtime
