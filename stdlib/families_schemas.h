// The implementation functions of the schemas group (registry_schemas.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {

// graphql.cc
BuiltinResult graphql_parse(BuiltinContext& ctx, Args args);
BuiltinResult graphql_parse_and_verify(BuiltinContext& ctx, Args args);
BuiltinResult graphql_parse_query(BuiltinContext& ctx, Args args);
BuiltinResult graphql_parse_schema(BuiltinContext& ctx, Args args);
BuiltinResult graphql_is_valid(BuiltinContext& ctx, Args args);
BuiltinResult graphql_schema_is_valid(BuiltinContext& ctx, Args args);

// json_schema.cc
BuiltinResult json_verify_schema(BuiltinContext& ctx, Args args);
BuiltinResult json_match_schema(BuiltinContext& ctx, Args args);

}  // namespace arcane::stdlib::impl
