// Go's time.Parse and time.ParseDuration, element by element as src/time/format.go
// does them, error texts included (see go_time.h).
#include <array>

#include "stdlib/go_time.h"
#include "stdlib/go_time_layout.h"

namespace arcane::stdlib::gotime {

namespace layout {

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

}  // namespace layout

using namespace layout;

namespace {

std::string parse_error(std::string_view layout, std::string_view value, std::string_view layout_elem,
                        std::string_view value_elem, std::string_view message) {
  if (message.empty()) {
    return "parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse " + quote(value_elem) + " as " +
           quote(layout_elem);
  }
  return "parsing time " + quote(value) + std::string(message);
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
    if (days_in_month(2, f.year) == 29) {
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

std::variant<int64_t, std::string> parse_duration(std::string_view s, bool day_units) {
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
    } else if (day_units && (u == "d" || u == "w" || u == "y")) {
      unit = 86'400'000'000'000 * (u == "d" ? 1 : u == "w" ? 7 : 365);
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

}  // namespace arcane::stdlib::gotime
