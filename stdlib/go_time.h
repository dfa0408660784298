// Go's time package, the parts OPA's time built-ins expose: instants in a location,
// Go's layout strings (time.Parse and Time.Format), time.ParseDuration, time.Date's
// normalisation and Time.AddDate.
//
// OPA's results are whatever Go's time package computes, error texts included
// (`parsing time "x" as "2006-01-02": cannot parse "x" as "2006"`), so this file follows
// Go's algorithms step by step rather than a general date library's: a layout is read
// chunk by chunk exactly as Go's nextStdChunk reads it, and time.Date resolves a local
// time that falls in a DST gap or overlap the way Go does. Time zone data (offsets and
// abbreviations) comes from the system's IANA database through the date library; the
// calendar arithmetic is proleptic Gregorian over int64 seconds, as Go's is.
//
// Parsing interprets zone abbreviations and offsets against Go's Local location, which
// we take to be UTC (OPA is run with UTC as its local zone in the conformance suite).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace arcane::stdlib::gotime {

// A location: UTC or a zone of the IANA database. Cheap to copy.
class Zone {
 public:
  Zone() = default;  // UTC
  // Go's time.LoadLocation: "" and "UTC" are UTC, "Local" the system's zone; an error
  // text ("unknown time zone X") when the name is not in the database.
  static std::variant<Zone, std::string> load(std::string_view name);

  struct Period {
    std::string name;  // abbreviation ("PST"); "UTC" for UTC
    int offset = 0;    // seconds east of UTC
    int64_t start = INT64_MIN;  // the period's bounds in Unix seconds, [start, end)
    int64_t end = INT64_MAX;
  };
  Period lookup(int64_t unix_sec) const;

  bool operator==(const Zone& o) const { return tz_ == o.tz_; }

 private:
  const void* tz_ = nullptr;  // a date::time_zone, or null for UTC
};

// An instant and the location it is shown in.
struct Time {
  int64_t sec = 0;   // Unix seconds
  int32_t nsec = 0;  // [0, 1e9)
  Zone zone;
};

Time from_unix_nano(int64_t ns, Zone zone = {});
// The instant as Unix nanoseconds; nullopt outside int64 (OPA's "time outside of valid range").
std::optional<int64_t> unix_nano(const Time& t);

// The wall clock of t in its zone.
struct Civil {
  int64_t year = 0;
  int month = 1;  // 1..12
  int day = 1;
  int hour = 0, minute = 0, second = 0;
  int weekday = 0;  // 0 = Sunday
  int yday = 1;     // 1..366
};
Civil civil(const Time& t);

extern const char* const kLongDayNames[7];
extern const char* const kLongMonthNames[12];
int days_in_month(int month, int64_t year);

// Go's time.Date: fields out of range are normalised (October 32 is November 1); a
// local time in a gap or overlap resolves as Go's does. nullopt if it overflows int64.
std::optional<Time> make_date(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute, int64_t second,
                              int64_t nsec, Zone zone);
// Go's Time.AddDate.
std::optional<Time> add_date(const Time& t, int64_t years, int64_t months, int64_t days);

// Go's Time.Format with a layout ("2006-01-02T15:04:05Z07:00").
std::string format(const Time& t, std::string_view layout);
// Go's time.Parse; the error is Go's ParseError text.
std::variant<Time, std::string> parse(std::string_view layout, std::string_view value);
// Go's time.ParseDuration, in nanoseconds; the error is Go's text. `day_units` adds the
// units OPA's time.parse_duration_ns accepts beyond Go's: "d" (24h), "w" (7d), "y" (365d).
std::variant<int64_t, std::string> parse_duration(std::string_view s, bool day_units = false);

// The layout names OPA accepts for Go's constants ("RFC3339" -> time.RFC3339); the
// name itself when it is not one of them.
std::string_view layout_constant(std::string_view name);

}  // namespace arcane::stdlib::gotime
