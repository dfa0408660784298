// json.verify_schema and json.match_schema (topdown/json.go with gojsonschema).
//
// A string operand must be JSON (Go's json.Valid, else "invalid JSON string"); an object
// is used as it is; anything else is "wrong type, expected string or object". The
// validator lives in stdlib/json_schema/.
#include <variant>

#include "runtime/json_reader.h"
#include "runtime/value_builder.h"
#include "stdlib/families_schemas.h"
#include "stdlib/go_json_scanner.h"
#include "stdlib/json_schema/schema.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;
using json_schema::Schema;

// OPA's astValueToJSONSchemaLoader, loaded: the JSON value or the error text.
std::variant<Value, std::string> load(const Value& v) {
  if (v.is_object()) return v;
  if (!v.is_string()) return std::string("wrong type, expected string or object");
  std::string_view text = v.string_view();
  if (!go_json_valid(text)) return std::string("invalid JSON string");
  runtime::Result<Value> parsed = runtime::parse_json(go_replace_invalid_utf8(text));
  if (!parsed.ok()) return std::string("invalid JSON string");
  return parsed.value();
}

Value pair(Value a, Value b) {
  std::vector<Value> items{std::move(a), std::move(b)};
  return runtime::take_array(items);
}

}  // namespace

BuiltinResult json_verify_schema(BuiltinContext&, Args args) {
  auto loaded = load(args[0]);
  if (auto* e = std::get_if<std::string>(&loaded)) return pair(Value::boolean(false), Value::from_string("jsonschema: " + *e));
  auto compiled = Schema::compile(std::get<Value>(loaded));
  if (auto* e = std::get_if<std::string>(&compiled)) {
    return pair(Value::boolean(false), Value::from_string("jsonschema: " + *e));
  }
  return pair(Value::boolean(true), Value::null());
}

BuiltinResult json_match_schema(BuiltinContext&, Args args) {
  auto doc = load(args[0]);
  if (auto* e = std::get_if<std::string>(&doc)) return builtin_error("json.match_schema", *e);
  auto schema_doc = load(args[1]);
  if (auto* e = std::get_if<std::string>(&schema_doc)) return builtin_error("json.match_schema", *e);
  auto compiled = Schema::compile(std::get<Value>(schema_doc));
  if (auto* e = std::get_if<std::string>(&compiled)) return builtin_error("json.match_schema", *e);
  std::vector<json_schema::ResultError> errors =
      std::get<std::shared_ptr<const Schema>>(compiled)->validate(std::get<Value>(doc));
  runtime::ArrayBuilder out(errors.size());
  for (const auto& e : errors) {
    runtime::ObjectBuilder o(4);
    o.insert("error", Value::from_string(e.text()));
    o.insert("type", Value::from_string(e.type));
    o.insert("field", Value::from_string(e.field));
    o.insert("desc", Value::from_string(e.description));
    out.push_back(o.build());
  }
  return pair(Value::boolean(errors.empty()), out.build());
}

}  // namespace arcane::stdlib::impl
