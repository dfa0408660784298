// `opa eval`'s output formats for a result set (OPA's internal/presentation package):
//   json      {"result": [...]} as the API's to_opa_json (`{}` when undefined)
//   raw       one line per row, the expressions' values joined by a space, strings bare
//   values    per row, an indented JSON array of the expressions' values
//   bindings  per row, an indented JSON object of the row's bindings
//   pretty    `undefined`; one row of one (or only boolean) expressions as indented JSON;
//             otherwise an ASCII table, one column per variable (sorted) and per non-boolean
//             expression
// Errors are not handled here (see load_report.h); the result must have none.
#pragma once

#include <string>

#include "arcane/metrics.h"
#include "arcane/result_set.h"

namespace arcane::cli {

// With `metrics` (`--metrics`), json adds a "metrics" object and pretty a Metric/Value
// table after the result, as OPA does; the other formats leave them out, as OPA's do.
std::string format_result(const EvalResult& result, const std::string& format, const Metrics* metrics = nullptr);

// OPA's pretty table (olekukonko/tablewriter as OPA configures it): centred headers, left
// aligned cells, `+---+` rules.
std::string render_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

}  // namespace arcane::cli
