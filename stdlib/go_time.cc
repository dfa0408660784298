// Go's zones, instants and calendar (see go_time.h); layouts are in go_time_layout.cc,
// parsing in go_time_parse.cc.
#include "stdlib/go_time.h"

#include <date/tz.h>

#include <array>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace arcane::stdlib::gotime {

const char* const kLongDayNames[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const kLongMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};

namespace {

constexpr int64_t kSecondsPerDay = 86400;

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool is_leap(int64_t y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil, in int64).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = floor_div(y, 400);
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int64_t& y, int& m, int& d) {
  z += 719468;
  int64_t era = floor_div(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2);
}

const date::time_zone* as_tz(const void* p) {
  return static_cast<const date::time_zone*>(p);
}

// Go's norm: moves whole multiples of base from lo into hi.
bool norm(int64_t& hi, int64_t& lo, int64_t base) {
  if (lo < 0) {
    int64_t n = (-(lo + 1)) / base + 1;
    if (__builtin_sub_overflow(hi, n, &hi)) return false;
    // n * base may pass INT64_MAX when lo is near INT64_MIN; the sum lands in [0, base)
    // all the same, so add with wrapping, as Go's ints do.
    lo = static_cast<int64_t>(static_cast<uint64_t>(lo) + static_cast<uint64_t>(n) * static_cast<uint64_t>(base));
  }
  if (lo >= base) {
    int64_t n = lo / base;
    if (__builtin_add_overflow(hi, n, &hi)) return false;
    lo -= n * base;
  }
  return true;
}

}  // namespace

// ---- zones ----

std::variant<Zone, std::string> Zone::load(std::string_view name) {
  if (name.empty() || name == "UTC") return Zone();
  Zone z;
  try {
    if (name == "Local") {
      z.tz_ = date::current_zone();
      return z;
    }
    if (name.find("..") != std::string_view::npos || name[0] == '/' || name[0] == '\\') {
      return std::string("time: invalid location name");
    }
    z.tz_ = date::locate_zone(name);
    return z;
  } catch (const std::exception&) {
    if (name == "Local") return Zone();  // Go falls back to UTC when the local zone is unreadable
    return "unknown time zone " + std::string(name);
  }
}

Zone::Period Zone::lookup(int64_t unix_sec) const {
  if (tz_ == nullptr) return Period{"UTC", 0, INT64_MIN, INT64_MAX};
  // The database covers years -32767..32767; beyond, the nearest period holds.
  constexpr int64_t kLimit = 1'000'000'000'000;
  int64_t s = std::clamp(unix_sec, -kLimit, kLimit);
  date::sys_info info = as_tz(tz_)->get_info(date::sys_seconds{std::chrono::seconds{s}});
  Period p;
  p.name = info.abbrev;
  p.offset = static_cast<int>(info.offset.count());
  p.start = info.begin.time_since_epoch().count();
  p.end = info.end.time_since_epoch().count();
  if (p.start <= -kLimit) p.start = INT64_MIN;
  if (p.end >= kLimit) p.end = INT64_MAX;
  return p;
}

// ---- instants and the calendar ----

Time from_unix_nano(int64_t ns, Zone zone) {
  Time t;
  t.sec = floor_div(ns, 1'000'000'000);
  // From the remainder: sec * 1e9 overflows for the instants just above INT64_MIN ns.
  int64_t rem = ns % 1'000'000'000;
  t.nsec = static_cast<int32_t>(rem < 0 ? rem + 1'000'000'000 : rem);
  t.zone = zone;
  return t;
}

std::optional<int64_t> unix_nano(const Time& t) {
  int64_t ns;
  if (__builtin_mul_overflow(t.sec, int64_t{1'000'000'000}, &ns)) {
    // -9223372037 s + 145224192 ns is still representable.
    if (t.sec != -9'223'372'037) return std::nullopt;
    if (t.nsec < 145'224'192) return std::nullopt;
    return INT64_MIN + (t.nsec - 145'224'192);
  }
  if (__builtin_add_overflow(ns, int64_t{t.nsec}, &ns)) return std::nullopt;
  return ns;
}

int days_in_month(int month, int64_t year) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[month - 1];
}

Civil civil(const Time& t) {
  Zone::Period p = t.zone.lookup(t.sec);
  int64_t local = t.sec + p.offset;
  int64_t days = floor_div(local, kSecondsPerDay);
  int64_t rest = local - days * kSecondsPerDay;
  Civil c;
  civil_from_days(days, c.year, c.month, c.day);
  c.hour = static_cast<int>(rest / 3600);
  c.minute = static_cast<int>(rest % 3600 / 60);
  c.second = static_cast<int>(rest % 60);
  c.weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  c.yday = static_cast<int>(days - days_from_civil(c.year, 1, 1) + 1);
  return c;
}

std::optional<Time> make_date(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute, int64_t second,
                              int64_t nsec, Zone zone) {
  int64_t m = month - 1;
  if (!norm(year, m, 12) || !norm(second, nsec, 1'000'000'000) || !norm(minute, second, 60) ||
      !norm(hour, minute, 60) || !norm(day, hour, 24)) {
    return std::nullopt;
  }
  // Beyond a few hundred billion years the seconds overflow; nothing there is representable.
  constexpr int64_t kYearLimit = 100'000'000'000;
  if (year > kYearLimit || year < -kYearLimit || day > kYearLimit * 366 || day < -kYearLimit * 366) return std::nullopt;
  int64_t days = days_from_civil(year, m + 1, 1) + (day - 1);
  int64_t unix = 0;
  if (__builtin_mul_overflow(days, kSecondsPerDay, &unix) ||
      __builtin_add_overflow(unix, hour * 3600 + minute * 60 + second, &unix)) {
    return std::nullopt;
  }
  Zone::Period p = zone.lookup(unix);
  if (p.offset != 0) {
    int64_t utc = unix - p.offset;
    int offset = p.offset;
    if (utc < p.start || utc >= p.end) offset = zone.lookup(utc).offset;
    unix -= offset;
  }
  Time t;
  t.sec = unix;
  t.nsec = static_cast<int32_t>(nsec);
  t.zone = zone;
  return t;
}

std::optional<Time> add_date(const Time& t, int64_t years, int64_t months, int64_t days) {
  Civil c = civil(t);
  int64_t y, mo, d;
  if (__builtin_add_overflow(c.year, years, &y) || __builtin_add_overflow(int64_t{c.month}, months, &mo) ||
      __builtin_add_overflow(int64_t{c.day}, days, &d)) {
    return std::nullopt;
  }
  return make_date(y, mo, d, c.hour, c.minute, c.second, t.nsec, t.zone);
}

std::string_view layout_constant(std::string_view name) {
  struct Entry {
    std::string_view name, layout;
  };
  static constexpr Entry kConstants[] = {
      {"ANSIC", "Mon Jan _2 15:04:05 2006"},
      {"UnixDate", "Mon Jan _2 15:04:05 MST 2006"},
      {"RubyDate", "Mon Jan 02 15:04:05 -0700 2006"},
      {"RFC822", "02 Jan 06 15:04 MST"},
      {"RFC822Z", "02 Jan 06 15:04 -0700"},
      {"RFC850", "Monday, 02-Jan-06 15:04:05 MST"},
      {"RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"},
      {"RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"},
      {"RFC3339", "2006-01-02T15:04:05Z07:00"},
      {"RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00"},
  };
  for (const Entry& e : kConstants) {
    if (e.name == name) return e.layout;
  }
  return name;
}

}  // namespace arcane::stdlib::gotime
