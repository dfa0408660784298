// Trace points in plans (OPA's `--explain`, `opa test -v`): what a traced plan reports.
//
// Tracing is a planning option, never a run-time switch: a plan planned with a TracePlan
// (QuerySpec::trace) calls internal trace built-ins at the points where OPA's evaluator
// emits events, and a plan planned without one has no trace code at all, so untraced
// evaluation costs nothing. The calls carry a site number; the sites, filled in here at
// planning time, hold everything the events show (the node's text in OPA's String()
// form, its file and row) so the run time only records numbers.
//
//   frame = call internal.trace_enter(site, parent, data, [input])   a body starts
//   call internal.trace_eval(site, frame)                             an expression starts
//   call internal.trace_exit(site, frame)                             the body succeeded
//   call internal.trace_call() / internal.trace_return()              a rule group's entry / return
//
// A failed expression is not planned (undefined leaves a block silently): the recorder
// infers it, as the expression evaluated last in a frame that was left without reaching
// the next one. Rule bodies also carry the conditions OPA's rule index would check, so the
// recorder can leave out bodies OPA would never have entered (its trace shows none).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/value.h"

namespace arcane::compiler::plan {

inline constexpr std::string_view kTraceEnter = "internal.trace_enter";    // (site, parent, data, inputs) -> frame
inline constexpr std::string_view kTraceEval = "internal.trace_eval";      // (site, frame)
inline constexpr std::string_view kTraceExit = "internal.trace_exit";      // (site, frame)
inline constexpr std::string_view kTraceCall = "internal.trace_call";      // ()
inline constexpr std::string_view kTraceReturn = "internal.trace_return";  // ()

// `parent` of trace_enter when the parent frame is the caller of the rule group.
inline constexpr int64_t kTraceParentIsCaller = -1;

// One condition of OPA's rule index (v1/ast/index.go, refindices) on a rule body: the
// body is entered only if the base document at `path` is defined and matches `value`.
struct IndexCondition {
  bool input = true;                 // the root: input, or data
  std::vector<runtime::Value> path;  // keys below the root
  enum class Match : uint8_t { kAny, kScalar, kArray } match = Match::kAny;
  runtime::Value value;              // kScalar: the scalar; kArray: an array pattern
  std::vector<bool> wildcards;       // kArray: which pattern elements are variables
};

struct TraceSite {
  enum class Kind : uint8_t { kQuery, kRule, kBody, kExpr };
  Kind kind = Kind::kExpr;
  std::string text;  // OPA's text: a body, an expression, or a rule's path
  std::string json;  // the node (body, expression or rule) as OPA's AST JSON, indented by two
  std::string file;  // "" for the query
  uint32_t row = 0, col = 0;
  uint32_t index = 0;  // kExpr: the expression's position in its body
  std::vector<IndexCondition> conditions;  // kRule: all must hold for OPA to enter it
};

struct TracePlan {
  std::vector<TraceSite> sites;
};

}  // namespace arcane::compiler::plan
