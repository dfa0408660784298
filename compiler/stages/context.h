// What every stage works on: the program being compiled, the options, the built-ins, the
// diagnostics, and the compiler-wide state OPA keeps on its Compiler (the local variable
// generator and the map from generated variable names back to source names).
//
// A stage reports errors through error(), which returns false once the diagnostics limit
// is reached (OPA's c.err), so a stage can stop early; the pipeline stops after any stage
// that reported an error.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/compile/options.h"
#include "compiler/compile/program.h"
#include "compiler/stages/vars.h"
#include "runtime/diagnostic.h"

namespace arcane::compiler::stages {

inline constexpr const char* kCompileErr = "rego_compile_error";
inline constexpr const char* kTypeErr = "rego_type_error";
inline constexpr const char* kUnsafeVarErr = "rego_unsafe_var_error";
inline constexpr const char* kRecursionErr = "rego_recursion_error";

// OPA's localVarGenerator: `<prefix><n>__`, skipping names already used in the program.
class VarGenerator {
 public:
  VarGenerator(std::string prefix, VarSet exclude) : prefix_(std::move(prefix)), exclude_(std::move(exclude)) {}
  std::string next();

 private:
  std::string prefix_;  // "__local" for modules, "__localq" for queries
  VarSet exclude_;
  uint64_t n_ = 0;
};

// The state of one compilation: of modules (program stages) or of a query (query stages,
// which read the compiled program but do not change it).
class StageContext {
 public:
  StageContext(const CompiledProgram& lookup, const runtime::SourceSet* sources, runtime::Diagnostics& diags)
      : lookup(lookup), builtins(*lookup.builtins), sources(sources), diags_(diags) {}

  const CompiledProgram& lookup;  // rule tree, arities, built-ins
  const BuiltinTable& builtins;
  const runtime::SourceSet* sources;
  bool enable_print = false;
  bool strict = false;  // OPA's strict mode: unused imports, assigned vars and arguments
  std::map<std::string, std::string>* rewritten = nullptr;  // generated name -> source name
  std::unique_ptr<VarGenerator> gen;                        // modules: set by InitLocalVarGen

  // Reports an error; false once the limit is reached (the stage should stop).
  bool error(const char* code, std::string message, runtime::Location loc);
  bool error(runtime::Diagnostic d);  // with notes or details
  size_t errors() const { return errors_; }
  bool limit_reached() const { return diags_.full(); }

  // The source name of a variable the compiler generated (or the name itself).
  std::string source_name(const std::string& var) const;
  // OPA's Location.String(): "file:row" when the file has a name.
  std::string location_text(runtime::Location loc) const;
  int arity(const std::vector<ast::Term>& ref) const { return lookup.arity(ref); }
  // A ref as text with generated vars shown by their source names (OPA's rewriteVarsInRef).
  std::string display(const std::vector<ast::Term>& ref) const;

 private:
  runtime::Diagnostics& diags_;
  size_t errors_ = 0;
};

// OPA's WalkRules: every rule of every module, in order, and its else chain unless f
// returns true for the rule. Stops when the diagnostics limit is reached.
template <typename F>
void walk_rules(CompiledProgram& p, StageContext& ctx, F&& f) {
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    for (auto& rule : p.modules[m].module.rules) {
      for (ast::Rule* r = &rule; r != nullptr; r = r->else_rule.get()) {
        if (ctx.limit_reached()) return;
        if (f(*r, m)) break;
      }
    }
  }
}

// The terms of a Ref value, or null.
const std::vector<ast::Term>* ref_parts(const ast::Term& t);
// A call's operator name ("count", "data.p.f"), or "" when it is not a ref.
std::string operator_name(const ast::Call& c);
// OPA's Expr.IsEquality/IsAssignment: a call of the global built-in `eq` / `assign`.
bool is_call_to(const ast::Expr& e, std::string_view name);
// OPA's ValueName: "var", "ref", "arraycomprehension", ...
const char* value_name(const ast::Value& v);
bool is_scalar(const ast::Value& v);
// `data` or `input` as a term (a one-part ref of a root document name).
bool is_root_ref(const ast::Term& t);
// OPA's Import.Name(): the alias, or the last element of the path.
std::string import_name(const ast::Import& imp);
// OPA's headMayHaveVars: some argument, key, value or ref part is not a scalar.
bool head_may_have_vars(const ast::Head& h);
// The generated expression `var = term` (OPA's equalityFactory.Generate).
ast::Expr make_eq(ast::Term lhs, ast::Term rhs, runtime::Location loc, bool generated = true);
// Appends an expression to a body, setting its index.
void append(ast::Body& body, ast::Expr e);
// Renumbers expression indices after reordering or splicing.
void reindex(ast::Body& body);

}  // namespace arcane::compiler::stages
