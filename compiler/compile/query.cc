// The query compiler (OPA's queryCompiler.Compile): a query body goes through the same
// rewrites and checks as rule bodies, in OPA's query stage order, against a compiled
// program (whose rule tree answers arity and `with` questions). Generated names are
// `__localqN__`; `x := 1` in a query binds `__localq0__`, reported back as `x` through
// rewritten_vars.
#include <functional>

#include "compiler/compile/pipeline.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler {

namespace {

namespace s = stages;

using QueryStage = std::function<void(ast::Body&, s::StageContext&)>;

std::vector<std::pair<std::string_view, QueryStage>> query_stages(const QueryOptions& options) {
  auto none = [](ast::Body&, s::StageContext&) {};
  return {
      {"CheckKeywordOverrides", none},  // strict mode only
      {"ResolveRefs",
       [&options](ast::Body& q, s::StageContext& ctx) {
         s::resolve_refs_in_query(q, ctx, options.package_path, options.imports);
       }},
      {"RewriteLocalVars", s::rewrite_local_vars_in_query},
      {"RewriteTemplateStrings", s::rewrite_template_strings_in_query},
      {"CheckVoidCalls", s::check_void_calls_in_query},
      {"RewritePrintCalls", s::rewrite_print_calls_in_query},
      {"RewriteExprTerms", s::rewrite_expr_terms_in_query},
      {"RewriteComprehensionTerms", s::rewrite_comprehension_terms_in_query},
      {"RewriteWithValues", s::rewrite_with_values_in_query},
      {"CheckUndefinedFuncs", s::check_undefined_funcs_in_query},
      {"CheckSafety", s::check_safety_in_query},
      {"RewriteDynamicTerms", s::rewrite_dynamic_terms_in_query},
      {"CheckTypes", s::check_types_in_query},
      {"CheckUnsafeBuiltins", none},      // no built-in is marked unsafe
      {"CheckDeprecatedBuiltins", none},  // strict mode only
  };
}

std::vector<std::string> result_vars(const ast::Body& body) {
  std::vector<std::string> out;
  for (const auto& v : s::vars_of(body, s::kSafetyParams)) {
    if (!s::is_wildcard(v) && !s::is_root_name(v)) out.push_back(v);
  }
  return out;
}

}  // namespace

runtime::Result<CompiledQuery> compile_query(const CompiledProgram& program, ast::Body query,
                                             const QueryOptions& options, runtime::Diagnostics& diags) {
  if (query.empty()) return runtime::Diagnostic{s::kCompileErr, "empty query cannot be compiled", {}, {}};
  if (!program.builtins) return runtime::Diagnostic{"", "compile_query: the program has no built-in table", {}, {}};
  if (!options.stop_after.empty() && !is_stage_name(options.stop_after)) {
    return runtime::Diagnostic{"", "unknown compiler stage: " + options.stop_after, {}, {}};
  }
  CompiledQuery out;
  s::StageContext ctx(program, options.sources, diags);
  ctx.enable_print = options.enable_print_statements;
  ctx.rewritten = &out.rewritten_vars;
  size_t before = diags.size();
  for (const auto& [name, run] : query_stages(options)) {
    run(query, ctx);
    out.last_stage = std::string(name);
    if (ctx.errors() > 0) {
      if (diags.size() > before) return diags.items()[before];
      return runtime::Diagnostic{s::kCompileErr, "error limit reached", {}, {}};
    }
    if (name == options.stop_after) break;
  }
  out.body = std::move(query);
  out.result_vars = result_vars(out.body);
  return out;
}

}  // namespace arcane::compiler
