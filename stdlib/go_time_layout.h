// Go's time layouts as Go's time package reads them, shared by formatting
// (go_time_layout.cc) and parsing (go_time_parse.cc); internal to stdlib/.
//
// A layout is a sequence of chunks: literal text, then one element of the reference time
// (Mon Jan 2 15:04:05 MST 2006) recognised exactly where Go's nextStdChunk recognises it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace arcane::stdlib::gotime::layout {

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

// Go's nextStdChunk: the first element of layout, the text before it and the rest.
Chunk next_chunk(std::string_view layout);
bool is_digit(std::string_view s, size_t i);
// Go's time-package quote: bytes outside printable ASCII become \xNN.
std::string quote(std::string_view s);
// Go's leadingInt: consumes the leading digits; false on overflow past 2^63.
bool leading_int(std::string_view& s, uint64_t& x);

}  // namespace arcane::stdlib::gotime::layout
