// OverlappingFieldsCanBeMerged, reduced to its core: fields that share a response name
// within one selection set (fragments and inline fragments included) must be the same
// field with the same arguments and compatible types, and their subfields must merge
// too; fields under different object types may differ. Messages are gqlparser's
// ("Fields \"x\" conflict because ... Use different aliases on the fields to fetch both
// if this was intentional.").
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "stdlib/graphql/ast.h"
#include "stdlib/graphql/schema_check.h"

namespace arcane::stdlib::graphql {

class OverlappingFields {
 public:
  using AddError = std::function<void(std::string, const Position&)>;
  OverlappingFields(const Schema& s, const QueryDocument& doc, AddError add) : s_(s), doc_(doc), add_(std::move(add)) {}
  void check(const SelectionSet& set);

 private:
  struct FieldRef {
    const Definition* parent;
    const Selection* field;
  };
  const FragmentDefinition* fragment(const std::string& name) const;
  void collect(const Definition* parent, const SelectionSet& set, std::map<std::string, std::vector<FieldRef>>& out,
               std::set<std::string>& visited, int depth);
  bool types_conflict(const Type* a, const Type* b) const;
  std::string conflict(bool exclusive, const FieldRef& a, const FieldRef& b, int depth);

  const Schema& s_;
  const QueryDocument& doc_;
  AddError add_;
};

}  // namespace arcane::stdlib::graphql
