// Numbers: exactness, OPA's equality across spellings, literal round trips, limits.
#include <gtest/gtest.h>

#include <cmath>

#include "runtime/number.h"

namespace arcane::runtime {
namespace {

Number num(std::string_view text) {
  std::optional<Number> n = Number::from_text(text);
  EXPECT_TRUE(n.has_value()) << text;
  return n ? *n : Number();
}

std::string str(const std::optional<Number>& n) { return n ? n->to_string() : "<none>"; }

TEST(Number, AcceptsExactlyJsonSyntax) {
  for (const char* ok : {"0", "-0", "1", "-12", "0.5", "1.50", "1e3", "1E+3", "2.5e-3", "123456789012345678901234567890"}) {
    EXPECT_TRUE(Number::from_text(ok).has_value()) << ok;
  }
  for (const char* bad : {"", "-", "01", "+1", "1.", ".5", "1e", "1e+", "0x10", "1 ", " 1", "NaN", "Infinity", "1.2.3"}) {
    EXPECT_FALSE(Number::from_text(bad).has_value()) << bad;
  }
}

TEST(Number, LiteralTextSurvives) {
  for (const char* text : {"1.50", "1e3", "0.1", "-0", "-0.0", "1.0", "100", "2.5E-3", "0.000", "-12.340",
                           "123456789012345678901234567890", "1e400", "-9223372036854775808"}) {
    EXPECT_EQ(num(text).to_string(), text);
  }
}

TEST(Number, EqualAcrossSpellingsAndHashEqual) {
  const char* ones[] = {"1", "1.0", "1.00", "1e0", "10e-1", "0.1e1", "100e-2"};
  for (const char* a : ones) {
    for (const char* b : ones) {
      EXPECT_EQ(num(a), num(b)) << a << " vs " << b;
      EXPECT_EQ(num(a).hash(), num(b).hash()) << a << " vs " << b;
    }
  }
  EXPECT_EQ(num("0"), num("-0.0"));
  EXPECT_EQ(num("0").hash(), num("-0.0").hash());
  EXPECT_EQ(num("1.5").hash(), num("1.50000").hash());
  EXPECT_EQ(num("1e20").hash(), num("100000000000000000000").hash());
  EXPECT_EQ(num("1000").hash(), Number::from_int64(1000).hash());
  EXPECT_NE(num("1.5"), num("1.05"));
}

TEST(Number, OrdersNumerically) {
  const char* ascending[] = {"-1e400", "-18446744073709551616", "-9223372036854775808", "-1.5", "-1",
                             "-0.001",  "0",                     "1e-400",               "0.1",  "0.25",
                             "1",       "1.0000000000000000001", "9.5",                  "10.0", "9223372036854775807",
                             "9223372036854775808", "1e19", "1e400"};
  size_t n = std::size(ascending);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      int want = (i > j) - (i < j);
      EXPECT_EQ(num(ascending[i]).compare(num(ascending[j])), want) << ascending[i] << " vs " << ascending[j];
    }
  }
}

TEST(Number, TenPointZeroIsNotOne) {
  // OPA's NumberCompare trims trailing ".0" characters with TrimRight, which makes it
  // call 10.0 and 1 equal; we compare exactly.
  EXPECT_NE(num("10.0"), num("1"));
  EXPECT_EQ(num("10.0"), num("10"));
}

TEST(Number, BigIntegerArithmeticIsExact) {
  Number a = num("1152921504606846976000");
  EXPECT_EQ(str(multiply(a, Number::from_int64(1000))), "1152921504606846976000000");
  Number max = Number::from_int64(INT64_MAX);
  EXPECT_EQ(str(add(max, Number::from_int64(1))), "9223372036854775808");
  EXPECT_EQ(str(multiply(max, max)), "85070591730234615847396907784232501249");
  EXPECT_EQ(str(subtract(Number::from_int64(INT64_MIN), Number::from_int64(1))), "-9223372036854775809");
  Number two64 = num("18446744073709551616");
  EXPECT_EQ(str(multiply(two64, two64)), "340282366920938463463374607431768211456");
  EXPECT_EQ(str(subtract(*add(two64, Number::from_int64(5)), two64)), "5");
  EXPECT_TRUE(subtract(*add(two64, Number::from_int64(5)), two64)->is_small_int());
}

