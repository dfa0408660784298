// Recursive-descent parsers for GraphQL query and schema documents, gqlparser's grammar
// and error wording ("Expected Name, found <EOF>", "Unexpected Name \"x\"",
// "expected at least one definition, found }"), stopping at the first error. Nesting
// deeper than kMaxDepth is refused with an error of our own.
#pragma once

#include <optional>
#include <string_view>

#include "stdlib/graphql/ast.h"

namespace arcane::stdlib::graphql {

struct QueryParse {
  QueryDocument doc;
  std::optional<Error> error;
};
struct SchemaParse {
  SchemaDocument doc;
  std::optional<Error> error;
};

QueryParse parse_query(std::string_view source);
// `built_in` marks every definition and extension as BuiltIn (the prelude).
SchemaParse parse_schema(std::string_view source, bool built_in = false);

}  // namespace arcane::stdlib::graphql
