// sprintf: Go's fmt.Sprintf over Rego values as OPA converts them, and the formatter's
// corners (flags, widths, precisions, bad verbs, missing and extra operands).
#include <string>
#include <utility>
#include <vector>

#include "stdlib/go_fmt.h"
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

std::string fmt(std::string_view format, std::string_view values_json) {
  BuiltinResult r = call("sprintf", {str(format), json(values_json)});
  if (!r.has_value()) return show(r);
  return std::string(r.value().string_view());
}

TEST(Sprintf, ConformanceCases) {
  EXPECT_EQ(fmt("hi", "[]"), "hi");
  EXPECT_EQ(fmt("hi %s", R"(["there"])"), "hi there");
  EXPECT_EQ(fmt("hi %02d", "[5]"), "hi 05");
  EXPECT_EQ(fmt("hi %02X.%02X", "[127, 1]"), "hi 7F.01");
  EXPECT_EQ(fmt("hi %.2f", "[3.1415]"), "hi 3.14");
  EXPECT_EQ(fmt("hi %v", "[2e308]"), "hi 2e308");
  EXPECT_EQ(fmt("hi %s", "[true]"), "hi true");
  EXPECT_EQ(fmt("hi %v", R"([["there", 5, 3.14]])"), R"(hi ["there", 5, 3.14])");
  EXPECT_EQ(fmt("%s", "[123456789123456789123]"), "123456789123456789123");
  EXPECT_EQ(fmt("%s", "[1208925819614629174706175]"), "1208925819614629174706175");
}

TEST(Sprintf, Numbers) {
  EXPECT_EQ(fmt("%d", "[-42]"), "-42");
  EXPECT_EQ(fmt("%5d|%-5d|%+d|% d", "[1, 2, 3, 4]"), "    1|2    |+3| 4");
  EXPECT_EQ(fmt("%x %X %o %O %b %#x %#o %#b", "[255, 255, 8, 8, 5, 255, 8, 5]"), "ff FF 10 0o10 101 0xff 010 0b101");
  EXPECT_EQ(fmt("%.3d|%8.3d|%-08d|%08d", "[7, 7, 7, -7]"), "007|     007|7       |-0000007");
  EXPECT_EQ(fmt("%c%c %q %U %#U", "[72, 105, 65, 9731, 9731]"), "Hi 'A' U+2603 U+2603 '\xe2\x98\x83'");
  EXPECT_EQ(fmt("%v %d", "[1.0, 1.0]"), "1 %!d(float64=1)");
  EXPECT_EQ(fmt("%v %v %v", "[1e3, 0.000001, 1e21]"), "1000 1e-06 1e+21");
  EXPECT_EQ(fmt("%v %v", "[123456789.5, 100000000]"), "1.234567895e+08 100000000");
  EXPECT_EQ(fmt("%e %E %.2e %g %G", "[1234.5678, 1234.5678, 1234.5678, 1234.5678, 1e-7]"),
            "1.234568e+03 1.234568E+03 1.23e+03 1234.5678 1E-07");
  EXPECT_EQ(fmt("%8.3f|%-8.2f|%08.3f|%+.1f", "[3.14159, 2.5, -3.14159, 2.25]"), "   3.142|2.50    |-003.142|+2.2");
  EXPECT_EQ(fmt("%.3g %.10g %#g %#.3x", "[100000.0, 123.0, 1.5, 1.0]"), "1e+05 123 1.50000 0x1.000p+00");
  EXPECT_EQ(fmt("%b %x", "[1.0, 1.0]"), "4503599627370496p-52 0x1p+00");
  EXPECT_EQ(fmt("%d %x %X %o %b", "[18446744073709551617, 18446744073709551617, -18446744073709551617, 8, 3]"),
            "18446744073709551617 10000000000000001 -10000000000000001 10 11");
  EXPECT_EQ(fmt("%25d|%-22d|%+d|%025d", "[18446744073709551617, 18446744073709551617, 18446744073709551617, "
                                        "-18446744073709551617]"),
            "     18446744073709551617|18446744073709551617  |+18446744073709551617|-000018446744073709551617");
  EXPECT_EQ(fmt("%#x %f", "[18446744073709551617, 18446744073709551617]"),
            "0x10000000000000001 %!f(big.Int=18446744073709551617)");
}

