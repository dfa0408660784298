// The planner: a compiled program and a compiled query become an IR policy (docs/ir.md).
//
//   auto policy = plan::plan_query(program, query, spec, diags);
//   auto vm_program = vm::Program::lower(*policy, vm::stdlib_builtins());
//
// It follows the model of OPA's planner (v1/internal/planner): every construct is planned
// by continuation, so a loop (a scan over a collection, the children of a virtual
// document) holds the rest of the query in its body, and "undefined" leaves a block. One
// function is planned per rule group that the query can reach (rules are planned on first
// use, once per `with` scope that could change them), one per Rego function; the query is
// the single plan.
//
// The plan's rows are arrays [bindings, expressions]: an object from each result variable
// (compiled name) to its value, and the values of the expressions listed in the spec (a
// term's or a call's value, `true` for anything else).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/compile/program.h"
#include "compiler/plan/plan_trace.h"
#include "ir/ir.h"
#include "runtime/diagnostic.h"
#include "runtime/result.h"
#include "runtime/source.h"

namespace arcane::compiler::plan {

struct QuerySpec {
  std::string plan_name = "query";
  // The variables a row reports, by compiled name (CompiledQuery::result_vars).
  std::vector<std::string> result_vars;
  // Locations of the expressions whose values a row reports, in order. A compiled
  // top-level expression at the same location (not generated) supplies the value.
  std::vector<runtime::Location> listed;
  // The sources behind every location: module files and the query's own file. Files
  // with the same id must agree; ids missing from one set come from the other.
  std::vector<const runtime::SourceSet*> sources;
  // Tracing (plan_trace.h): when set, the plan reports trace events and the sites they
  // refer to are added here. Such a plan must not serve untraced evaluations.
  TracePlan* trace = nullptr;
  // The query's own renamed variables (`__localq0__` -> `x`), for the text of its events.
  const std::map<std::string, std::string>* query_rewritten_vars = nullptr;
  // If set (and not tracing), a second entrypoint of this name whose rows are just the
  // value of the first listed expression (`true` when none has a value): what a decision
  // needs, without building a row of bindings and values (PreparedQuery::decide).
  std::string decision_plan_name;
  bool first_value_only = false;  // set on the spec of that second entrypoint
};

runtime::Result<ir::Policy> plan_query(const CompiledProgram& program, const ast::Body& query, const QuerySpec& spec);

}  // namespace arcane::compiler::plan
