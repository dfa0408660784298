// The implementation functions of the strings group (registry_strings.cc), internal to
// stdlib/: strings (strings.cc, trim.cc, sprintf.cc, template.cc), conversions
// (conversions.cc), units (units.cc), bits (bits.cc) and rand.intn (rand.cc).
#pragma once

#include "stdlib/families.h"
#include "stdlib/go_fmt.h"

namespace arcane::stdlib::impl {

// strings.cc
BuiltinResult concat(BuiltinContext& ctx, Args args);
BuiltinResult contains(BuiltinContext& ctx, Args args);
BuiltinResult startswith(BuiltinContext& ctx, Args args);
BuiltinResult endswith(BuiltinContext& ctx, Args args);
BuiltinResult strings_count(BuiltinContext& ctx, Args args);
BuiltinResult indexof(BuiltinContext& ctx, Args args);
BuiltinResult indexof_n(BuiltinContext& ctx, Args args);
BuiltinResult lower(BuiltinContext& ctx, Args args);
BuiltinResult upper(BuiltinContext& ctx, Args args);
BuiltinResult split(BuiltinContext& ctx, Args args);
BuiltinResult strings_split_n(BuiltinContext& ctx, Args args);
BuiltinResult substring(BuiltinContext& ctx, Args args);
BuiltinResult strings_reverse(BuiltinContext& ctx, Args args);
BuiltinResult strings_any_prefix_match(BuiltinContext& ctx, Args args);
BuiltinResult strings_any_suffix_match(BuiltinContext& ctx, Args args);
BuiltinResult format_int(BuiltinContext& ctx, Args args);

// trim.cc
BuiltinResult trim(BuiltinContext& ctx, Args args);
BuiltinResult trim_left(BuiltinContext& ctx, Args args);
BuiltinResult trim_right(BuiltinContext& ctx, Args args);
BuiltinResult trim_prefix(BuiltinContext& ctx, Args args);
BuiltinResult trim_suffix(BuiltinContext& ctx, Args args);
BuiltinResult trim_space(BuiltinContext& ctx, Args args);
BuiltinResult replace(BuiltinContext& ctx, Args args);
BuiltinResult strings_replace_n(BuiltinContext& ctx, Args args);

// sprintf.cc
BuiltinResult sprintf(BuiltinContext& ctx, Args args);
// A Rego value as the Go value OPA's sprintf passes to fmt.Sprintf.
gofmt::Arg go_value(const runtime::Value& v);

// template.cc
BuiltinResult strings_render_template(BuiltinContext& ctx, Args args);

// conversions.cc
BuiltinResult to_number(BuiltinContext& ctx, Args args);

// units.cc
BuiltinResult units_parse(BuiltinContext& ctx, Args args);
BuiltinResult units_parse_bytes(BuiltinContext& ctx, Args args);

// bits.cc
BuiltinResult bits_and(BuiltinContext& ctx, Args args);
BuiltinResult bits_or(BuiltinContext& ctx, Args args);
BuiltinResult bits_xor(BuiltinContext& ctx, Args args);
BuiltinResult bits_negate(BuiltinContext& ctx, Args args);
BuiltinResult bits_lsh(BuiltinContext& ctx, Args args);
BuiltinResult bits_rsh(BuiltinContext& ctx, Args args);

// rand.cc
BuiltinResult rand_intn(BuiltinContext& ctx, Args args);

}  // namespace arcane::stdlib::impl
