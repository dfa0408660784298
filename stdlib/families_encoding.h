// The implementation functions of the encoding group (registry_encoding.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {

// encoding.cc: base64, base64url, hex, urlquery
BuiltinResult base64_encode(BuiltinContext& ctx, Args args);
BuiltinResult base64_decode(BuiltinContext& ctx, Args args);
BuiltinResult base64_is_valid(BuiltinContext& ctx, Args args);
BuiltinResult base64url_encode(BuiltinContext& ctx, Args args);
BuiltinResult base64url_encode_no_pad(BuiltinContext& ctx, Args args);
BuiltinResult base64url_decode(BuiltinContext& ctx, Args args);
BuiltinResult hex_encode(BuiltinContext& ctx, Args args);
BuiltinResult hex_decode(BuiltinContext& ctx, Args args);
BuiltinResult urlquery_encode(BuiltinContext& ctx, Args args);
BuiltinResult urlquery_decode(BuiltinContext& ctx, Args args);
BuiltinResult urlquery_encode_object(BuiltinContext& ctx, Args args);
BuiltinResult urlquery_decode_object(BuiltinContext& ctx, Args args);

// json_codec.cc
BuiltinResult json_marshal(BuiltinContext& ctx, Args args);
BuiltinResult json_marshal_with_options(BuiltinContext& ctx, Args args);
BuiltinResult json_unmarshal(BuiltinContext& ctx, Args args);
BuiltinResult json_is_valid(BuiltinContext& ctx, Args args);

// yaml_codec.cc
BuiltinResult yaml_marshal(BuiltinContext& ctx, Args args);
BuiltinResult yaml_unmarshal(BuiltinContext& ctx, Args args);
BuiltinResult yaml_is_valid(BuiltinContext& ctx, Args args);

// object_ops.cc
BuiltinResult object_union(BuiltinContext& ctx, Args args);
BuiltinResult object_union_n(BuiltinContext& ctx, Args args);
BuiltinResult object_filter(BuiltinContext& ctx, Args args);
BuiltinResult object_remove(BuiltinContext& ctx, Args args);
BuiltinResult object_keys(BuiltinContext& ctx, Args args);
BuiltinResult object_subset(BuiltinContext& ctx, Args args);

// json_paths.cc: json.filter, json.remove
BuiltinResult json_filter(BuiltinContext& ctx, Args args);
BuiltinResult json_remove(BuiltinContext& ctx, Args args);

// json_patch.cc
BuiltinResult json_patch(BuiltinContext& ctx, Args args);

// graph.cc
BuiltinResult graph_reachable(BuiltinContext& ctx, Args args);
BuiltinResult graph_reachable_paths(BuiltinContext& ctx, Args args);

// array_flatten.cc
BuiltinResult array_flatten(BuiltinContext& ctx, Args args);

// trace.cc
BuiltinResult trace(BuiltinContext& ctx, Args args);

// opa_runtime.cc
BuiltinResult opa_runtime(BuiltinContext& ctx, Args args);

// rego_metadata.cc: the compiler rewrites these calls; the functions only report that it did not.
BuiltinResult rego_metadata_chain(BuiltinContext& ctx, Args args);
BuiltinResult rego_metadata_rule(BuiltinContext& ctx, Args args);
// rego_metadata.cc too: parsing through the context's module parser.
BuiltinResult rego_parse_module(BuiltinContext& ctx, Args args);

}  // namespace arcane::stdlib::impl
