// Time built-ins through the table: OPA's conformance expectations (v1/time), operand
// errors, time zones, and the range errors.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(Time, NowIsTheEvaluationsClock) {
  BuiltinContext ctx(1234);
  EXPECT_EQ(show(call(ctx, "time.now_ns", {})), "1234");
  EXPECT_EQ(show(call(ctx, "time.now_ns", {})), "1234");
}

TEST(Time, Parse) {
  EXPECT_EQ(show(call("time.parse_ns", {str("2006-01-02T15:04:05Z07:00"), str("2017-06-02T19:00:00-07:00")})),
            "1496455200000000000");
  EXPECT_EQ(show(call("time.parse_ns", {str("RFC822Z"), str("02 Jun 17 19:00 -0700")})), "1496455200000000000");
  EXPECT_EQ(show(call("time.parse_ns", {str("2006-01-02"), str("2020-02-02")})), "1580601600000000000");
  EXPECT_EQ(show(call("time.parse_ns", {str("2006-01-02T15:04:05Z07:00"), str("1677-09-21T00:12:43.145224191-00:00")})),
            builtin_error("time.parse_ns: time outside of valid range"));
  EXPECT_EQ(show(call("time.parse_ns", {str("2006-01-02"), str("x")})),
            builtin_error(R"(time.parse_ns: parsing time "x" as "2006-01-02": cannot parse "x" as "2006")"));
  EXPECT_EQ(show(call("time.parse_ns", {num("1"), str("x")})),
            type_error("time.parse_ns: operand 1 must be string but got number"));
  EXPECT_EQ(show(call("time.parse_rfc3339_ns", {str("1970-01-01T00:00:00-00:00")})), "0");
  EXPECT_EQ(show(call("time.parse_rfc3339_ns", {str("2262-04-11T23:47:16.854775807-00:00")})), "9223372036854775807");
  EXPECT_EQ(show(call("time.parse_rfc3339_ns", {str("2262-04-11T23:47:16.854775808-00:00")})),
            builtin_error("time.parse_rfc3339_ns: time outside of valid range"));
  EXPECT_EQ(show(call("time.parse_duration_ns", {str("100ms")})), "100000000");
  EXPECT_EQ(show(call("time.parse_duration_ns", {str("1x")})),
            builtin_error(R"(time.parse_duration_ns: time: unknown unit "x" in duration "1x")"));
  // OPA's extra units (v0 conformance cases): days, weeks, 365-day years.
  EXPECT_EQ(show(call("time.parse_duration_ns", {str("1d2h")})), "93600000000000");
  EXPECT_EQ(show(call("time.parse_duration_ns", {str("1w")})), "604800000000000");
  EXPECT_EQ(show(call("time.parse_duration_ns", {str("1y")})), "31536000000000000");
}

TEST(Time, DateClockWeekday) {
  EXPECT_EQ(show(call("time.date", {num("1517814000000000000")})), "[2018,2,5]");
  EXPECT_EQ(show(call("time.date", {json(R"([1517814000000000000, "America/Los_Angeles"])")})), "[2018,2,4]");
  EXPECT_EQ(show(call("time.date", {json(R"([1517832000000000000, ""])")})), "[2018,2,5]");
  EXPECT_EQ(show(call("time.date", {num("1582977600000000000")})), "[2020,2,29]");
  EXPECT_EQ(show(call("time.date", {num("1582977600000000000000")})), builtin_error("time.date: timestamp too big"));
  EXPECT_EQ(show(call("time.date", {num("1.5")})), builtin_error("time.date: timestamp too big"));
  EXPECT_EQ(show(call("time.date", {num("-1")})), "[1969,12,31]");
  EXPECT_EQ(show(call("time.clock", {num("1517832000000000000")})), "[12,0,0]");
  EXPECT_EQ(show(call("time.clock", {json(R"([1517832000000000000, "America/New_York"])")})), "[7,0,0]");
  EXPECT_EQ(show(call("time.weekday", {num("1517832000000000000")})), R"("Monday")");
  EXPECT_EQ(show(call("time.weekday", {num("1518350400000000000")})), R"("Sunday")");
  EXPECT_EQ(show(call("time.weekday", {json(R"([1518350400000000000, "Mars/Olympus"])")})),
            builtin_error("time.weekday: unknown time zone Mars/Olympus"));
  EXPECT_EQ(show(call("time.date", {json("[]")})),
            type_error("time.date: operand 1 must be either number (ns) or [number (ns), string (tz)] but got array"));
  EXPECT_EQ(show(call("time.date", {str("x")})),
            type_error("time.date: operand 1 must be either number (ns) or [number (ns), string (tz)] but got string"));
  EXPECT_EQ(show(call("time.date", {json(R"(["x"])")})),
            type_error("time.date: operand 1 must be number but got string"));
  EXPECT_EQ(show(call("time.date", {json("[1, 2]")})), type_error("time.date: operand 1 must be string but got number"));
}

