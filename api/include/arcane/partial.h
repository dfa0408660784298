// Partial evaluation (OPA's `opa eval --partial`, rego.Partial): evaluate a query as far as
// the known documents allow and return what is left as Rego, to be evaluated later by
// whoever knows the rest (typically `input`), e.g. turned into a database filter.
//
//   arcane::PartialOptions options;            // unknowns default to {"input"}
//   auto result = arcane::partial_eval(*engine, "data.authz.allow", options);
//   if (!result) return report(result.errors());
//   for (const auto& q : result->queries) ...  // disjunction: any query may hold
//   for (const auto& m : result->support) ...  // modules under data.partial the queries use
//
// No query means the query can never hold; a query with no expressions means it always
// holds. See docs/partial_eval.md for what is evaluated, saved, inlined and supported.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "arcane/engine.h"

namespace arcane {

struct PartialOptions {
  // Refs of unknown documents, as Rego text: "input", "input.user", "data.tenants".
  // Empty: {"input"}.
  std::vector<std::string> unknowns;
  // OPA's --disable-inlining: every rule the query reaches becomes a support rule.
  bool disable_inlining = false;
  // The known part of input (used where input is not unknown).
  std::optional<Value> input;
};

struct PartialResult {
  std::vector<std::string> queries;       // each as Rego: one expression per line
  std::vector<std::string> support;       // each a Rego v1 module, ending with a newline
  std::vector<std::string> queries_json;  // OPA's AST JSON of each query (an array of expressions)
  std::vector<std::string> support_json;  // OPA's AST JSON of each module
};

// Works on any engine. An engine built only for partial evaluation (call this before
// build()) skips the planning and bytecode of normal evaluation and is not compiled twice;
// its prepare() then fails.
void use_for_partial_evaluation(EngineBuilder& builder);

Result<PartialResult> partial_eval(const Engine& engine, std::string_view query, const PartialOptions& options = {});

// `{"partial": {"queries": [...], "support": [...]}}` as `opa eval --partial --format json`
// prints it (empty lists left out), indented with two spaces.
std::string to_opa_json(const PartialResult& result);

}  // namespace arcane
