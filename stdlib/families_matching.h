// The implementation functions of the matching group (registry_matching.cc), internal to stdlib/.
#pragma once

#include <string_view>

#include "stdlib/families.h"

namespace arcane::stdlib::impl {

// regex.cc
BuiltinResult regex_match(BuiltinContext& ctx, Args args);
BuiltinResult re_match(BuiltinContext& ctx, Args args);  // deprecated spelling of regex.match
BuiltinResult regex_is_valid(BuiltinContext& ctx, Args args);
BuiltinResult regex_split(BuiltinContext& ctx, Args args);
BuiltinResult regex_find_n(BuiltinContext& ctx, Args args);
BuiltinResult regex_find_all_string_submatch_n(BuiltinContext& ctx, Args args);
BuiltinResult regex_replace(BuiltinContext& ctx, Args args);
BuiltinResult regex_template_match(BuiltinContext& ctx, Args args);

// glob_intersection.cc
BuiltinResult regex_globs_match(BuiltinContext& ctx, Args args);

// glob.cc
BuiltinResult glob_match(BuiltinContext& ctx, Args args);
BuiltinResult glob_quote_meta(BuiltinContext& ctx, Args args);

// net.cc
BuiltinResult net_cidr_contains(BuiltinContext& ctx, Args args);
BuiltinResult net_cidr_overlap(BuiltinContext& ctx, Args args);  // deprecated spelling of net.cidr_contains
BuiltinResult net_cidr_intersects(BuiltinContext& ctx, Args args);
BuiltinResult net_cidr_contains_matches(BuiltinContext& ctx, Args args);
BuiltinResult net_cidr_expand(BuiltinContext& ctx, Args args);
BuiltinResult net_cidr_merge(BuiltinContext& ctx, Args args);
BuiltinResult net_cidr_is_valid(BuiltinContext& ctx, Args args);
BuiltinResult net_lookup_ip_addr(BuiltinContext& ctx, Args args);
// netip.ParseAddr without zones, for uri.cc: whether `s` is an IP address, and IPv4.
bool parse_ip_literal(std::string_view s, bool& is4);

// semver.cc
BuiltinResult semver_is_valid(BuiltinContext& ctx, Args args);
BuiltinResult semver_compare(BuiltinContext& ctx, Args args);

// uuid.cc
BuiltinResult uuid_rfc4122(BuiltinContext& ctx, Args args);
BuiltinResult uuid_parse(BuiltinContext& ctx, Args args);

// uri.cc
BuiltinResult uri_is_valid(BuiltinContext& ctx, Args args);
BuiltinResult uri_parse(BuiltinContext& ctx, Args args);

}  // namespace arcane::stdlib::impl
