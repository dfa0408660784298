// Go's time layouts, durations and calendar (stdlib/go_time.h), with results and error
// texts taken from Go's time package.
#include "stdlib/go_time.h"

#include <gtest/gtest.h>

namespace arcane::stdlib::gotime {
namespace {

// Parsed as Unix nanoseconds, or the error text.
std::string parsed(std::string_view layout, std::string_view value) {
  auto r = parse(layout_constant(layout), value);
  if (auto* err = std::get_if<std::string>(&r)) return *err;
  std::optional<int64_t> ns = unix_nano(std::get<Time>(r));
  return ns ? std::to_string(*ns) : "out of range";
}

std::string duration(std::string_view s) {
  auto r = parse_duration(s);
  if (auto* err = std::get_if<std::string>(&r)) return *err;
  return std::to_string(std::get<int64_t>(r));
}

Zone zone(std::string_view name) {
  auto z = Zone::load(name);
  EXPECT_TRUE(std::holds_alternative<Zone>(z)) << name;
  return std::holds_alternative<Zone>(z) ? std::get<Zone>(z) : Zone();
}

TEST(GoTime, ParsesLayouts) {
  EXPECT_EQ(parsed("2006-01-02T15:04:05Z07:00", "2017-06-02T19:00:00-07:00"), "1496455200000000000");
  EXPECT_EQ(parsed("01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700"), "1496455200000000000");
  EXPECT_EQ(parsed("02 Jan 06 15:04 -0700", "02 Jun 17 19:00 -0700"), "1496455200000000000");
  EXPECT_EQ(parsed("RFC822Z", "02 Jun 17 19:00 -0700"), "1496455200000000000");
  EXPECT_EQ(parsed("2006-01-02", "2020-02-29"), "1582934400000000000");
  EXPECT_EQ(parsed("RFC3339", "1677-09-21T00:12:43.145224192-00:00"), "-9223372036854775808");
  EXPECT_EQ(parsed("RFC3339", "2262-04-11T23:47:16.854775807-00:00"), "9223372036854775807");
  EXPECT_EQ(parsed("RFC3339", "2262-04-11T23:47:16.854775808-00:00"), "out of range");
  EXPECT_EQ(parsed("RFC3339", "1970-01-01T00:00:00Z"), "0");
  EXPECT_EQ(parsed("2006 Jan _2 15:04:05.000", "1970 Feb  3 04:05:06.789"), "2865906789000000");
  EXPECT_EQ(parsed("2006-01-02 15:04:05", "2021-03-04 05:06:07.5"), "1614834367500000000");  // fraction not in layout
  EXPECT_EQ(parsed("3:04pm", "12:30am"), "out of range");  // year 0
  EXPECT_EQ(parsed("2006 3:04pm", "1970 12:30am"), "1800000000000");
  EXPECT_EQ(parsed("2006-002", "2020-060"), "1582934400000000000");  // day of year in a leap year
  EXPECT_EQ(parsed("RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"), "1136214245000000000");  // MST: offset 0
  EXPECT_EQ(parsed("RFC1123", "Mon, 02 Jan 2006 15:04:05 UTC"), "1136214245000000000");
}

TEST(GoTime, ParseErrorsAreGos) {
  EXPECT_EQ(parsed("2006-01-02", "2020-13-01"), R"(parsing time "2020-13-01": month out of range)");
  EXPECT_EQ(parsed("2006-01-02", "2021-02-29"), R"(parsing time "2021-02-29": day out of range)");
  EXPECT_EQ(parsed("2006-01-02", "20-01-01"),
            R"(parsing time "20-01-01" as "2006-01-02": cannot parse "20-01-01" as "2006")");
  EXPECT_EQ(parsed("2006-01-02", "2020-01-01x"), R"(parsing time "2020-01-01x": extra text: "x")");
  EXPECT_EQ(parsed("2006-01-02", "2020/01/01"),
            R"(parsing time "2020/01/01" as "2006-01-02": cannot parse "/01/01" as "-")");
  EXPECT_EQ(parsed("RFC3339", "nope"), R"(parsing time "nope" as "2006-01-02T15:04:05Z07:00": cannot parse "nope" as "2006")");
  EXPECT_EQ(parsed("15:04", "25:00"), R"(parsing time "25:00": hour out of range)");
  EXPECT_EQ(parsed("2006", "\xC3\xA9"), R"(parsing time "\xc3\xa9" as "2006": cannot parse "\xc3\xa9" as "2006")");
}

TEST(GoTime, Formats) {
  Time t = from_unix_nano(1670006453141828752);
  EXPECT_EQ(format(t, layout_constant("RFC3339Nano")), "2022-12-02T18:40:53.141828752Z");
  Time kolkata = from_unix_nano(1670006453141828752, zone("Asia/Kolkata"));
  EXPECT_EQ(format(kolkata, layout_constant("RFC3339Nano")), "2022-12-03T00:10:53.141828752+05:30");
  EXPECT_EQ(format(kolkata, "Mon Jan 02 15:04:05 -0700 2006"), "Sat Dec 03 00:10:53 +0530 2022");
  EXPECT_EQ(format(kolkata, layout_constant("RFC1123Z")), "Sat, 03 Dec 2022 00:10:53 +0530");
  EXPECT_EQ(format(kolkata, layout_constant("RFC1123")), "Sat, 03 Dec 2022 00:10:53 IST");
  EXPECT_EQ(format(t, layout_constant("UnixDate")), "Fri Dec  2 18:40:53 UTC 2022");
  EXPECT_EQ(format(t, "3:04:05.000PM Z07 __2 002 January Monday"), "6:40:53.141PM Z 336 336 December Friday");
  EXPECT_EQ(format(*make_date(0, 1, 1, 0, 0, 0, 1, Zone()), "2006-01-02 15:04:05.999999999"),
            "0000-01-01 00:00:00.000000001");
  EXPECT_EQ(format(*make_date(-5, 1, 1, 0, 0, 0, 0, Zone()), "2006 06"), "-0005 05");
  Time la = from_unix_nano(1517814000000000000, zone("America/Los_Angeles"));
  EXPECT_EQ(format(la, "2006-01-02 15:04 MST -07:00:00"), "2018-02-04 23:00 PST -08:00:00");
}

// Found by fuzz_builtins (UBSan: signed overflow splitting the earliest instants).
TEST(GoTime, EarliestInstantSplitsIntoSecondsAndNanos) {
  Time t = from_unix_nano(INT64_MIN);
  EXPECT_EQ(t.sec, -9'223'372'037);
  EXPECT_EQ(t.nsec, 145'224'192);
  EXPECT_EQ(unix_nano(t), INT64_MIN);
  EXPECT_EQ(format(t, layout_constant("RFC3339Nano")), "1677-09-21T00:12:43.145224192Z");
  Time late = from_unix_nano(-1);
  EXPECT_EQ(late.sec, -1);
  EXPECT_EQ(late.nsec, 999'999'999);
}

TEST(GoTime, ParsesDurations) {
  EXPECT_EQ(duration("100ms"), "100000000");
  EXPECT_EQ(duration("-1.5h"), "-5400000000000");
  EXPECT_EQ(duration("2h45m0.5s"), "9900500000000");
  EXPECT_EQ(duration("1\xC2\xB5s"), "1000");
  EXPECT_EQ(duration("0"), "0");
  EXPECT_EQ(duration(".5s"), "500000000");
  EXPECT_EQ(duration(""), R"(time: invalid duration "")");
  EXPECT_EQ(duration("1"), R"(time: missing unit in duration "1")");
  EXPECT_EQ(duration("1d"), R"(time: unknown unit "d" in duration "1d")");
  EXPECT_EQ(duration("9223372036854775807ns"), "9223372036854775807");
  EXPECT_EQ(duration("9223372036854775808ns"), R"(time: invalid duration "9223372036854775808ns")");
  EXPECT_EQ(duration("-9223372036854775808ns"), "-9223372036854775808");
}

TEST(GoTime, DatesNormaliseAndResolveGaps) {
  // October 32 is November 1.
  std::optional<Time> t = make_date(2021, 10, 32, 0, 0, 0, 0, Zone());
  ASSERT_TRUE(t);
  Civil c = civil(*t);
  EXPECT_EQ(c.month, 11);
  EXPECT_EQ(c.day, 1);
  // 02:30 on the spring-forward day in New York does not exist; Go's offset lookup
  // lands on 01:30 EST.
  Zone ny = zone("America/New_York");
  t = make_date(2021, 3, 14, 2, 30, 0, 0, ny);
  ASSERT_TRUE(t);
  EXPECT_EQ(format(*t, "15:04 MST"), "01:30 EST");
  // 01:30 on the fall-back day happens twice; Go picks the first (EDT).
  t = make_date(2021, 11, 7, 1, 30, 0, 0, ny);
  ASSERT_TRUE(t);
  EXPECT_EQ(format(*t, "15:04 MST"), "01:30 EDT");
  std::optional<Time> added = add_date(from_unix_nano(1585852421593912000), 3, 9, 12);
  ASSERT_TRUE(added);
  EXPECT_EQ(unix_nano(*added), 1705257221593912000);
}

TEST(GoTime, LoadsZonesAsGoDoes) {
  EXPECT_TRUE(std::holds_alternative<Zone>(Zone::load("")));
  EXPECT_TRUE(std::holds_alternative<Zone>(Zone::load("Local")));
  EXPECT_EQ(std::get<std::string>(Zone::load("Mars/Olympus")), "unknown time zone Mars/Olympus");
  EXPECT_EQ(std::get<std::string>(Zone::load("../etc/passwd")), "time: invalid location name");
}

}  // namespace
}  // namespace arcane::stdlib::gotime