TEST(Number, DecimalArithmeticIsExact) {
  EXPECT_EQ(str(add(num("0.1"), num("0.2"))), "0.3");
  EXPECT_EQ(str(subtract(num("1.5"), num("0.5"))), "1");
  EXPECT_EQ(str(multiply(num("1.5"), num("1.5"))), "2.25");
  EXPECT_EQ(str(add(num("1e3"), num("1"))), "1001");
  EXPECT_EQ(str(multiply(num("0.001"), num("0.001"))), "0.000001");
  EXPECT_EQ(str(add(num("1e30"), num("0.5"))), "1000000000000000000000000000000.5");
  EXPECT_EQ(str(multiply(num("123456789012345678901234567890.5"), num("2"))), "246913578024691357802469135781");
  EXPECT_EQ(str(subtract(num("0.3"), num("0.1"))), "0.2");
}

TEST(Number, Conversions) {
  EXPECT_EQ(num("1.0").to_int64(), 1);
  EXPECT_EQ(num("1e3").to_int64(), 1000);
  EXPECT_EQ(num("-42").to_int64(), -42);
  EXPECT_FALSE(num("1.5").to_int64().has_value());
  EXPECT_FALSE(num("9223372036854775808").to_int64().has_value());
  EXPECT_TRUE(num("2.000").is_integer());
  EXPECT_TRUE(num("1e20").is_integer());
  EXPECT_FALSE(num("1e-20").is_integer());
  EXPECT_DOUBLE_EQ(num("0.1").to_double(), 0.1);
  EXPECT_DOUBLE_EQ(num("1.5e300").to_double(), 1.5e300);
  EXPECT_TRUE(std::isinf(num("1e400").to_double()));
  EXPECT_EQ(num("-1e-400").to_double(), 0.0);
  EXPECT_EQ(Number::from_uint64(18446744073709551615ULL).to_string(), "18446744073709551615");
  EXPECT_EQ(Number::from_uint64(18446744073709551615ULL), num("18446744073709551615"));
}

TEST(Number, RefusesAbsurdResults) {
  EXPECT_FALSE(Number::from_text("1e2000000000").has_value());
  Number huge = num("1e900000000");
  EXPECT_EQ(huge.compare(Number::from_int64(1)), 1);  // decided without materializing
  EXPECT_FALSE(add(huge, Number::from_int64(1)).has_value());
  EXPECT_EQ(str(multiply(huge, Number::from_int64(2))), "2e+900000000");
}

TEST(Number, CopiesShareHeapNodes) {
  Number a = num("123456789012345678901234567890");
  Number b = a;
  Number c = std::move(a);
  EXPECT_EQ(b, c);
  a = b;
  EXPECT_EQ(a.to_string(), "123456789012345678901234567890");
}

}  // namespace
}  // namespace arcane::runtime

namespace arcane::runtime {
namespace {

std::string rem_text(std::string_view a, std::string_view b) {
  std::optional<Number> r = remainder(*Number::from_text(a), *Number::from_text(b));
  return r ? r->to_string() : "<none>";
}

TEST(NumberRemainder, TruncatedLikeGo) {
  EXPECT_EQ(rem_text("7", "4"), "3");
  EXPECT_EQ(rem_text("-7", "4"), "-3");
  EXPECT_EQ(rem_text("7", "-4"), "3");
  EXPECT_EQ(rem_text("-9223372036854775808", "-1"), "0");
  EXPECT_EQ(rem_text("10", "18446744073709551616"), "10");
  EXPECT_EQ(rem_text("5", "55340232221128654848"), "5");
  EXPECT_EQ(rem_text("100", "-18446744073709551616"), "100");
  EXPECT_EQ(rem_text("18446744073709551617", "18446744073709551616"), "1");
  EXPECT_EQ(rem_text("-18446744073709551617", "18446744073709551616"), "-1");
  EXPECT_EQ(rem_text("7.0", "2"), "1");
  EXPECT_EQ(rem_text("1e3", "7"), "6");
  EXPECT_EQ(rem_text("3e5", "2e3"), "0");
  EXPECT_EQ(rem_text("12e5", "7e3"), "3000");
  EXPECT_EQ(rem_text("5", "1e30"), "5");
}

TEST(NumberRemainder, HugeExponentsStayCheap) {
  // 10^900000000 mod 7: 10^6 ≡ 1 (mod 7) and 900000000 is a multiple of 6.
  EXPECT_EQ(rem_text("1e900000000", "7"), "1");
  EXPECT_EQ(rem_text("-3e900000000", "7"), "-3");
}

TEST(NumberRemainder, RefusesNonIntegersAndZero) {
  EXPECT_EQ(rem_text("1.5", "1"), "<none>");
  EXPECT_EQ(rem_text("1", "0.5"), "<none>");
  EXPECT_EQ(rem_text("1", "0"), "<none>");
  EXPECT_EQ(rem_text("1", "0.0"), "<none>");
}

}  // namespace
}  // namespace arcane::runtime
