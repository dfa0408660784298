// graphql.parse, graphql.parse_and_verify, graphql.parse_query, graphql.parse_schema,
// graphql.is_valid, graphql.schema_is_valid (topdown/graphql.go).
//
// The parser, validators and AST conversion live in stdlib/graphql/; this file orders
// the steps as OPA does and words the errors as OPA does: gqlparser reports
// "input:LINE:COL: message", and OPA splits that text on its first three colons to say
// "message in GraphQL string at location LINE:COL" (a validation message loses its
// final period; further errors follow it verbatim, as OPA's split leaves them).
#include <optional>
#include <string>
#include <variant>

#include "runtime/value_builder.h"
#include "stdlib/families_schemas.h"
#include "stdlib/graphql/ast_value.h"
#include "stdlib/graphql/parser.h"
#include "stdlib/graphql/query_check.h"
#include "stdlib/graphql/schema_check.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;
namespace gql = graphql;

// gqlparser's gqlerror.Error() text.
std::string go_error_text(const gql::Error& e) {
  std::string s = "input";
  if (e.pos.valid) s += ":" + std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column);
  return s + ": " + e.message;
}

// OPA's strings.SplitN(err.Error(), ":", 4) rewording; nullopt where OPA's split would
// find too few parts (an error without a location).
std::optional<std::string> located(const std::string& go_text, bool trim_period) {
  size_t a = go_text.find(':');
  size_t b = a == std::string::npos ? a : go_text.find(':', a + 1);
  size_t c = b == std::string::npos ? b : go_text.find(':', b + 1);
  if (c == std::string::npos) return std::nullopt;
  std::string msg = go_text.substr(c + 1);
  msg.erase(0, msg.find_first_not_of(' ') == std::string::npos ? msg.size() : msg.find_first_not_of(' '));
  if (trim_period && msg.size() >= 2 && msg.compare(msg.size() - 2, 2, ".\n") == 0) msg.resize(msg.size() - 2);
  return msg + " in GraphQL string at location " + go_text.substr(a + 1, b - a - 1) + ":" +
         go_text.substr(b + 1, c - b - 1);
}

std::string parse_error_text(const gql::Error& e) {
  std::string text = go_error_text(e);
  return located(text, false).value_or(e.message);
}

template <class Doc>
struct Parsed {
  Doc doc;
  std::optional<std::string> error;  // OPA's wording, without the built-in's name
};

Parsed<gql::QueryDocument> query_operand(const Value& v) {
  Parsed<gql::QueryDocument> out;
  if (v.is_string()) {
    gql::QueryParse p = gql::parse_query(v.string_view());
    out.doc = std::move(p.doc);
    if (p.error) out.error = parse_error_text(*p.error);
  } else {
    out.error = gql::from_value(v, out.doc);
  }
  return out;
}

Parsed<gql::SchemaDocument> schema_operand(const Value& v) {
  Parsed<gql::SchemaDocument> out;
  if (v.is_string()) {
    gql::SchemaParse p = gql::parse_schema(v.string_view());
    out.doc = std::move(p.doc);
    if (p.error) out.error = parse_error_text(*p.error);
  } else {
    out.error = gql::from_value(v, out.doc);
  }
  return out;
}

std::optional<std::string> convert_schema(const gql::SchemaDocument& doc, gql::Schema& schema) {
  if (auto e = gql::build_schema(doc, schema)) {
    return "Error in gqlparser SchemaDocument to Schema conversion: " + go_error_text(*e);
  }
  return std::nullopt;
}

std::optional<std::string> validate(const gql::Schema& schema, gql::QueryDocument& doc) {
  std::vector<gql::Error> errs = gql::validate_query(schema, doc);
  if (errs.empty()) return std::nullopt;
  std::string text;
  for (const gql::Error& e : errs) text += go_error_text(e) + "\n";
  if (auto m = located(text, true)) return m;
  std::string first = errs[0].message;
  return first;
}

bool is_doc_operand(const Value& v) {
  return v.is_string() || v.is_object();
}

// The shared steps of parse and parse_and_verify: the query and schema ASTs as values,
// or OPA's error text.
std::variant<std::pair<Value, Value>, std::string> parse_both(const Value& query, const Value& schema) {
  auto q = query_operand(query);
  if (q.error) return *q.error;
  auto s = schema_operand(schema);
  if (s.error) return *s.error;
  Value schema_ast = gql::to_value(s.doc);
  gql::Schema built;
  if (auto e = convert_schema(s.doc, built)) return *e;
  Value query_ast = gql::to_value(q.doc);
  if (auto e = validate(built, q.doc)) return *e;
  return std::make_pair(std::move(query_ast), std::move(schema_ast));
}

}  // namespace

BuiltinResult graphql_parse(BuiltinContext&, Args args) {
  if (!is_doc_operand(args[0])) return operand_type_error("graphql.parse", 0, args[0], {"string", "object"});
  if (!is_doc_operand(args[1])) return operand_type_error("graphql.parse", 1, args[1], {"string", "object"});
  auto r = parse_both(args[0], args[1]);
  if (auto* e = std::get_if<std::string>(&r)) return builtin_error("graphql.parse", *e);
  auto& [q, s] = std::get<0>(r);
  std::vector<Value> items{q, s};
  return runtime::take_array(items);
}

BuiltinResult graphql_parse_and_verify(BuiltinContext&, Args args) {
  if (is_doc_operand(args[0]) && is_doc_operand(args[1])) {
    auto r = parse_both(args[0], args[1]);
    if (auto* p = std::get_if<0>(&r)) {
      std::vector<Value> items{Value::boolean(true), p->first, p->second};
      return runtime::take_array(items);
    }
  }
  std::vector<Value> items{Value::boolean(false), Value::empty_object(), Value::empty_object()};
  return runtime::take_array(items);
}

BuiltinResult graphql_parse_query(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("graphql.parse_query", 1, args[0], {"string"});
  auto q = query_operand(args[0]);
  if (q.error) return builtin_error("graphql.parse_query", *q.error);
  return gql::to_value(q.doc);
}

BuiltinResult graphql_parse_schema(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("graphql.parse_schema", 1, args[0], {"string"});
  auto s = schema_operand(args[0]);
  if (s.error) return builtin_error("graphql.parse_schema", *s.error);
  return gql::to_value(s.doc);
}

BuiltinResult graphql_is_valid(BuiltinContext&, Args args) {
  if (!is_doc_operand(args[0]) || !is_doc_operand(args[1])) return Value::boolean(false);
  auto q = query_operand(args[0]);
  if (q.error) return Value::boolean(false);
  auto s = schema_operand(args[1]);
  if (s.error) return Value::boolean(false);
  gql::Schema built;
  if (convert_schema(s.doc, built)) return Value::boolean(false);
  return Value::boolean(!validate(built, q.doc).has_value());
}

BuiltinResult graphql_schema_is_valid(BuiltinContext&, Args args) {
  if (!is_doc_operand(args[0])) return Value::boolean(false);
  auto s = schema_operand(args[0]);
  if (s.error) return Value::boolean(false);
  gql::Schema built;
  return Value::boolean(!convert_schema(s.doc, built).has_value());
}

}  // namespace arcane::stdlib::impl
