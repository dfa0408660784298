// The GraphQL document model that OPA's graphql.* built-ins expose, shaped after the
// structs of OPA's vendored gqlparser: the JSON field names of those structs are the keys
// of the objects graphql.parse_query and graphql.parse_schema return (ast_value.h
// converts both ways), and the validators (schema_check.h, query_check.h) read and
// annotate the same nodes.
//
// Nodes are shared_ptr-held because the schema validator links definitions into maps and
// appends extension fields to them, as gqlparser does with its pointers. A Position is
// kept for error messages only; it never reaches a returned value (OPA prunes it).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace arcane::stdlib::graphql {

struct Position {
  int line = 0;
  int column = 0;
  bool valid = false;
};

struct Definition;
struct FieldDefinition;
struct VariableDefinition;
struct DirectiveDefinition;
struct FragmentDefinition;

struct Type {
  std::string named_type;
  std::shared_ptr<Type> elem;
  bool non_null = false;
  Position pos;

  std::string name() const { return elem ? elem->name() : named_type; }
  std::string str() const;  // "[Int!]!"
};
using TypePtr = std::shared_ptr<Type>;

enum class ValueKind : int { kVariable, kInt, kFloat, kString, kBlock, kBoolean, kNull, kEnum, kList, kObject };

struct Value;
using ValuePtr = std::shared_ptr<Value>;

struct ChildValue {
  std::string name;
  ValuePtr value;
  Position pos;
};

struct Value {
  std::string raw;
  std::vector<ChildValue> children;
  int kind = 0;  // a ValueKind; objects may carry any int
  Position pos;
  // Filled by validation (or supplied in an AST object and echoed back).
  std::shared_ptr<Definition> definition;
  std::shared_ptr<VariableDefinition> variable_definition;
  TypePtr expected_type;
  bool expected_type_has_default = false;

  ValueKind value_kind() const { return static_cast<ValueKind>(kind); }
  std::string str() const;  // gqlparser's Value.String()
};

struct Argument {
  std::string name;
  ValuePtr value;
  Position pos;
};
using ArgumentList = std::vector<std::shared_ptr<Argument>>;

struct Directive {
  std::string name;
  ArgumentList arguments;
  Position pos;
  std::shared_ptr<Definition> parent_definition;
  std::shared_ptr<DirectiveDefinition> definition;
  std::string location;
};
using DirectiveList = std::vector<std::shared_ptr<Directive>>;

struct VariableDefinition {
  std::string variable;
  TypePtr type;
  ValuePtr default_value;
  DirectiveList directives;
  Position pos;
  std::shared_ptr<Definition> definition;
  bool used = false;
};
using VariableDefinitionList = std::vector<std::shared_ptr<VariableDefinition>>;

enum class SelectionKind { kField, kFragmentSpread, kInlineFragment };

struct Selection;
using SelectionPtr = std::shared_ptr<Selection>;
using SelectionSet = std::vector<SelectionPtr>;

// Field, FragmentSpread and InlineFragment in one node; `kind` says which fields apply.
struct Selection {
  SelectionKind kind = SelectionKind::kField;
  std::string alias;           // field
  std::string name;            // field, spread
  ArgumentList arguments;      // field
  DirectiveList directives;    // all
  SelectionSet selection_set;  // field, inline fragment
  std::string type_condition;  // inline fragment
  Position pos;
  std::shared_ptr<FieldDefinition> field_definition;         // field
  std::shared_ptr<Definition> object_definition;             // all
  std::shared_ptr<FragmentDefinition> fragment_definition;   // spread
};

struct OperationDefinition {
  std::string operation;  // "query" | "mutation" | "subscription"
  std::string name;
  VariableDefinitionList variable_definitions;
  DirectiveList directives;
  SelectionSet selection_set;
  Position pos;
};

struct FragmentDefinition {
  std::string name;
  VariableDefinitionList variable_definition;
  std::string type_condition;
  DirectiveList directives;
  SelectionSet selection_set;
  std::shared_ptr<Definition> definition;
  Position pos;
};

struct QueryDocument {
  std::vector<std::shared_ptr<OperationDefinition>> operations;
  std::vector<std::shared_ptr<FragmentDefinition>> fragments;
};

struct ArgumentDefinition {
  std::string description;
  std::string name;
  ValuePtr default_value;
  TypePtr type;
  DirectiveList directives;
  Position pos;
};
using ArgumentDefinitionList = std::vector<std::shared_ptr<ArgumentDefinition>>;

struct FieldDefinition {
  std::string description;
  std::string name;
  ArgumentDefinitionList arguments;
  ValuePtr default_value;
  TypePtr type;
  DirectiveList directives;
  Position pos;
};
using FieldList = std::vector<std::shared_ptr<FieldDefinition>>;

struct EnumValueDefinition {
  std::string description;
  std::string name;
  DirectiveList directives;
  Position pos;
};

struct Definition {
  std::string kind;  // "SCALAR" | "OBJECT" | "INTERFACE" | "UNION" | "ENUM" | "INPUT_OBJECT"
  std::string description;
  std::string name;
  DirectiveList directives;
  std::vector<std::string> interfaces;
  FieldList fields;
  std::vector<std::string> types;
  std::vector<std::shared_ptr<EnumValueDefinition>> enum_values;
  Position pos;
  bool built_in = false;

  const FieldDefinition* field(const std::string& n) const;
  bool is_leaf() const { return kind == "ENUM" || kind == "SCALAR"; }
  bool is_abstract() const { return kind == "INTERFACE" || kind == "UNION"; }
  bool is_composite() const { return kind == "OBJECT" || kind == "INTERFACE" || kind == "UNION"; }
  bool is_input() const { return kind == "SCALAR" || kind == "ENUM" || kind == "INPUT_OBJECT"; }
};
using DefinitionPtr = std::shared_ptr<Definition>;

struct DirectiveDefinition {
  std::string description;
  std::string name;
  ArgumentDefinitionList arguments;
  std::vector<std::string> locations;
  bool is_repeatable = false;
  Position pos;
};

struct OperationTypeDefinition {
  std::string operation;
  std::string type;
  Position pos;
};

struct SchemaDefinition {
  std::string description;
  DirectiveList directives;
  std::vector<std::shared_ptr<OperationTypeDefinition>> operation_types;
  Position pos;
};

struct SchemaDocument {
  std::vector<std::shared_ptr<SchemaDefinition>> schema;
  std::vector<std::shared_ptr<SchemaDefinition>> schema_extension;
  std::vector<std::shared_ptr<DirectiveDefinition>> directives;
  std::vector<DefinitionPtr> definitions;
  std::vector<DefinitionPtr> extensions;
};

// An error as gqlparser words it: a message and, when known, where.
struct Error {
  std::string message;
  Position pos;
};

// Nesting bound for every recursive walk over documents and AST objects, so hostile
// input cannot exhaust the stack (gqlparser has none; Go's stacks grow).
inline constexpr int kMaxDepth = 256;

}  // namespace arcane::stdlib::graphql
