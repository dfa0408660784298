// gqlparser's ValidateSchemaDocument: from a schema document (OPA merges gqlparser's
// prelude of built-in scalars, directives and introspection types in front of the
// user's), a Schema ready for query validation, or the first error.
//
// Extensions of types that were never defined create the type (gqlparser's rule, which
// OPA's "extending non-existent types" cases rely on); root operation types default to
// Query, Mutation and Subscription when no schema block names them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/graphql/ast.h"

namespace arcane::stdlib::graphql {

struct Schema {
  DefinitionPtr query, mutation, subscription;
  std::map<std::string, DefinitionPtr> types;
  std::map<std::string, std::shared_ptr<DirectiveDefinition>> directives;
  std::map<std::string, std::vector<DefinitionPtr>> possible_types;
  std::map<std::string, std::vector<DefinitionPtr>> implements;

  Definition* type(const std::string& name) const {
    auto it = types.find(name);
    return it == types.end() ? nullptr : it->second.get();
  }
  const std::vector<DefinitionPtr>& possible(const Definition& d) const;
};

// The prelude document (parsed afresh: validation appends to its definitions).
SchemaDocument prelude();

// Validates prelude + doc. Both documents' nodes are shared with the result.
std::optional<Error> build_schema(const SchemaDocument& doc, Schema& out);

}  // namespace arcane::stdlib::graphql
