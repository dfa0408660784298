// The stage tables and the drivers that run them (see pipeline.h).
#include "compiler/compile/pipeline.h"

#include <algorithm>
#include <cstdio>

#include "compiler/stages/stages.h"

namespace arcane::compiler {

namespace {

namespace s = stages;

// OPA's stage table (v1/ast/compile.go), in its order. Null entries are OPA stages that
// have nothing to do here: the annotation set needs no index of its own, test rules are
// not rewritten for tracing, no built-ins are marked unsafe, and the indices and
// required-capabilities stages serve OPA's evaluator, not a planner.
constexpr StageInfo kStages[] = {
    {"ResolveRefs", "compile_stage_resolve_refs", s::resolve_refs},
    {"InitLocalVarGen", "compile_stage_init_local_var_gen", s::init_local_var_gen},
    {"RewriteRuleHeadRefs", "compile_stage_rewrite_rule_head_refs", s::rewrite_rule_head_refs},
    {"CheckKeywordOverrides", "compile_stage_check_keyword_overrides", s::check_keyword_overrides},
    {"CheckDuplicateImports", "compile_stage_check_imports", s::check_duplicate_imports},
    {"RemoveImports", "compile_stage_remove_imports", s::remove_imports},
    {"SetModuleTree", "compile_stage_set_module_tree", s::set_module_tree},
    {"SetRuleTree", "compile_stage_set_rule_tree", s::set_rule_tree},
    {"RewriteLocalVars", "compile_stage_rewrite_local_vars", s::rewrite_local_vars},
    {"RewriteTemplateStrings", "compile_stage_rewrite_template_strings", s::rewrite_template_strings},
    {"CheckVoidCalls", "compile_stage_check_void_calls", s::check_void_calls},
    {"RewritePrintCalls", "compile_stage_rewrite_print_calls", s::rewrite_print_calls},
    {"RewriteExprTerms", "compile_stage_rewrite_expr_terms", s::rewrite_expr_terms},
    {"ParseMetadataBlocks", "compile_stage_parse_metadata_blocks", s::parse_metadata_blocks},
    {"SetAnnotationSet", "compile_stage_set_annotationset", nullptr},
    {"RewriteRegoMetadataCalls", "compile_stage_rewrite_rego_metadata_calls", s::rewrite_rego_metadata_calls},
    {"SetGraph", "compile_stage_set_graph", s::set_graph},
    {"RewriteComprehensionTerms", "compile_stage_rewrite_comprehension_terms", s::rewrite_comprehension_terms},
    {"RewriteRefsInHead", "compile_stage_rewrite_refs_in_head", s::rewrite_refs_in_head},
    {"RewriteWithValues", "compile_stage_rewrite_with_values", s::rewrite_with_values},
    {"CheckRuleConflicts", "compile_stage_check_rule_conflicts", s::check_rule_conflicts},
    {"CheckUndefinedFuncs", "compile_stage_check_undefined_funcs", s::check_undefined_funcs},
    {"CheckSafetyRuleHeads", "compile_stage_check_safety_rule_heads", s::check_safety_rule_heads},
    {"CheckSafetyRuleBodies", "compile_stage_check_safety_rule_bodies", s::check_safety_rule_bodies},
    {"RewriteEquals", "compile_stage_rewrite_equals", s::rewrite_equals},
    {"RewriteDynamicTerms", "compile_stage_rewrite_dynamic_terms", s::rewrite_dynamic_terms},
    {"RewriteTestRulesForTracing", "compile_stage_rewrite_test_rules_for_tracing", nullptr},
    {"CheckRecursion", "compile_stage_check_recursion", s::check_recursion},
    {"CheckTypes", "compile_stage_check_types", s::check_types},
    {"CheckUnsafeBuiltins", "compile_state_check_unsafe_builtins", nullptr},
    {"CheckDeprecatedBuiltins", "compile_state_check_deprecated_builtins", s::check_deprecated_builtins},
    {"BuildRuleIndices", "compile_stage_rebuild_indices", nullptr},
    {"BuildComprehensionIndices", "compile_stage_rebuild_comprehension_indices", nullptr},
    {"BuildRequiredCapabilities", "compile_stage_build_required_capabilities", nullptr},
};

constexpr std::string_view kQueryStages[] = {
    "CheckKeywordOverrides",
    "ResolveRefs",
    "RewriteLocalVars",
    "RewriteTemplateStrings",
    "CheckVoidCalls",
    "RewritePrintCalls",
    "RewriteExprTerms",
    "RewriteComprehensionTerms",
    "RewriteWithValues",
    "CheckUndefinedFuncs",
    "CheckSafety",
    "RewriteDynamicTerms",
    "CheckTypes",
    "CheckUnsafeBuiltins",
    "CheckDeprecatedBuiltins",
};

std::string module_name(const ast::Module& m, size_t index, const CompileOptions& options) {
  if (options.sources != nullptr) {
    if (const runtime::SourceFile* f = options.sources->get(m.package.loc.file)) return f->name();
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "module-%08zu", index);
  return buf;
}

runtime::Diagnostic first_error(const runtime::Diagnostics& diags, size_t before) {
  if (diags.size() > before) return diags.items()[before];
  return runtime::Diagnostic{"rego_compile_error", "error limit reached", {}, {}};
}

}  // namespace

std::span<const StageInfo> compile_stages() {
  return kStages;
}

std::span<const std::string_view> query_stage_names() {
  return kQueryStages;
}

bool is_stage_name(std::string_view name) {
  for (const auto& st : kStages) {
    if (st.name == name) return true;
  }
  for (const auto& q : kQueryStages) {
    if (q == name) return true;
  }
  return false;
}

runtime::Result<CompiledProgram> compile(std::vector<ast::Module> modules, const CompileOptions& options,
                                         runtime::Diagnostics& diags) {
  if (!options.builtins) return runtime::Diagnostic{"", "compile: no built-in table given", {}, {}};
  if (!options.stop_after.empty() && !is_stage_name(options.stop_after)) {
    return runtime::Diagnostic{"", "unknown compiler stage: " + options.stop_after, {}, {}};
  }
  CompiledProgram program;
  program.builtins = options.builtins;
  for (size_t i = 0; i < modules.size(); ++i) {
    program.modules.push_back(CompiledModule{module_name(modules[i], i, options), std::move(modules[i]), {}});
  }
  std::stable_sort(program.modules.begin(), program.modules.end(),
                   [](const CompiledModule& a, const CompiledModule& b) { return a.name < b.name; });
  stages::StageContext ctx(program, options.sources, diags);
  ctx.enable_print = options.enable_print_statements;
  ctx.strict = options.strict;
  ctx.rewritten = &program.rewritten_vars;
  size_t before = diags.size();
  for (const auto& st : kStages) {
    if (st.run != nullptr) st.run(program, ctx);
    program.last_stage = std::string(st.name);
    if (ctx.errors() > 0) return first_error(diags, before);
    if (st.name == options.stop_after) break;
  }
  return program;
}

}  // namespace arcane::compiler
