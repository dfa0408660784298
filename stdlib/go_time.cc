// Go's time layouts, durations and calendar (see go_time.h); the layout reader and the
// parser follow src/time/format.go chunk by chunk so that results and error texts agree.
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
    lo += n * base;
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
  t.nsec = static_cast<int32_t>(ns - t.sec * 1'000'000'000);
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

// ---- layouts ----

namespace {

enum Std : int {
  kNone = 0,
  kLongMonth,
  kMonth,
  kNumMonth,
  kZeroMonth,
  kLongWeekDay,
  kWeekDay,
  kDay,
  kUnderDay,
  kZeroDay,
  kUnderYearDay,
  kZeroYearDay,
  kHour,
  kHour12,
  kZeroHour12,
  kMinute,
  kZeroMinute,
  kSecond,
  kZeroSecond,
  kLongYear,
  kYear,
  kPM,
  kpm,
  kTZ,
  kISO8601TZ,
  kISO8601SecondsTZ,
  kISO8601ShortTZ,
  kISO8601ColonTZ,
  kISO8601ColonSecondsTZ,
  kNumTZ,
  kNumSecondsTz,
  kNumShortTZ,
  kNumColonTZ,
  kNumColonSecondsTZ,
  kFracSecond0,
  kFracSecond9,
};

// One element of a layout: the literal text before it, what it is, where the rest starts.
struct Chunk {
  std::string_view prefix;
  Std std = kNone;
  std::string_view suffix;
  int frac_digits = 0;  // kFracSecond*: digits asked for
  char frac_sep = '.';  // kFracSecond*: '.' or ','
};

bool starts_with_lower(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

bool is_digit(std::string_view s, size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

bool has_at(std::string_view s, size_t i, std::string_view what) {
  return s.substr(i, what.size()) == what;
}

// Go's nextStdChunk.
Chunk next_chunk(std::string_view layout) {
  auto at = [&](size_t i, Std std, size_t len) {
    return Chunk{layout.substr(0, i), std, layout.substr(i + len)};
  };
  static constexpr std::array<Std, 6> kStd0x = {kZeroMonth, kZeroDay, kZeroHour12, kZeroMinute, kZeroSecond, kYear};
  for (size_t i = 0; i < layout.size(); ++i) {
    char c = layout[i];
    switch (c) {
      case 'J':
        if (has_at(layout, i, "Jan")) {
          if (has_at(layout, i, "January")) return at(i, kLongMonth, 7);
          if (!starts_with_lower(layout.substr(i + 3))) return at(i, kMonth, 3);
        }
        break;
      case 'M':
        if (has_at(layout, i, "Mon")) {
          if (has_at(layout, i, "Monday")) return at(i, kLongWeekDay, 6);
          if (!starts_with_lower(layout.substr(i + 3))) return at(i, kWeekDay, 3);
        }
        if (has_at(layout, i, "MST")) return at(i, kTZ, 3);
        break;
      case '0':
        if (i + 1 < layout.size() && layout[i + 1] >= '1' && layout[i + 1] <= '6') {
          return at(i, kStd0x[layout[i + 1] - '1'], 2);
        }
        if (has_at(layout, i, "002")) return at(i, kZeroYearDay, 3);
        break;
      case '1':
        if (has_at(layout, i, "15")) return at(i, kHour, 2);
        return at(i, kNumMonth, 1);
      case '2':
        if (has_at(layout, i, "2006")) return at(i, kLongYear, 4);
        return at(i, kDay, 1);
      case '_':
        if (has_at(layout, i, "_2")) {
          if (has_at(layout, i + 1, "2006")) return Chunk{layout.substr(0, i + 1), kLongYear, layout.substr(i + 5)};
          return at(i, kUnderDay, 2);
        }
        if (has_at(layout, i, "__2")) return at(i, kUnderYearDay, 3);
        break;
      case '3':
        return at(i, kHour12, 1);
      case '4':
        return at(i, kMinute, 1);
      case '5':
        return at(i, kSecond, 1);
      case 'P':
        if (has_at(layout, i, "PM")) return at(i, kPM, 2);
        break;
      case 'p':
        if (has_at(layout, i, "pm")) return at(i, kpm, 2);
        break;
      case '-':
        if (has_at(layout, i, "-070000")) return at(i, kNumSecondsTz, 7);
        if (has_at(layout, i, "-07:00:00")) return at(i, kNumColonSecondsTZ, 9);
        if (has_at(layout, i, "-0700")) return at(i, kNumTZ, 5);
        if (has_at(layout, i, "-07:00")) return at(i, kNumColonTZ, 6);
        if (has_at(layout, i, "-07")) return at(i, kNumShortTZ, 3);
        break;
      case 'Z':
        if (has_at(layout, i, "Z070000")) return at(i, kISO8601SecondsTZ, 7);
        if (has_at(layout, i, "Z07:00:00")) return at(i, kISO8601ColonSecondsTZ, 9);
        if (has_at(layout, i, "Z0700")) return at(i, kISO8601TZ, 5);
        if (has_at(layout, i, "Z07:00")) return at(i, kISO8601ColonTZ, 6);
        if (has_at(layout, i, "Z07")) return at(i, kISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        if (i + 1 < layout.size() && (layout[i + 1] == '0' || layout[i + 1] == '9')) {
          char ch = layout[i + 1];
          size_t j = i + 1;
          while (j < layout.size() && layout[j] == ch) ++j;
          if (!is_digit(layout, j)) {
            Chunk k = at(i, ch == '0' ? kFracSecond0 : kFracSecond9, j - i);
            k.frac_digits = static_cast<int>((j - (i + 1)) & 0xfff);
            k.frac_sep = c;
            return k;
          }
        }
        break;
      default:
        break;
    }
  }
  return Chunk{layout, kNone, {}};
}

// Go's appendInt: a sign, then the digits zero-padded to width.
void append_int(std::string& b, int64_t x, int width) {
  uint64_t u = static_cast<uint64_t>(x);
  if (x < 0) {
    b += '-';
    u = 0 - u;
  }
  std::string digits = std::to_string(u);
  for (int pad = width - static_cast<int>(digits.size()); pad > 0; --pad) b += '0';
  b += digits;
}

void append_nano(std::string& b, int nanosec, const Chunk& k) {
  bool trim = k.std == kFracSecond9;
  int n = k.frac_digits;
  if (trim && (n == 0 || nanosec == 0)) return;
  size_t start = b.size();
  b += k.frac_sep;
  append_int(b, nanosec, 9);
  if (n < 9) b.resize(b.size() - 9 + n);
  if (trim) {
    while (b.size() > start && b.back() == '0') b.pop_back();
    if (b.size() > start && b.back() == k.frac_sep) b.pop_back();
  }
}

void append_zone(std::string& b, Std std, int offset) {
  bool iso = std == kISO8601TZ || std == kISO8601ColonTZ || std == kISO8601SecondsTZ || std == kISO8601ShortTZ ||
             std == kISO8601ColonSecondsTZ;
  if (offset == 0 && iso) {
    b += 'Z';
    return;
  }
  int zone = offset / 60;
  int absoffset = offset;
  if (zone < 0) {
    b += '-';
    zone = -zone;
    absoffset = -absoffset;
  } else {
    b += '+';
  }
  append_int(b, zone / 60, 2);
  if (std == kISO8601ColonTZ || std == kNumColonTZ || std == kISO8601ColonSecondsTZ || std == kNumColonSecondsTZ) {
    b += ':';
  }
  if (std != kNumShortTZ && std != kISO8601ShortTZ) append_int(b, zone % 60, 2);
  if (std == kISO8601SecondsTZ || std == kNumSecondsTz || std == kNumColonSecondsTZ || std == kISO8601ColonSecondsTZ) {
    if (std == kNumColonSecondsTZ || std == kISO8601ColonSecondsTZ) b += ':';
    append_int(b, absoffset % 60, 2);
  }
}

}  // namespace

std::string format(const Time& t, std::string_view layout) {
  Zone::Period p = t.zone.lookup(t.sec);
  Civil c = civil(t);
  std::string b;
  while (!layout.empty()) {
    Chunk k = next_chunk(layout);
    b += k.prefix;
    if (k.std == kNone) break;
    layout = k.suffix;
    int hr12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    switch (k.std) {
      case kYear: append_int(b, (c.year < 0 ? -c.year : c.year) % 100, 2); break;
      case kLongYear: append_int(b, c.year, 4); break;
      case kMonth: b.append(kLongMonthNames[c.month - 1], 3); break;
      case kLongMonth: b += kLongMonthNames[c.month - 1]; break;
      case kNumMonth: append_int(b, c.month, 0); break;
      case kZeroMonth: append_int(b, c.month, 2); break;
      case kWeekDay: b.append(kLongDayNames[c.weekday], 3); break;
      case kLongWeekDay: b += kLongDayNames[c.weekday]; break;
      case kDay: append_int(b, c.day, 0); break;
      case kUnderDay:
        if (c.day < 10) b += ' ';
        append_int(b, c.day, 0);
        break;
      case kZeroDay: append_int(b, c.day, 2); break;
      case kUnderYearDay:
        if (c.yday < 100) b += c.yday < 10 ? "  " : " ";
        append_int(b, c.yday, 0);
        break;
      case kZeroYearDay: append_int(b, c.yday, 3); break;
      case kHour: append_int(b, c.hour, 2); break;
      case kHour12: append_int(b, hr12, 0); break;
      case kZeroHour12: append_int(b, hr12, 2); break;
      case kMinute: append_int(b, c.minute, 0); break;
      case kZeroMinute: append_int(b, c.minute, 2); break;
      case kSecond: append_int(b, c.second, 0); break;
      case kZeroSecond: append_int(b, c.second, 2); break;
      case kPM: b += c.hour >= 12 ? "PM" : "AM"; break;
      case kpm: b += c.hour >= 12 ? "pm" : "am"; break;
      case kTZ:
        if (!p.name.empty()) {
          b += p.name;
        } else {
          int zone = p.offset / 60;
          b += zone < 0 ? '-' : '+';
          zone = zone < 0 ? -zone : zone;
          append_int(b, zone / 60, 2);
          append_int(b, zone % 60, 2);
        }
        break;
      case kFracSecond0:
      case kFracSecond9: append_nano(b, t.nsec, k); break;
      default: append_zone(b, k.std, p.offset); break;
    }
  }
  return b;
}

// ---- parsing ----

namespace {

// Go's time-package quote: bytes outside printable ASCII become \xNN.
std::string quote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x80 || c < ' ') {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

std::string parse_error(std::string_view layout, std::string_view value, std::string_view layout_elem,
                        std::string_view value_elem, std::string_view message) {
  if (message.empty()) {
    return "parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse " + quote(value_elem) + " as " +
           quote(layout_elem);
  }
  return "parsing time " + quote(value) + std::string(message);
}

// Go's leadingInt: the leading digits; false on overflow past 2^63.
bool leading_int(std::string_view& s, uint64_t& x) {
  x = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (x > (uint64_t{1} << 63) / 10) return false;
    x = x * 10 + static_cast<uint64_t>(s[i] - '0');
    if (x > (uint64_t{1} << 63)) return false;
  }
  s.remove_prefix(i);
  return true;
}

// Go's atoi: an optional sign and digits, nothing else.
bool go_atoi(std::string_view s, int64_t& out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  uint64_t q;
  if (!leading_int(s, q) || !s.empty()) return false;
  out = static_cast<int64_t>(q);
  if (neg) out = -out;
  return true;
}

// Go's getnum: one or two digits (fixed: exactly two).
bool getnum(std::string_view& s, bool fixed, int64_t& n) {
  if (!is_digit(s, 0)) return false;
  if (!is_digit(s, 1)) {
    if (fixed) return false;
    n = s[0] - '0';
    s.remove_prefix(1);
    return true;
  }
  n = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return true;
}

bool getnum3(std::string_view& s, bool fixed, int64_t& n) {
  n = 0;
  size_t i = 0;
  for (; i < 3 && is_digit(s, i); ++i) n = n * 10 + (s[i] - '0');
  if (i == 0 || (fixed && i != 3)) return false;
  s.remove_prefix(i);
  return true;
}

std::string_view cutspace(std::string_view s) {
  while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
  return s;
}

// Go's skip: the literal prefix, with runs of spaces equivalent.
bool skip(std::string_view& value, std::string_view prefix) {
  while (!prefix.empty()) {
    if (prefix[0] == ' ') {
      if (!value.empty() && value[0] != ' ') return false;
      prefix = cutspace(prefix);
      value = cutspace(value);
      continue;
    }
    if (value.empty() || value[0] != prefix[0]) return false;
    prefix.remove_prefix(1);
    value.remove_prefix(1);
  }
  return true;
}

bool match_fold(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char c1 = a[i], c2 = b[i];
    if (c1 != c2) {
      c1 |= 'a' - 'A';
      c2 |= 'a' - 'A';
      if (c1 != c2 || c1 < 'a' || c1 > 'z') return false;
    }
  }
  return true;
}

// Go's lookup over a name table; `len` 3 takes the names' first three letters.
bool lookup_name(const char* const* table, int count, size_t len, std::string_view& value, int64_t& index) {
  for (int i = 0; i < count; ++i) {
    std::string_view name(table[i]);
    if (len != 0) name = name.substr(0, len);
    if (value.size() >= name.size() && match_fold(value.substr(0, name.size()), name)) {
      index = i;
      value.remove_prefix(name.size());
      return true;
    }
  }
  return false;
}

bool comma_or_period(char c) {
  return c == '.' || c == ',';
}

// Go's parseNanoseconds.
bool parse_nanoseconds(std::string_view value, size_t nbytes, int64_t& ns, std::string& range_err) {
  if (!comma_or_period(value[0])) return false;
  if (nbytes > 10) nbytes = 10;
  if (!go_atoi(value.substr(1, nbytes - 1), ns)) return false;
  if (ns < 0) {
    range_err = "fractional second";
    return true;
  }
  for (size_t i = 0; i < 10 - nbytes; ++i) ns *= 10;
  return true;
}

// Go's parseSignedOffset: the length of "+hh"/"-hh" (hh <= 23), 0 if none.
size_t parse_signed_offset(std::string_view value) {
  if (value.empty() || (value[0] != '-' && value[0] != '+')) return 0;
  std::string_view rest = value.substr(1);
  uint64_t x;
  if (!leading_int(rest, x) || rest.size() == value.size() - 1 || x > 23) return 0;
  return value.size() - rest.size();
}

// Go's parseTimeZone: the length of a zone abbreviation at the start of value.
size_t parse_time_zone(std::string_view value) {
  if (value.size() < 3) return 0;
  if (value.substr(0, 4) == "ChST" || value.substr(0, 4) == "MeST") return 4;
  if (value.substr(0, 3) == "GMT") return 3 + (value.size() == 3 ? 0 : parse_signed_offset(value.substr(3)));
  if (value[0] == '+' || value[0] == '-') return parse_signed_offset(value);
  size_t upper = 0;
  while (upper < 6 && upper < value.size() && value[upper] >= 'A' && value[upper] <= 'Z') ++upper;
  switch (upper) {
    case 5: return value[4] == 'T' ? 5 : 0;
    case 4: return value[3] == 'T' || value.substr(0, 4) == "WITA" ? 4 : 0;
    case 3: return 3;
    default: return 0;
  }
}

int days_before(int m) {  // days in the months before month m (1-based; m may be 13)
  static constexpr std::array<int, 13> kBefore = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
  return kBefore[m - 1];
}

struct Fields {
  int64_t year = 0, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  bool utc = false;
  int64_t zone_offset = -1;
  bool has_offset = false;
  std::string_view zone_name;
  bool am = false, pm = false;
};

// A numeric zone offset ("-0700", "-07:00", ...); false for errBad.
bool parse_offset(std::string_view& value, Std std, Fields& f, std::string& range_err) {
  std::string_view sign, hour, min, seconds = "00";
  if (std == kISO8601ColonTZ || std == kNumColonTZ) {
    if (value.size() < 6 || value[3] != ':') return false;
    sign = value.substr(0, 1), hour = value.substr(1, 2), min = value.substr(4, 2), value.remove_prefix(6);
  } else if (std == kNumShortTZ || std == kISO8601ShortTZ) {
    if (value.size() < 3) return false;
    sign = value.substr(0, 1), hour = value.substr(1, 2), min = "00", value.remove_prefix(3);
  } else if (std == kISO8601ColonSecondsTZ || std == kNumColonSecondsTZ) {
    if (value.size() < 9 || value[3] != ':' || value[6] != ':') return false;
    sign = value.substr(0, 1), hour = value.substr(1, 2), min = value.substr(4, 2), seconds = value.substr(7, 2);
    value.remove_prefix(9);
  } else if (std == kISO8601SecondsTZ || std == kNumSecondsTz) {
    if (value.size() < 7) return false;
    sign = value.substr(0, 1), hour = value.substr(1, 2), min = value.substr(3, 2), seconds = value.substr(5, 2);
    value.remove_prefix(7);
  } else {
    if (value.size() < 5) return false;
    sign = value.substr(0, 1), hour = value.substr(1, 2), min = value.substr(3, 2), value.remove_prefix(5);
  }
  int64_t hr = 0, mm = 0, ss = 0;
  bool ok = getnum(hour, true, hr) && getnum(min, true, mm) && getnum(seconds, true, ss);
  if (hr > 24) range_err = "time zone offset hour";
  if (mm > 60) range_err = "time zone offset minute";
  if (ss > 60) range_err = "time zone offset second";
  f.zone_offset = (hr * 60 + mm) * 60 + ss;
  f.has_offset = true;
  if (sign[0] == '-') {
    f.zone_offset = -f.zone_offset;
  } else if (sign[0] != '+') {
    ok = false;
  }
  return ok;
}

// One layout element against the value; false for errBad (range errors go to range_err).
bool parse_element(const Chunk& k, std::string_view& value, Fields& f, std::string& range_err) {
  switch (k.std) {
    case kYear: {
      if (value.size() < 2) return false;
      std::string_view p = value.substr(0, 2);
      value.remove_prefix(2);
      if (!go_atoi(p, f.year)) return false;
      f.year += f.year >= 69 ? 1900 : 2000;
      return true;
    }
    case kLongYear: {
      if (value.size() < 4 || !is_digit(value, 0)) return false;
      std::string_view p = value.substr(0, 4);
      value.remove_prefix(4);
      return go_atoi(p, f.year);
    }
    case kMonth:
    case kLongMonth: {
      bool ok = lookup_name(kLongMonthNames, 12, k.std == kMonth ? 3 : 0, value, f.month);
      f.month = ok ? f.month + 1 : 0;
      return ok;
    }
    case kNumMonth:
    case kZeroMonth:
      if (!getnum(value, k.std == kZeroMonth, f.month)) return false;
      if (f.month <= 0 || f.month > 12) range_err = "month";
      return true;
    case kWeekDay:
    case kLongWeekDay: {
      int64_t ignored;
      return lookup_name(kLongDayNames, 7, k.std == kWeekDay ? 3 : 0, value, ignored);
    }
    case kDay:
    case kUnderDay:
    case kZeroDay:
      if (k.std == kUnderDay && !value.empty() && value[0] == ' ') value.remove_prefix(1);
      return getnum(value, k.std == kZeroDay, f.day);
    case kUnderYearDay:
    case kZeroYearDay:
      for (int i = 0; i < 2; ++i) {
        if (k.std == kUnderYearDay && !value.empty() && value[0] == ' ') value.remove_prefix(1);
      }
      return getnum3(value, k.std == kZeroYearDay, f.yday);
    case kHour: {
      bool ok = getnum(value, false, f.hour);
      if (!ok) f.hour = 0;
      if (f.hour < 0 || f.hour >= 24) range_err = "hour";
      return ok;
    }
    case kHour12:
    case kZeroHour12: {
      bool ok = getnum(value, k.std == kZeroHour12, f.hour);
      if (!ok) f.hour = 0;
      if (f.hour < 0 || f.hour > 12) range_err = "hour";
      return ok;
    }
    case kMinute:
    case kZeroMinute: {
      bool ok = getnum(value, k.std == kZeroMinute, f.min);
      if (!ok) f.min = 0;
      if (f.min < 0 || f.min >= 60) range_err = "minute";
      return ok;
    }
    case kSecond:
    case kZeroSecond: {
      if (!getnum(value, k.std == kZeroSecond, f.sec)) return false;
      if (f.sec < 0 || f.sec >= 60) {
        range_err = "second";
        return true;
      }
      // A fractional second in the value that the layout does not spell out.
      if (value.size() >= 2 && comma_or_period(value[0]) && is_digit(value, 1)) {
        Std next = next_chunk(k.suffix).std;
        if (next == kFracSecond0 || next == kFracSecond9) return true;
        size_t n = 2;
        while (n < value.size() && is_digit(value, n)) ++n;
        bool ok = parse_nanoseconds(value, n, f.nsec, range_err);
        value.remove_prefix(n);
        return ok;
      }
      return true;
    }
    case kPM:
    case kpm: {
      if (value.size() < 2) return false;
      std::string_view p = value.substr(0, 2);
      value.remove_prefix(2);
      bool upper = k.std == kPM;
      if (p == (upper ? "PM" : "pm")) {
        f.pm = true;
      } else if (p == (upper ? "AM" : "am")) {
        f.am = true;
      } else {
        return false;
      }
      return true;
    }
    case kTZ: {
      if (value.substr(0, 3) == "UTC") {
        f.utc = true;
        value.remove_prefix(3);
        return true;
      }
      size_t n = parse_time_zone(value);
      if (n == 0) return false;
      f.zone_name = value.substr(0, n);
      value.remove_prefix(n);
      return true;
    }
    case kFracSecond0: {
      size_t ndigit = 1 + static_cast<size_t>(k.frac_digits);
      if (value.size() < ndigit) return false;
      bool ok = parse_nanoseconds(value, ndigit, f.nsec, range_err);
      value.remove_prefix(ndigit);
      return ok;
    }
    case kFracSecond9: {
      if (value.size() < 2 || !comma_or_period(value[0]) || value[1] < '0' || value[1] > '9') return true;
      size_t i = 0;
      while (i + 1 < value.size() && value[i + 1] >= '0' && value[i + 1] <= '9') ++i;
      bool ok = parse_nanoseconds(value, 1 + i, f.nsec, range_err);
      value.remove_prefix(1 + i);
      return ok;
    }
    case kISO8601TZ:
    case kISO8601ShortTZ:
    case kISO8601ColonTZ:
    case kISO8601SecondsTZ:
    case kISO8601ColonSecondsTZ:
      if (!value.empty() && value[0] == 'Z') {
        value.remove_prefix(1);
        f.utc = true;
        return true;
      }
      return parse_offset(value, k.std, f, range_err);
    default: return parse_offset(value, k.std, f, range_err);
  }
}

}  // namespace

std::variant<Time, std::string> parse(std::string_view layout, std::string_view value) {
  const std::string_view alayout = layout, avalue = value;
  Fields f;
  for (;;) {
    Chunk k = next_chunk(layout);
    std::string_view stdstr = layout.substr(k.prefix.size(), layout.size() - k.prefix.size() - k.suffix.size());
    if (!skip(value, k.prefix)) return parse_error(alayout, avalue, k.prefix, value, "");
    if (k.std == kNone) {
      if (!value.empty()) return parse_error(alayout, avalue, "", value, ": extra text: " + quote(value));
      break;
    }
    layout = k.suffix;
    std::string_view hold = value;
    std::string range_err;
    bool ok = parse_element(k, value, f, range_err);
    if (!range_err.empty()) return parse_error(alayout, avalue, stdstr, value, ": " + range_err + " out of range");
    if (!ok) return parse_error(alayout, avalue, stdstr, hold, "");
  }
  if (f.pm && f.hour < 12) {
    f.hour += 12;
  } else if (f.am && f.hour == 12) {
    f.hour = 0;
  }
  if (f.yday >= 0) {
    int64_t d = 0, m = 0;
    if (is_leap(f.year)) {
      if (f.yday == 31 + 29) {
        m = 2;
        d = 29;
      } else if (f.yday > 31 + 29) {
        --f.yday;
      }
    }
    if (f.yday < 1 || f.yday > 365) return parse_error(alayout, avalue, "", value, ": day-of-year out of range");
    if (m == 0) {
      m = (f.yday - 1) / 31 + 1;
      if (days_before(static_cast<int>(m) + 1) < f.yday) ++m;
      d = f.yday - days_before(static_cast<int>(m));
    }
    if (f.month >= 0 && f.month != m) {
      return parse_error(alayout, avalue, "", value, ": day-of-year does not match month");
    }
    f.month = m;
    if (f.day >= 0 && f.day != d) return parse_error(alayout, avalue, "", value, ": day-of-year does not match day");
    f.day = d;
  } else {
    if (f.month < 0) f.month = 1;
    if (f.day < 0) f.day = 1;
  }
  if (f.day < 1 || f.day > days_in_month(static_cast<int>(f.month), f.year)) {
    return parse_error(alayout, avalue, "", value, ": day out of range");
  }
  std::optional<Time> t = make_date(f.year, f.month, f.day, f.hour, f.min, f.sec, f.nsec, Zone());
  if (!t) return parse_error(alayout, avalue, "", value, ": out of range");
  // An explicit offset moves the instant; a zone name alone does not (Local is UTC, so
  // only "UTC" has a known offset, and Go records other names with offset zero).
  if (!f.utc && f.has_offset) t->sec -= f.zone_offset;
  return *t;
}

// ---- durations ----

std::variant<int64_t, std::string> parse_duration(std::string_view s) {
  const std::string_view orig = s;
  auto invalid = [&] { return "time: invalid duration " + quote(orig); };
  uint64_t d = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return int64_t{0};
  if (s.empty()) return invalid();
  while (!s.empty()) {
    uint64_t v = 0, f = 0;
    double scale = 1;
    if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid();
    size_t pl = s.size();
    if (!leading_int(s, v)) return invalid();
    bool pre = pl != s.size();
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      size_t before = s.size();
      // Go's leadingFraction: stops accumulating on overflow, keeps consuming digits.
      bool overflow = false;
      size_t i = 0;
      for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        if (overflow) continue;
        if (f > ((uint64_t{1} << 63) - 1) / 10) {
          overflow = true;
          continue;
        }
        uint64_t y = f * 10 + static_cast<uint64_t>(s[i] - '0');
        if (y > (uint64_t{1} << 63)) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      s.remove_prefix(i);
      post = before != s.size();
    }
    if (!pre && !post) return invalid();
    size_t i = 0;
    while (i < s.size() && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9')) ++i;
    if (i == 0) return "time: missing unit in duration " + quote(orig);
    std::string_view u = s.substr(0, i);
    s.remove_prefix(i);
    uint64_t unit = 0;
    if (u == "ns") {
      unit = 1;
    } else if (u == "us" || u == "\xC2\xB5s" || u == "\xCE\xBCs") {
      unit = 1'000;
    } else if (u == "ms") {
      unit = 1'000'000;
    } else if (u == "s") {
      unit = 1'000'000'000;
    } else if (u == "m") {
      unit = 60'000'000'000;
    } else if (u == "h") {
      unit = 3'600'000'000'000;
    } else {
      return "time: unknown unit " + quote(u) + " in duration " + quote(orig);
    }
    if (v > (uint64_t{1} << 63) / unit) return invalid();
    v *= unit;
    if (f > 0) {
      v += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > (uint64_t{1} << 63)) return invalid();
    }
    d += v;
    if (d > (uint64_t{1} << 63)) return invalid();
  }
  if (neg) return static_cast<int64_t>(0 - d);
  if (d > (uint64_t{1} << 63) - 1) return invalid();
  return static_cast<int64_t>(d);
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
