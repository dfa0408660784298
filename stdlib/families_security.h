// The implementation functions of the security group (registry_security.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {

// time.cc
BuiltinResult time_now_ns(BuiltinContext& ctx, Args args);
BuiltinResult time_parse_ns(BuiltinContext& ctx, Args args);
BuiltinResult time_parse_rfc3339_ns(BuiltinContext& ctx, Args args);
BuiltinResult time_parse_duration_ns(BuiltinContext& ctx, Args args);
BuiltinResult time_format(BuiltinContext& ctx, Args args);
BuiltinResult time_date(BuiltinContext& ctx, Args args);
BuiltinResult time_clock(BuiltinContext& ctx, Args args);
BuiltinResult time_weekday(BuiltinContext& ctx, Args args);
BuiltinResult time_add_date(BuiltinContext& ctx, Args args);
BuiltinResult time_diff(BuiltinContext& ctx, Args args);

}  // namespace arcane::stdlib::impl
