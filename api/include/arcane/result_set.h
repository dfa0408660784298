// What an evaluation returns, shaped like OPA's rego.ResultSet.
//
// A query yields zero rows (undefined) or more. Each row has the value of every listed
// expression of the query (a term's value; `true` for the others, e.g. an assignment or a
// comparison that held), each with its source text and position, and the variable
// bindings of that row. That is exactly what `opa eval --format json` prints, so
// to_opa_json() can reproduce OPA's output byte for byte.
//
// Evaluation can return an error *and* rows: with strict built-in errors, OPA evaluates
// to the end and then reports the first built-in error together with whatever rows were
// produced. A caller that wants OPA's CLI behaviour treats any error as a failure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "arcane/error.h"
#include "arcane/value.h"
#include "runtime/boxed.h"

namespace arcane {

struct ExpressionValue {
  Value value;
  std::string text;  // the expression as written in the query
  int row = 0;       // where it starts in the query, 1-based
  int col = 0;
};

struct Binding {
  std::string name;
  Value value;
};

struct ResultRow {
  std::vector<ExpressionValue> expressions;
  std::vector<Binding> bindings;  // sorted by name

  // The value bound to `name` in this row, or nullptr.
  const Value* binding(std::string_view name) const;
};

// What PreparedQuery::decide() returns: the one value a decision query yields.
struct Decision {
  std::optional<Value> value;  // nullopt: undefined
  runtime::Boxed<Error> error;  // std::optional's interface, one pointer while there is none
  bool ok() const { return !error.has_value(); }
  // Whether the decision is the boolean `true` (what an `allow` rule grants with); false
  // when it is anything else, undefined, or an error.
  bool allowed() const { return !error && value && value->is_boolean() && value->as_bool(); }
};

struct EvalResult {
  std::vector<ResultRow> rows;
  std::optional<Error> error;

  bool ok() const { return !error.has_value(); }
  bool defined() const { return !rows.empty(); }
};

// `opa eval --format json`: {"result": [...]} with expressions {value, text, location} and
// bindings (left out when empty); `{}` when undefined; {"errors": [...]} on error. Indented
// by two spaces as OPA prints it, or compact.
// With `metrics`, they follow the result as "metrics" (`opa eval --metrics`).
std::string to_opa_json(const EvalResult& result, bool indent = true, const Metrics* metrics = nullptr);

}  // namespace arcane
