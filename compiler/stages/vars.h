// Variables of AST nodes, collected as OPA's VarVisitor collects them.
//
// The safety check, the local-variable rewriting and the comprehension rewrites all ask
// "which variables occur here?", each with a slightly different notion of "here": skip the
// head of refs (`data` in data.x), skip the operator of calls, skip closures (comprehension
// and `every` bodies, template strings), skip object keys or sets. VarParams names those
// switches exactly as OPA's VarVisitorParams does, and the collector applies them in OPA's
// order, so results match OPA's to the variable. The experimental `and`/`or` operands and
// `not { }` bodies are closures here too.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "compiler/ast/ast.h"

namespace arcane::compiler::stages {

// Ordered, so every iteration over a set (and so every error list) is deterministic.
using VarSet = std::set<std::string, std::less<>>;

struct VarParams {
  bool skip_ref_head = false;
  bool skip_ref_call_head = false;
  bool skip_closures = false;
  bool skip_object_keys = false;
  bool skip_sets = false;
  bool skip_with_target = false;
};

// OPA's SafetyCheckVisitorParams.
inline constexpr VarParams kSafetyParams{.skip_ref_call_head = true, .skip_closures = true};
// The params OPA uses for the vars of call operands and of unification.
inline constexpr VarParams kOperandParams{
    .skip_ref_head = true, .skip_closures = true, .skip_object_keys = true, .skip_sets = true};

void collect_vars(const ast::Term& t, VarSet& out, const VarParams& p = {});
void collect_vars(const ast::Expr& e, VarSet& out, const VarParams& p = {});
void collect_vars(const ast::Body& b, VarSet& out, const VarParams& p = {});
void collect_vars(const ast::With& w, VarSet& out, const VarParams& p = {});

VarSet vars_of(const ast::Term& t, const VarParams& p = {});
VarSet vars_of(const ast::Expr& e, const VarParams& p = {});
VarSet vars_of(const ast::Body& b, const VarParams& p = {});
// The vars of a ref's parts after the head (OPA's Ref.OutputVars).
VarSet ref_output_vars(const ast::Ref& r);

inline bool is_wildcard(std::string_view name) {
  return !name.empty() && name[0] == '$';
}
inline bool is_generated(std::string_view name) {
  return name.rfind("__local", 0) == 0;
}
inline bool is_root_name(std::string_view name) {
  return name == "data" || name == "input";
}

// Set algebra on VarSets.
inline bool contains(const VarSet& s, std::string_view v) {
  return s.find(v) != s.end();
}
VarSet diff(const VarSet& a, const VarSet& b);
VarSet intersect(const VarSet& a, const VarSet& b);
void update(VarSet& a, const VarSet& b);
bool subset(const VarSet& a, const VarSet& b);  // a ⊆ b

}  // namespace arcane::compiler::stages
