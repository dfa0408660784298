// Constants as Rego literals: every kind prints and reads back to an equal value with the
// same text (literal numbers, sets vs arrays, non-string keys), and bad text is refused.
#include "ir/value_text.h"

#include <gtest/gtest.h>

namespace arcane::ir {
namespace {

std::string round_trip(std::string_view text) {
  size_t pos = 0;
  runtime::Result<runtime::Value> v = parse_value_text(text, pos);
  EXPECT_TRUE(v.ok()) << text << ": " << (v.ok() ? "" : v.error().message);
  if (!v.ok()) return "<error>";
  EXPECT_EQ(pos, text.size()) << text;
  return value_text(*v);
}

TEST(ValueText, ScalarsKeepTheirText) {
  for (std::string_view t : {"null", "true", "false", "0", "-7", "1.0", "1.50", "1e3", "12345678901234567890123",
                             "\"\"", "\"a\\nb\\\"c\"", "\"<&>\"", "\"\\u00e9t\\u00e9\""}) {
    std::string want(t);
    if (t == "\"\\u00e9t\\u00e9\"") want = "\"\xc3\xa9t\xc3\xa9\"";
    EXPECT_EQ(round_trip(t), want);
  }
}

TEST(ValueText, Composites) {
  EXPECT_EQ(round_trip("[]"), "[]");
  EXPECT_EQ(round_trip("{}"), "{}");
  EXPECT_EQ(round_trip("set()"), "set()");
  EXPECT_EQ(round_trip("set( )"), "set()");
  EXPECT_EQ(round_trip("[1, [2, {}], \"x\"]"), "[1, [2, {}], \"x\"]");
  EXPECT_EQ(round_trip("{\"b\": 1, \"a\": 2}"), "{\"a\": 2, \"b\": 1}");
  EXPECT_EQ(round_trip("{3, 1, 2, 1}"), "{1, 2, 3}");
  EXPECT_EQ(round_trip("{1: \"one\", [2]: {3}}"), "{1: \"one\", [2]: {3}}");
  EXPECT_EQ(round_trip("{ {1}: set() }"), "{{1}: set()}");
}

TEST(ValueText, SetsAndArraysDiffer) {
  size_t p1 = 0, p2 = 0;
  auto a = parse_value_text("[1]", p1);
  auto s = parse_value_text("{1}", p2);
  ASSERT_TRUE(a.ok() && s.ok());
  EXPECT_TRUE(a->is_array());
  EXPECT_TRUE(s->is_set());
}

TEST(ValueText, ReadsFromTheMiddle) {
  std::string_view text = "dot l2, \"key\" -> l3";
  size_t pos = 7;
  auto v = parse_value_text(text, pos);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->string_view(), "key");
  EXPECT_EQ(text.substr(pos), " -> l3");
}

TEST(ValueText, RejectsBadText) {
  for (std::string_view t :
       {"", "[", "[1,", "[1 2]", "{1: 2, 3}", "{1, 2: 3}", "\"open", "nul", "01", "1.", "set(", "@", "{\"a\" 1}"}) {
    size_t pos = 0;
    auto v = parse_value_text(t, pos);
    EXPECT_FALSE(v.ok()) << t;
    if (!v.ok()) {
      EXPECT_EQ(v.error().code, "ir_parse_error");
    }
  }
}

TEST(ValueText, CapsNesting) {
  std::string deep(100000, '[');
  size_t pos = 0;
  auto v = parse_value_text(deep, pos);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace arcane::ir
