// Time: time.now_ns, parse_ns, parse_rfc3339_ns, parse_duration_ns, date, clock,
// weekday, add_date, diff, format (topdown/time.go).
//
// A time operand is a number of nanoseconds or an array [ns, zone] (format also takes
// [ns, zone, layout]); the zone is an IANA name, "" or "UTC" for UTC, "Local" for the
// system's. The nanoseconds must be an exact int64 ("timestamp too big" otherwise, even
// for 1.5, as OPA's big.Float check says). Results that leave int64 nanoseconds are
// "time outside of valid range". The layout and duration grammar is Go's (go_time.h).
#include <string>

#include "runtime/value_builder.h"
#include "stdlib/context.h"
#include "stdlib/families_security.h"
#include "stdlib/go_time.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

constexpr std::string_view kTimeOperand = "either number (ns) or [number (ns), string (tz)]";

struct TzTime {
  gotime::Time time;
  std::string layout;
};

// OPA's tzTime: the instant and zone (and layout) of a time operand.
std::variant<TzTime, BuiltinError> tz_time(std::string_view name, const Value& a) {
  TzTime out;
  const Value* ns = &a;
  gotime::Zone zone;
  if (a.is_array()) {
    if (a.size() == 0) return operand_type_error(name, 1, a, {kTimeOperand});
    ns = &a.at(0);
    if (!ns->is_number()) return operand_type_error(name, 1, *ns, {"number"});
    if (a.size() > 1) {
      if (!a.at(1).is_string()) return operand_type_error(name, 1, a.at(1), {"string"});
      auto loaded = gotime::Zone::load(a.at(1).string_view());
      if (auto* err = std::get_if<std::string>(&loaded)) return builtin_error(name, *err);
      zone = std::get<gotime::Zone>(loaded);
    }
    if (a.size() > 2) {
      if (!a.at(2).is_string()) return operand_type_error(name, 1, a.at(2), {"string"});
      out.layout = std::string(a.at(2).string_view());
    }
  } else if (!a.is_number()) {
    return operand_type_error(name, 1, a, {kTimeOperand});
  }
  std::optional<int64_t> i = ns->number().is_integer() ? ns->number().to_int64() : std::nullopt;
  if (!i) return builtin_error(name, "timestamp too big");
  out.time = gotime::from_unix_nano(*i, zone);
  return out;
}

BuiltinResult nanos_result(std::string_view name, const std::optional<gotime::Time>& t) {
  std::optional<int64_t> ns = t ? gotime::unix_nano(*t) : std::nullopt;
  if (!ns) return builtin_error(name, "time outside of valid range");
  return Value::integer(*ns);
}

Value int_array(std::initializer_list<int64_t> items) {
  runtime::ArrayBuilder b(items.size());
  for (int64_t i : items) b.push_back(Value::integer(i));
  return b.build();
}

std::variant<int64_t, BuiltinError> int_operand(std::string_view name, int pos, const Value& v) {
  if (!v.is_number()) return operand_type_error(name, pos, v, {"number"});
  std::optional<int64_t> i = literal_int(v.number());
  if (!i) return operand_error(name, pos, "must be integer number but got floating-point number");
  return *i;
}

BuiltinResult parse_with(std::string_view name, std::string_view layout, std::string_view value) {
  auto parsed = gotime::parse(layout, value);
  if (auto* err = std::get_if<std::string>(&parsed)) return builtin_error(name, *err);
  return nanos_result(name, std::get<gotime::Time>(parsed));
}

}  // namespace

BuiltinResult time_now_ns(BuiltinContext& ctx, Args) {
  return Value::integer(ctx.now_ns());
}

BuiltinResult time_parse_ns(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "time.parse_ns";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(kName, 2, args[1], {"string"});
  return parse_with(kName, gotime::layout_constant(args[0].string_view()), args[1].string_view());
}

