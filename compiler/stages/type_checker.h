// OPA's typeChecker (v1/ast/check.go) over one body at a time: it infers the types of the
// body's variables from the built-ins they pass through and the values they unify with,
// and reports the calls whose operands cannot have the declared types, the unifications
// of values that can never be equal, and the refs that select what a known type does not
// have. Like OPA's, it is flow-insensitive within a body (a var has one type) and knows
// nothing it is not told: `input`, base documents and unknown refs are `any`, so what it
// cannot see it accepts.
//
// Signatures come only from the BuiltinTable the compilation was given (CompileOptions),
// so a built-in an embedder registers is checked like the rest.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compiler/compile/builtins.h"
#include "compiler/stages/context.h"
#include "compiler/stages/type_env.h"
#include "compiler/stages/type_errors.h"

namespace arcane::compiler::stages {

class TypeChecker {
 public:
  TypeChecker(const BuiltinTable& builtins, const StageContext& ctx) : builtins_(builtins), ctx_(ctx) {}

  // checker.Env(builtins): the outermost scope, each built-in's type at its name.
  TypeEnvPtr builtin_env() const;
  // CheckBody: checks a body in a new scope wrapping env; returns that scope (which
  // knows the body's variables) and the errors, in the order found.
  std::pair<TypeEnvPtr, std::vector<TypeError>> check_body(const TypeEnv* env, const ast::Body& body) const;
  // env.GetByValue: the type of a term (nil if unknown).
  Type type_of(const TypeEnv& env, const ast::Term& t) const;

 private:
  std::vector<TypeError> check_closures(const TypeEnv* env, const ast::Expr& e) const;
  std::optional<TypeError> check_expr(TypeEnv& env, const ast::Expr& e) const;
  std::optional<TypeError> check_call(TypeEnv& env, const ast::Expr& e, const ast::Call& call) const;
  std::optional<TypeError> check_eq(TypeEnv& env, const ast::Expr& e, const ast::Call& call) const;
  std::optional<TypeError> check_with(TypeEnv& env, const ast::Expr& e) const;
  WantedArgs wanted(const std::vector<ast::Term>& op, const Type& f) const;

  bool unify1(TypeEnv& env, const ast::Term& t, const Type& tpe, bool union_) const;
  bool unify2(TypeEnv& env, const ast::Term& a, const Type& ta, const ast::Term& b, const Type& tb) const;
  bool unify2_collection(TypeEnv& env, const ast::Term& a, const ast::Term& b) const;

  // The refChecker: ref operands select what their known types have.
  void check_refs(TypeEnv& env, const ast::Expr& e, std::vector<TypeError>& errs) const;
  void check_refs_in(TypeEnv& env, const ast::Term& t, std::vector<TypeError>& errs) const;
  void check_refs_in_value(TypeEnv& env, const ast::Term& t, std::vector<TypeError>& errs) const;
  std::optional<TypeError> check_ref(TypeEnv& env, const TypeEnv& curr, const TypeNode& node,
                                     const std::vector<ast::Term>& ref, size_t idx) const;
  std::optional<TypeError> check_ref_leaf(TypeEnv& env, const Type& tpe, const std::vector<ast::Term>& ref,
                                          size_t idx) const;

  const BuiltinTable& builtins_;
  const StageContext& ctx_;
};

// The function type a built-in's signature declares (its operands and result `any` when
// the table gives no types).
Type builtin_function_type(const BuiltinSignature& sig);

}  // namespace arcane::compiler::stages
