// The seam between the embedding API and evaluation.
//
// The API does everything that does not need the evaluator itself: it reads files, parses
// modules and queries (with located errors), loads and merges data, converts inputs, turns
// diagnostics into self-contained errors and raw rows into OPA-shaped results, and keeps
// the whole thing immutable and thread-safe. What it cannot do alone — compile the
// modules, plan a query, run the plan — sits behind the three small interfaces below, in
// the order OPA does it:
//
//   Evaluator::compile(Policy)      once per Engine      (compiler stages: OPA's Compiler)
//   CompiledPolicy::prepare(Query)  once per query       (query compiler + planner)
//   PreparedPlan::eval(EvalRequest) per decision, many threads at once   (the VM)
//
// default_evaluator() (evaluator.cc) is the single place that picks the implementation.
// It returns vm_evaluator(): compiler stages, planner, bytecode VM. Tests swap in a fake
// through set_evaluator(), so that
// everything around evaluation (this API, the conformance runner) is proven before the
// evaluator exists.
//
// Diagnostics returned here carry runtime::Locations. File ids below Query::file point
// into Policy::sources, Query::file into Query::sources; the API resolves both.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "arcane/engine.h"
#include "compiler/ast/ast.h"
#include "runtime/boxed.h"
#include "runtime/diagnostic.h"
#include "runtime/source.h"
#include "runtime/value.h"
#include "vm/eval.h"

namespace arcane::api {

// Everything an Engine was built from, parsed and merged. Immutable once built; shared by
// the engine, its compiled form and every prepared query.
struct Policy {
  runtime::SourceSet sources;                  // module texts (data files are not kept)
  std::vector<compiler::ast::Module> modules;  // in the order added; names are unique
  std::vector<uint32_t> module_files;          // modules[i] was parsed from this file id
  runtime::Value data;                         // the base document, an object
  EngineOptions options;
  std::vector<CustomBuiltin> custom_builtins;  // EngineBuilder::add_builtin, checked
};

// A parsed query.
struct Query {
  // Files 1..n are empty stand-ins for Policy::sources' n files, so that file ids in
  // diagnostics never collide; the query itself is `file` (n + 1), named "".
  runtime::SourceSet sources;
  uint32_t file = 0;
  std::string text;
  compiler::ast::Body body;
  // The expressions a result row lists (OPA lists every expression of the compiled query
  // that the compiler did not generate; `some` declarations compile away): indices into
  // body, in order.
  std::vector<size_t> listed;
  // Plan with trace points (PrepareOptions::trace): the plan serves only this query.
  bool trace = false;
};

struct EvalRequest {
  const runtime::Value* input = nullptr;  // nullptr: input is undefined
  bool strict_builtin_errors = false;
  vm::Limits limits;
  Tracer* tracer = nullptr;  // where a traced plan's events go (none: not recorded)
};

struct RawRow {
  // Every variable bound at the top level of the compiled query, by compiled name.
  std::vector<std::pair<std::string, runtime::Value>> bindings;
  // The value of each listed expression, in Query::listed order: the term's value for a
  // term expression, `true` otherwise. Missing trailing values are taken as `true`.
  std::vector<runtime::Value> expressions;
};

struct RawResult {
  std::vector<RawRow> rows;
  std::optional<runtime::Diagnostic> error;  // may come with rows (strict built-in errors)
};

struct RawDecision {
  std::optional<runtime::Value> value;       // the first row's first listed expression
  runtime::Boxed<runtime::Diagnostic> error;
};

class PreparedPlan {
 public:
  virtual ~PreparedPlan() = default;
  // Runs the query. Called from many threads at once on one plan.
  virtual RawResult eval(const EvalRequest& request) const = 0;
  // Runs the query up to its first row (PreparedQuery::decide). The default takes it
  // from eval(); an evaluator with a cheaper way overrides it.
  virtual RawDecision decide(const EvalRequest& request) const;
  // The name a compiled variable is shown under in user-facing rows (BindingNames::kUser),
  // or nullopt to leave it out. The default shows every variable under its own name except
  // wildcards (`$0`, ...) and generated ones (`__local...`); a compiler that renames
  // variables (`x := ...` becomes `__localq0__`) maps them back here.
  virtual std::optional<std::string> user_name(std::string_view compiled) const;
};

class CompiledPolicy {
 public:
  virtual ~CompiledPolicy() = default;
  // Compiles and plans a query against the policy; nullptr with diagnostics on failure.
  // Called from many threads at once.
  virtual std::shared_ptr<const PreparedPlan> prepare(std::shared_ptr<const Query> query,
                                                      runtime::Diagnostics& diags) const = 0;
};

class Evaluator {
 public:
  virtual ~Evaluator() = default;
  // Compiles the policy's modules; nullptr with diagnostics on failure.
  virtual std::shared_ptr<const CompiledPolicy> compile(std::shared_ptr<const Policy> policy,
                                                        runtime::Diagnostics& diags) const = 0;
};

// The evaluator engines use unless told otherwise. THE SEAM: see evaluator.cc.
std::shared_ptr<const Evaluator> default_evaluator();
// The compiler + planner + bytecode VM (vm_evaluator.cc).
std::shared_ptr<const Evaluator> vm_evaluator();

// The evaluator `builder` will compile with (nullptr: the default). For tests and tools.
void set_evaluator(EngineBuilder& builder, std::shared_ptr<const Evaluator> evaluator);

// The expressions of a query body that a result row lists.
std::vector<size_t> listed_expressions(const compiler::ast::Body& body);

inline constexpr const char* kEvalInternalError = "eval_internal_error";

}  // namespace arcane::api