BuiltinResult time_parse_rfc3339_ns(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "time.parse_rfc3339_ns";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  return parse_with(kName, gotime::layout_constant("RFC3339"), args[0].string_view());
}

BuiltinResult time_parse_duration_ns(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "time.parse_duration_ns";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  auto d = gotime::parse_duration(args[0].string_view(), true);
  if (auto* err = std::get_if<std::string>(&d)) return builtin_error(kName, *err);
  return Value::integer(std::get<int64_t>(d));
}

BuiltinResult time_format(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "time.format";
  auto t = tz_time(kName, args[0]);
  if (auto* err = std::get_if<BuiltinError>(&t)) return *err;
  const TzTime& tt = std::get<TzTime>(t);
  std::string_view layout = tt.layout.empty() ? gotime::layout_constant("RFC3339Nano")
                                              : gotime::layout_constant(tt.layout);
  return Value::from_string(gotime::format(tt.time, layout));
}

BuiltinResult time_date(BuiltinContext&, Args args) {
  auto t = tz_time("time.date", args[0]);
  if (auto* err = std::get_if<BuiltinError>(&t)) return *err;
  gotime::Civil c = gotime::civil(std::get<TzTime>(t).time);
  return int_array({c.year, c.month, c.day});
}

BuiltinResult time_clock(BuiltinContext&, Args args) {
  auto t = tz_time("time.clock", args[0]);
  if (auto* err = std::get_if<BuiltinError>(&t)) return *err;
  gotime::Civil c = gotime::civil(std::get<TzTime>(t).time);
  return int_array({c.hour, c.minute, c.second});
}

BuiltinResult time_weekday(BuiltinContext&, Args args) {
  auto t = tz_time("time.weekday", args[0]);
  if (auto* err = std::get_if<BuiltinError>(&t)) return *err;
  gotime::Civil c = gotime::civil(std::get<TzTime>(t).time);
  return Value::from_string(gotime::kLongDayNames[c.weekday]);
}

BuiltinResult time_add_date(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "time.add_date";
  auto t = tz_time(kName, args[0]);
  if (auto* err = std::get_if<BuiltinError>(&t)) return *err;
  int64_t delta[3];
  for (int i = 0; i < 3; ++i) {
    auto n = int_operand(kName, i + 2, args[i + 1]);
    if (auto* err = std::get_if<BuiltinError>(&n)) return *err;
    delta[i] = std::get<int64_t>(n);
  }
  return nanos_result(kName, gotime::add_date(std::get<TzTime>(t).time, delta[0], delta[1], delta[2]));
}

// The calendar difference of two instants, in the first one's zone (OPA borrows the
// algorithm from github.com/icza/gox): years, months, days, hours, minutes, seconds.
BuiltinResult time_diff(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "time.diff";
  auto a = tz_time(kName, args[0]);
  if (auto* err = std::get_if<BuiltinError>(&a)) return *err;
  auto b = tz_time(kName, args[1]);
  if (auto* err = std::get_if<BuiltinError>(&b)) return *err;
  gotime::Time t1 = std::get<TzTime>(a).time;
  gotime::Time t2 = std::get<TzTime>(b).time;
  t2.zone = t1.zone;
  if (t1.sec > t2.sec || (t1.sec == t2.sec && t1.nsec > t2.nsec)) std::swap(t1, t2);
  gotime::Civil c1 = gotime::civil(t1), c2 = gotime::civil(t2);
  int64_t year = c2.year - c1.year;
  int64_t month = c2.month - c1.month, day = c2.day - c1.day;
  int64_t hour = c2.hour - c1.hour, min = c2.minute - c1.minute, sec = c2.second - c1.second;
  if (sec < 0) sec += 60, --min;
  if (min < 0) min += 60, --hour;
  if (hour < 0) hour += 24, --day;
  if (day < 0) day += gotime::days_in_month(c1.month, c1.year), --month;
  if (month < 0) month += 12, --year;
  return int_array({year, month, day, hour, min, sec});
}

}  // namespace arcane::stdlib::impl
