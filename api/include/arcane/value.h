// The value type of the embedding API, and the usual ways of making one.
//
// The API does not wrap Rego values: an input given to the engine and a value in a result
// are the runtime's own Value, a 16-byte immutable handle whose heap parts are shared by
// atomic reference counts. So values cross the API without copying and may be used from
// any thread. Semantics (kinds, OPA's total order, exact numbers) are those described in
// runtime/value.h; containers are built with the builders aliased here.
//
// A host usually makes values from text: JSON or YAML (YAML 1.1 rules, as OPA reads YAML;
// numbers keep their exact text), or a Rego constant term, which can also spell sets and
// non-string object keys (`{"a", {1: [true]}}`, `set()`), as OPA's conformance cases do.
#pragma once

#include <string>
#include <string_view>

#include "arcane/error.h"
#include "runtime/value.h"
#include "runtime/value_builder.h"

namespace arcane {

using Value = runtime::Value;
using Kind = runtime::Kind;
using Number = runtime::Number;
using ObjectEntry = runtime::ObjectEntry;
using ArrayBuilder = runtime::ArrayBuilder;
using ObjectBuilder = runtime::ObjectBuilder;
using SetBuilder = runtime::SetBuilder;

// Errors have code "json_parse_error" / "yaml_parse_error" and a "line:col: cause" message.
Result<Value> value_from_json(std::string_view text);
Result<Value> value_from_yaml(std::string_view text);

// A Rego term that is constant: null, booleans, numbers, strings, arrays, objects (any
// constant keys) and sets. Variables, references, calls, comprehensions and template
// strings are refused (code "rego_type_error"); syntax errors are "rego_parse_error".
Result<Value> value_from_rego(std::string_view text);

// JSON as OPA prints values: sets as sorted arrays, non-string keys as their JSON text,
// keys sorted, Go's HTML-safe escaping; `indent` is json.MarshalIndent's two spaces.
// (Not `to_json`: that name would collide, by argument-dependent lookup, with the
// runtime's own writer for the same type.)
std::string value_to_json(const Value& value, bool indent = false);

}  // namespace arcane
