// gqlparser's query validation: a walker that annotates the document against the schema
// (field, argument and value definitions, variable use) and the rule set of
// gqlparser/validator/rules, registered in that package's order so errors come out in
// gqlparser's order. Every error is returned; OPA words the first (and appends the rest).
#pragma once

#include <vector>

#include "stdlib/graphql/ast.h"
#include "stdlib/graphql/schema_check.h"

namespace arcane::stdlib::graphql {

std::vector<Error> validate_query(const Schema& schema, QueryDocument& doc);

}  // namespace arcane::stdlib::graphql
