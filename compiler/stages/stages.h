// The compiler's stages, in OPA's order (v1/ast/compile.go, NewCompiler). Each is a
// function from the program to the program (or to diagnostics); the table that runs them
// is compile/pipeline.cc. One line each on what the stage means and the invariant it
// leaves behind; the stage's file says how.
#pragma once

#include "compiler/compile/program.h"
#include "compiler/stages/context.h"

namespace arcane::compiler::stages {

// ResolveRefs: names become full refs. After it, every reference to an import, to a rule
// of the same package or to a root document starts with `data` or `input` (or is a local).
void resolve_refs(CompiledProgram& p, StageContext& ctx);
// InitLocalVarGen: the `__localN__` generator, avoiding every name already in use.
void init_local_var_gen(CompiledProgram& p, StageContext& ctx);
// RewriteRuleHeadRefs: non-scalar, non-var terms in head refs move into the body; after
// it a head ref holds only scalars and vars.
void rewrite_rule_head_refs(CompiledProgram& p, StageContext& ctx);
// CheckKeywordOverrides: in v1 modules, rules, arguments and `:=` targets do not shadow
// `data` or `input`.
void check_keyword_overrides(CompiledProgram& p, StageContext& ctx);
// CheckDuplicateImports: in v1 modules, no two imports bind the same name.
void check_duplicate_imports(CompiledProgram& p, StageContext& ctx);
// RemoveImports: imports leave the modules (kept beside them); rules no longer need them.
void remove_imports(CompiledProgram& p, StageContext& ctx);
// SetModuleTree: the order in which packages are visited (package path, then file name).
void set_module_tree(CompiledProgram& p, StageContext& ctx);
// SetRuleTree: the rule tree; every rule sits at the ground prefix of its path.
void set_rule_tree(CompiledProgram& p, StageContext& ctx);
// RewriteLocalVars: `:=`, `some`, `every` and function arguments get unique generated
// names; `:=` becomes `=`, `some x in xs` becomes `x = xs[k]`; redeclarations are errors.
void rewrite_local_vars(CompiledProgram& p, StageContext& ctx);
// RewriteTemplateStrings: $"..{e}.." becomes internal.template_string([.., {x | x = e}, ..]).
void rewrite_template_strings(CompiledProgram& p, StageContext& ctx);
// CheckVoidCalls: a built-in without a result (print) is never used as a value.
void check_void_calls(CompiledProgram& p, StageContext& ctx);
// RewritePrintCalls: print() is erased, or (when enabled) becomes internal.print with each
// operand captured in a set comprehension so an undefined operand cannot fail the body.
void rewrite_print_calls(CompiledProgram& p, StageContext& ctx);
// RewriteExprTerms: nested calls become expressions of their own with an output var; after
// it no call appears as an operand, in a head, or as a ref head.
void rewrite_expr_terms(CompiledProgram& p, StageContext& ctx);
// SetGraph: nothing to do here; the dependency graph is built by CheckRecursion.
// ParseMetadataBlocks: METADATA comment blocks into CompiledProgram::annotations.
void parse_metadata_blocks(CompiledProgram& p, StageContext& ctx);
// RewriteRegoMetadataCalls: rego.metadata.chain() / rule() become constants.
void rewrite_rego_metadata_calls(CompiledProgram& p, StageContext& ctx);
void set_graph(CompiledProgram& p, StageContext& ctx);
// RewriteComprehensionTerms: a comprehension's term needing evaluation moves into its body.
void rewrite_comprehension_terms(CompiledProgram& p, StageContext& ctx);
// RewriteRefsInHead: head keys, values and args needing evaluation move into the body.
void rewrite_refs_in_head(CompiledProgram& p, StageContext& ctx);
// RewriteWithValues: `with` targets are valid (input, data, a function); values needing
// evaluation are bound to a var before the expression.
void rewrite_with_values(CompiledProgram& p, StageContext& ctx);
// CheckRuleConflicts: rules at one path agree on kind and arity, one default at most, and
// no rule has another rule or a package inside its extent.
void check_rule_conflicts(CompiledProgram& p, StageContext& ctx);
// CheckUndefinedFuncs: every call names a built-in or a function, with a fitting arity.
void check_undefined_funcs(CompiledProgram& p, StageContext& ctx);
// CheckSafetyRuleHeads: every var of a head occurs in the body (or the arguments).
void check_safety_rule_heads(CompiledProgram& p, StageContext& ctx);
// CheckSafetyRuleBodies: bodies are reordered so every var is bound before it is read,
// closures included; what cannot be ordered is an unsafe-var error.
void check_safety_rule_bodies(CompiledProgram& p, StageContext& ctx);
// RewriteEquals: `a == b` expressions become unifications `a = b` (both sides are safe).
void rewrite_equals(CompiledProgram& p, StageContext& ctx);
// RewriteDynamicTerms: refs and comprehensions in operands are bound to vars first, so
// every operand of a call or unification is a var or a constant-shaped term.
void rewrite_dynamic_terms(CompiledProgram& p, StageContext& ctx);
// CheckRecursion: no rule depends on itself, directly or through others.
void check_recursion(CompiledProgram& p, StageContext& ctx);
// CheckTypes: OPA's type checker (type_checker.h): calls whose operands cannot have the
// declared types, unifications that can never hold, refs into what a known type lacks.
void check_types(CompiledProgram& p, StageContext& ctx);
// CheckDeprecatedBuiltins: v1 modules call no deprecated built-in.
void check_deprecated_builtins(CompiledProgram& p, StageContext& ctx);

// ---------------------------------------------------------------------------- queries
// The same rewrites on a query body (OPA's queryCompiler stages). Generated names are
// `__localqN__`, each stage numbering from 0 and skipping names the query already holds.

void resolve_refs_in_query(ast::Body& q, StageContext& ctx, const std::vector<ast::Term>& package,
                           const std::vector<ast::Import>& imports);
void rewrite_local_vars_in_query(ast::Body& q, StageContext& ctx);
void rewrite_template_strings_in_query(ast::Body& q, StageContext& ctx);
void check_void_calls_in_query(ast::Body& q, StageContext& ctx);
void rewrite_print_calls_in_query(ast::Body& q, StageContext& ctx);
void rewrite_expr_terms_in_query(ast::Body& q, StageContext& ctx);
void rewrite_comprehension_terms_in_query(ast::Body& q, StageContext& ctx);
void rewrite_with_values_in_query(ast::Body& q, StageContext& ctx);
void check_undefined_funcs_in_query(ast::Body& q, StageContext& ctx);
void check_safety_in_query(ast::Body& q, StageContext& ctx);
void rewrite_dynamic_terms_in_query(ast::Body& q, StageContext& ctx);
void check_types_in_query(ast::Body& q, StageContext& ctx);

// A generator for a query stage: `__localq` names avoiding every var of the query.
VarGenerator query_generator(const ast::Body& q);

}  // namespace arcane::compiler::stages
