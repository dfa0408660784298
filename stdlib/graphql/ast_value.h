// GraphQL documents as Rego values, both ways, the way OPA moves them.
//
// To a value: OPA marshals gqlparser's structs to JSON (every field under its Go name,
// Position excluded) and then prunes nulls, empty arrays and empty objects, recursively;
// zero strings, false and 0 stay. to_value() does the same.
//
// From a value: OPA marshals the object to JSON and decodes it into the structs with
// encoding/json: keys match field names exactly or, failing that, case-insensitively
// (except in the four nodes gqlparser decodes by hand: operations, fragments, fields and
// inline fragments, which match exactly); unknown keys are ignored; null leaves a field
// alone; a value of the wrong JSON type is an error. A selection is decoded as a field
// if it can be, else as a fragment spread, else as an inline fragment, else dropped —
// so in practice every selection object becomes a field, as in OPA.
#pragma once

#include <optional>
#include <string>

#include "runtime/value.h"
#include "stdlib/graphql/ast.h"

namespace arcane::stdlib::graphql {

runtime::Value to_value(const QueryDocument& doc);
runtime::Value to_value(const SchemaDocument& doc);

// The error is Go's decoding message.
std::optional<std::string> from_value(const runtime::Value& v, QueryDocument& out);
std::optional<std::string> from_value(const runtime::Value& v, SchemaDocument& out);

}  // namespace arcane::stdlib::graphql