TEST(Time, AddDate) {
  EXPECT_EQ(show(call("time.add_date", {num("1585852421593912000"), num("3"), num("9"), num("12")})),
            "1705257221593912000");
  EXPECT_EQ(show(call("time.add_date", {num("1585852421593912000"), num("-1"), num("-1"), num("-1")})),
            "1551465221593912000");
  EXPECT_EQ(show(call("time.add_date", {num("0"), num("2262"), num("1"), num("1")})),
            builtin_error("time.add_date: time outside of valid range"));
  EXPECT_EQ(show(call("time.add_date", {num("-9223372036854775808"), num("0"), num("0"), num("-1")})),
            builtin_error("time.add_date: time outside of valid range"));
  // Found by fuzz_builtins (UBSan: signed overflow normalising a month near INT64_MIN).
  EXPECT_EQ(show(call("time.add_date", {num("0"), num("0"), num("-9223372036854775807"), num("0")})),
            builtin_error("time.add_date: time outside of valid range"));
  EXPECT_EQ(show(call("time.add_date", {num("0"), num("0"), num("0"), num("-9223372036854775807")})),
            builtin_error("time.add_date: time outside of valid range"));
  EXPECT_EQ(show(call("time.add_date", {num("0"), num("1.5"), num("0"), num("0")})),
            type_error("time.add_date: operand 2 must be integer number but got floating-point number"));
  EXPECT_EQ(show(call("time.add_date", {num("0"), num("0"), str("x"), num("0")})),
            type_error("time.add_date: operand 3 must be number but got string"));
}

TEST(Time, Diff) {
  EXPECT_EQ(show(call("time.diff", {num("61000000000"), num("0")})), "[0,0,0,0,1,1]");
  EXPECT_EQ(show(call("time.diff", {json(R"([60000000000, "UTC"])"), json(R"([0, "Asia/Shanghai"])")})),
            "[0,0,0,0,1,0]");
  EXPECT_EQ(show(call("time.diff", {num("1580601600000000000"), num("1583020800000000000")})), "[0,0,28,0,0,0]");
  EXPECT_EQ(show(call("time.diff", {num("1612224000000000000"), num("1614556800000000000")})), "[0,0,27,0,0,0]");
  EXPECT_EQ(show(call("time.diff", {num("1078012800000000000"), num("1109635200000000000")})), "[1,0,1,0,0,0]");
}

TEST(Time, Format) {
  EXPECT_EQ(show(call("time.format", {num("1670006453141828752")})), R"("2022-12-02T18:40:53.141828752Z")");
  EXPECT_EQ(show(call("time.format", {json(R"([1670006453141828752, "Asia/Kolkata"])")})),
            R"("2022-12-03T00:10:53.141828752+05:30")");
  EXPECT_EQ(show(call("time.format", {json(R"([1670006453141828752, "Asia/Kolkata", "Mon Jan 02 15:04:05 -0700 2006"])")})),
            R"("Sat Dec 03 00:10:53 +0530 2022")");
  EXPECT_EQ(show(call("time.format", {json(R"([1670006453141828752, "Asia/Kolkata", "RFC1123Z"])")})),
            R"("Sat, 03 Dec 2022 00:10:53 +0530")");
  EXPECT_EQ(show(call("time.format", {num("15829776000000000000000")})), builtin_error("time.format: timestamp too big"));
}


TEST(Time, ZoneNamesInValuesKeepTheInstant) {
  // Go records an unknown abbreviation (and GMT+h) as a zone without moving the instant.
  EXPECT_EQ(show(call("time.parse_ns", {str("2006-01-02 15:04 MST"), str("2020-01-01 00:00 GMT+3")})),
            "1577836800000000000");
  EXPECT_EQ(show(call("time.parse_ns", {str("2006-01-02 15:04 MST"), str("2020-01-01 00:00 PST")})),
            "1577836800000000000");
  EXPECT_EQ(show(call("time.parse_ns", {str("2006-01-02 15:04 -0700"), str("2020-01-01 00:00 +0100")})),
            "1577833200000000000");
}

TEST(Time, AddDateKeepsTheWallClockAcrossDst) {
  // 2021-03-13 12:00 in New York (EST) plus one day is 12:00 EDT: 23 hours later.
  EXPECT_EQ(show(call("time.add_date", {json(R"([1615654800000000000, "America/New_York"])"), num("0"), num("0"),
                                        num("1")})),
            "1615737600000000000");
}
}  // namespace
}  // namespace arcane::stdlib::testing
