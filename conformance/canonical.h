// How OPA's runner puts expected and actual results in one form before comparing them
// (FORMAT.md §4). Both sides become a *set* of row objects {variable: value}, so row order
// and duplicate rows do not matter; actual values first go through OPA's ast.JSON (sets
// become sorted arrays, non-string object keys become their JSON text), are sorted when
// the case says sort_bindings, and lose compiler-generated variables when it says
// ignore_generated_vars. The sets are then equal iff the case's results match, with Rego's
// value equality (numbers by value: 1 == 1.0).
#pragma once

#include <string>
#include <vector>

#include "arcane/result_set.h"
#include "arcane/value.h"

namespace arcane::conformance {

// OPA's ast.JSON: the value as plain JSON would carry it.
Value plain_json(const Value& v);

// The expected rows: `want_result` (a list of mappings) as a set of objects.
Value expected_rows(const Value& want_result);

// The actual rows as a set of objects; false with `error` when sort_bindings meets a
// binding that is not an array (OPA's runner would crash on it).
bool actual_rows(const std::vector<ResultRow>& rows, bool sort_bindings, bool ignore_generated_vars, Value& out,
                 std::string& error);

}  // namespace arcane::conformance
