// The compiler pipeline: OPA's table of named stages, run in OPA's fixed order.
//
//   auto program = compile(std::move(modules), options, diags);     // all stages
//   options.stop_after = "RewriteLocalVars";                         // or up to one
//   auto query = compile_query(*program, std::move(body), qopts, diags);
//
// Stage names are verb phrases (ResolveRefs, CheckSafetyRuleBodies, ...) used verbatim by
// `arcane check --dump-after STAGE`, in metrics and in tests. Each stage collects errors
// up to the Diagnostics limit; the pipeline stops after the first stage that reported any
// (compile errors come one stage at a time, as in OPA). The Result carries the first error.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/compile/options.h"
#include "compiler/compile/program.h"
#include "runtime/diagnostic.h"
#include "runtime/result.h"

namespace arcane::compiler {

namespace stages {
class StageContext;
}

struct StageInfo {
  std::string_view name;                                 // "ResolveRefs"
  std::string_view metric;                               // "compile_stage_resolve_refs"
  void (*run)(CompiledProgram&, stages::StageContext&);  // null: a stage of OPA's we skip
};

// The module stages, in order (OPA's NewCompiler stage table, all of it; stages that do
// not apply to an IR compiler or are not built yet have no function and are skipped).
std::span<const StageInfo> compile_stages();
// The query stages, in order (OPA's queryCompiler.Compile).
std::span<const std::string_view> query_stage_names();
bool is_stage_name(std::string_view name);

runtime::Result<CompiledProgram> compile(std::vector<ast::Module> modules, const CompileOptions& options,
                                         runtime::Diagnostics& diags);

// A query compiled against a program: rewritten and safety-checked as the modules are.
struct CompiledQuery {
  ast::Body body;
  // Variables bound at the top level of the query, in name order: the result bindings
  // (wildcards and `data`/`input` excluded; generated `__localqN__` vars included, as
  // OPA's evaluator reports them).
  std::vector<std::string> result_vars;
  std::map<std::string, std::string> rewritten_vars;  // `__localq0__` -> `x` (from `x := ...`)
  std::string last_stage;
};

runtime::Result<CompiledQuery> compile_query(const CompiledProgram& program, ast::Body query,
                                             const QueryOptions& options, runtime::Diagnostics& diags);

}  // namespace arcane::compiler