TEST(Sprintf, Strings) {
  EXPECT_EQ(fmt("%q", R"(["a\"b\n"])"), R"("a\"b\n")");
  EXPECT_EQ(fmt("%#q %+q", "[\"ab\", \"\xc3\xa9\"]"), "`ab` \"\\u00e9\"");
  EXPECT_EQ(fmt("%x % X %#x", R"(["hi", "hi", "hi"])"), "6869 68 69 0x6869");
  EXPECT_EQ(fmt("%5s|%-5s|%.2s|%5.1s", R"(["ab", "ab", "abc", "abc"])"), "   ab|ab   |ab|    a");
  EXPECT_EQ(fmt("%05s", R"(["ab"])"), "000ab");
  EXPECT_EQ(fmt("%d", R"(["x"])"), "%!d(string=x)");
  EXPECT_EQ(fmt("%5t", R"(["x"])"), "%!t(string=    x)");
  EXPECT_EQ(fmt("%t %v %s", "[true, null, {\"a\": [1]}]"), "%!t(string=true) null {\"a\": [1]}");
  EXPECT_EQ(fmt("%v", R"([["a", {"b": null}]])"), R"(["a", {"b": null}])");
  EXPECT_EQ(fmt("%T %T %T %T", R"([1, 1.5, "s", 18446744073709551617])"), "int float64 string *big.Int");
}

// Formats of plain `%s` verbs over strings are concatenated without the printer; each
// case is checked against the printer itself, and the near misses (a flag, a width,
// another verb, a missing, extra or non-string operand, a trailing %) still print as Go.
TEST(Sprintf, PlainStringVerbsAreThePrintersOutput) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"agent %s is %s", {"old-bot", "suspended"}},
      {"%s", {"a string too long to be held inline"}},
      {"100%% of %s%s", {"a", ""}},
      {"no verbs", {}},
      {"", {}},
      {"%s %s", {"one"}},
      {"%s", {"one", "two"}},
      {"%s%", {"x"}},
      {"%5s|%-s", {"a", "b"}},
      {"%v %q", {"a", "b"}},
  };
  for (const auto& [format, operands] : cases) {
    std::string values = "[";
    std::vector<gofmt::Arg> args;
    for (const std::string& o : operands) {
      values += (values.size() > 1 ? ", \"" : "\"") + o + "\"";
      args.push_back(gofmt::Arg::of_string(o));
    }
    std::string printed;
    gofmt::sprintf_to(printed, format, args);
    EXPECT_EQ(fmt(format, values + "]"), printed) << format;
  }
  EXPECT_EQ(fmt("agent %s is %s", R"(["old-bot", "suspended"])"), "agent old-bot is suspended");
  EXPECT_EQ(fmt("%s %s", R"(["one"])"), "one %!s(MISSING)");
  EXPECT_EQ(fmt("%s has %s", R"(["n", 5])"), "n has %!s(int=5)");  // Go: a number is not a string
}

TEST(Sprintf, OperandErrors) {
  EXPECT_EQ(fmt("%d %d", "[1]"), "1 %!d(MISSING)");
  EXPECT_EQ(fmt("%d", R"([1, "a", 2.5])"), "1%!(EXTRA string=a, float64=2.5)");
  EXPECT_EQ(fmt("100%%", "[]"), "100%");
  EXPECT_EQ(fmt("%", "[]"), "%!(NOVERB)");
  EXPECT_EQ(fmt("%!", "[]"), "%!!(MISSING)");
  EXPECT_EQ(fmt("%-", "[1]"), "%!(NOVERB)%!(EXTRA int=1)");
  EXPECT_EQ(fmt("%[2]d %[1]d", "[1, 2]"), "2 1");
  EXPECT_EQ(fmt("%[3]d", "[1, 2]"), "%!d(BADINDEX)");
  EXPECT_EQ(fmt("%*d|%-*d", "[5, 1, 3, 2]"), "    1|2  ");
  EXPECT_EQ(fmt("%*d", R"(["x", 1])"), "%!(BADWIDTH)1");
  EXPECT_EQ(fmt("%.*f", "[2, 3.14159]"), "3.14");
  EXPECT_EQ(show(call("sprintf", {num("1"), json("[]")})), type_error("sprintf: operand 1 must be string but got number"));
  EXPECT_EQ(show(call("sprintf", {str("%v"), str("x")})), type_error("sprintf: operand 2 must be array but got string"));
}

TEST(GoFormatFloat, Shortest) {
  EXPECT_EQ(gofmt::format_float(0, 'g', -1), "0");
  EXPECT_EQ(gofmt::format_float(-0.0, 'g', -1), "-0");
  EXPECT_EQ(gofmt::format_float(0.1, 'g', -1), "0.1");
  EXPECT_EQ(gofmt::format_float(1e6, 'g', -1), "1e+06");
  EXPECT_EQ(gofmt::format_float(123456, 'g', -1), "123456");
  EXPECT_EQ(gofmt::format_float(0.0001, 'g', -1), "0.0001");
  EXPECT_EQ(gofmt::format_float(0.00001, 'g', -1), "1e-05");
  EXPECT_EQ(gofmt::format_float(1.5e300, 'e', -1), "1.5e+300");
  EXPECT_EQ(gofmt::format_float(2.5, 'f', 0), "2");
}

}  // namespace
}  // namespace arcane::stdlib::testing
