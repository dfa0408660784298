// Tests for the parser's byte checks and literal decoding (compiler/parse/utf8.h).
#include <gtest/gtest.h>

#include "compiler/parse/utf8.h"

namespace arcane::compiler::parse {
namespace {

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(find_utf8_problem("plain ascii").kind, Utf8Problem::Kind::None);
  EXPECT_EQ(find_utf8_problem("caf\xC3\xA9 \xF0\x9F\x98\x80").kind, Utf8Problem::Kind::None);
  Utf8Problem bad = find_utf8_problem("ab\xC3(");
  EXPECT_EQ(bad.kind, Utf8Problem::Kind::Invalid);
  EXPECT_EQ(bad.offset, 2u);
  EXPECT_EQ(find_utf8_problem("\xED\xA0\x80").kind, Utf8Problem::Kind::Invalid);  // a surrogate
  EXPECT_EQ(find_utf8_problem("\xC0\xAF").kind, Utf8Problem::Kind::Invalid);      // overlong
  EXPECT_EQ(find_utf8_problem(std::string_view("a\0b", 3)).kind, Utf8Problem::Kind::Nul);
  EXPECT_EQ(find_utf8_problem("\xEF\xBB\xBFx").kind, Utf8Problem::Kind::None);  // a leading BOM
  EXPECT_EQ(find_utf8_problem("x\xEF\xBB\xBF").kind, Utf8Problem::Kind::Bom);
}

TEST(Utf8, UnescapesLikeGoJson) {
  EXPECT_EQ(unescape_string(R"(a\"b\\c\/d\b\f\n\r\t)").value(), "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(unescape_string(R"(\u00e9\u20AC)").value(), "\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(unescape_string(R"(\ud83d\ude00)").value(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(unescape_string(R"(\ud83dx)").value(), "\xEF\xBF\xBDx");  // a lone surrogate
  EXPECT_FALSE(unescape_string(R"(\q)"));
  EXPECT_FALSE(unescape_string(R"(\u12)"));
  EXPECT_FALSE(unescape_string(R"(\{)"));
  EXPECT_EQ(unescape_string(R"(\{x})", true).value(), "{x}");
  EXPECT_EQ(unescape_raw_template(R"(a\{b\c)"), R"(a{b\c)");
}

TEST(Utf8, NumberChecks) {
  EXPECT_EQ(check_number("0"), "");
  EXPECT_EQ(check_number("-0.5"), "");
  EXPECT_EQ(check_number("0e5"), "");
  EXPECT_EQ(check_number(".5"), "");
  EXPECT_EQ(check_number("12e400"), "");
  EXPECT_EQ(check_number("01"), "expected number without leading zero");
  EXPECT_EQ(check_number("-007"), "expected number without leading zero");
  EXPECT_EQ(check_number("1e99999"), "number too big");
}

}  // namespace
}  // namespace arcane::compiler::parse
