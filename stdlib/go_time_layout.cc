// Reading layouts and Go's Time.Format (see go_time_layout.h and go_time.h).
#include <array>

#include "stdlib/go_time.h"
#include "stdlib/go_time_layout.h"

namespace arcane::stdlib::gotime {

namespace layout {

namespace {

bool starts_with_lower(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

bool has_at(std::string_view s, size_t i, std::string_view what) {
  return s.substr(i, what.size()) == what;
}

}  // namespace

bool is_digit(std::string_view s, size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

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

}  // namespace layout

using namespace layout;

namespace {

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

}  // namespace arcane::stdlib::gotime
