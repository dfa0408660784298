// OPA's typeChecker over bodies (see type_checker.h); unification lives in type_unify.cc
// and the ref checks in type_refs.cc.
#include "compiler/stages/type_checker.h"

#include "compiler/ast/ast_string.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace types = stdlib::types;

Type builtin_function_type(const BuiltinSignature& sig) {
  if (sig.typed) return Type::function(sig.type);
  types::FunctionType f;
  f.args.assign(static_cast<size_t>(sig.arity), Type::any());
  if (sig.has_result) f.result = Type::any();
  if (sig.variadic) f.variadic = Type::any();
  return Type::function(std::move(f));
}

namespace {

std::vector<ast::Term> name_ref(const std::string& name, runtime::Location loc) {
  std::vector<ast::Term> out;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    out.push_back(out.empty() ? ast::make_var(part, loc) : ast::make_string(part, loc));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

const std::vector<ast::Term>* operator_ref(const ast::Call& call) {
  return ref_parts(call.terms[0]);
}

}  // namespace

TypeEnvPtr TypeChecker::builtin_env() const {
  auto env = std::make_unique<TypeEnv>();
  builtins_.for_each(
      [&env](const BuiltinSignature& sig) { env->tree().put(name_ref(sig.name, {}), builtin_function_type(sig)); });
  return env;
}

// --- inference -----------------------------------------------------------------------

Type TypeChecker::type_of(const TypeEnv& env, const ast::Term& t) const {
  return std::visit(
      [&](const auto& v) -> Type {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, ast::Null>) {
          return Type::null();
        } else if constexpr (std::is_same_v<V, ast::Boolean>) {
          return Type::boolean();
        } else if constexpr (std::is_same_v<V, ast::Number>) {
          return Type::number();
        } else if constexpr (std::is_same_v<V, ast::String>) {
          return Type::string();
        } else if constexpr (std::is_same_v<V, ast::Var>) {
          return env.var_type(v.name);
        } else if constexpr (std::is_same_v<V, ast::Ref>) {
          return env.ref_type(v.parts);
        } else if constexpr (std::is_same_v<V, ast::Array>) {
          std::vector<Type> items;
          for (const auto& item : v.items) items.push_back(type_of(env, item));
          bool empty = items.empty();
          return Type::array(std::move(items), empty ? Type::any() : Type());
        } else if constexpr (std::is_same_v<V, ast::Object>) {
          std::vector<types::StaticProperty> props;
          Type dyn_key, dyn_value;
          for (const auto& item : v.items) {
            if (auto k = constant_value(item.key)) {
              props.push_back({std::move(*k), type_of(env, item.value)});
            } else {
              dyn_key = type_of(env, item.key);
              dyn_value = type_of(env, item.value);
            }
          }
          if (props.empty() && dyn_key.is_nil() && dyn_value.is_nil()) return Type::object({}, Type::any(), Type::any());
          return Type::object(std::move(props), std::move(dyn_key), std::move(dyn_value));
        } else if constexpr (std::is_same_v<V, ast::Set>) {
          Type of;
          for (const auto& item : v.items) of = types::type_or(of, type_of(env, item));
          return Type::set_of(of.is_nil() ? Type::any() : of);
        } else if constexpr (std::is_same_v<V, ast::ArrayComprehension>) {
          auto [inner, errs] = check_body(&env, v.body);
          return errs.empty() ? Type::array({}, type_of(*inner, *v.term)) : Type();
        } else if constexpr (std::is_same_v<V, ast::SetComprehension>) {
          auto [inner, errs] = check_body(&env, v.body);
          return errs.empty() ? Type::set_of(type_of(*inner, *v.term)) : Type();
        } else if constexpr (std::is_same_v<V, ast::ObjectComprehension>) {
          auto [inner, errs] = check_body(&env, v.body);
          if (!errs.empty()) return {};
          return Type::object({}, type_of(*inner, *v.key), type_of(*inner, *v.value));
        } else {
          return {};  // calls and template strings are rewritten away before this stage
        }
      },
      t.value);
}

// --- bodies --------------------------------------------------------------------------

std::pair<TypeEnvPtr, std::vector<TypeError>> TypeChecker::check_body(const TypeEnv* env, const ast::Body& body) const {
  auto inner = std::make_unique<TypeEnv>(env);
  std::vector<TypeError> errs;
  for (const auto& e : body) {
    std::vector<TypeError> closure_errs = check_closures(inner.get(), e);
    std::vector<TypeError> ref_errs;
    check_refs(*inner, e, ref_errs);
    bool more_actionable = !closure_errs.empty() || !ref_errs.empty();
    for (auto& x : closure_errs) errs.push_back(std::move(x));
    for (auto& x : ref_errs) errs.push_back(std::move(x));
    if (auto err = check_expr(*inner, e)) {
      // An unknown operand type is likely the result of the error already reported.
      if (!(more_actionable && err->nil_cause)) errs.push_back(std::move(*err));
    }
  }
  return {std::move(inner), std::move(errs)};
}

// checkClosures: each comprehension's body is checked in a scope of its own; a
// comprehension with errors reports them (the last one found wins, as in OPA) and is not
// searched further.
std::vector<TypeError> TypeChecker::check_closures(const TypeEnv* env, const ast::Expr& e) const {
  std::vector<TypeError> result;
  walk_terms(e, [&](const ast::Term& t) {
    const ast::Body* body = nullptr;
    if (const auto* a = ast::get_if<ast::ArrayComprehension>(t)) body = &a->body;
    if (const auto* s = ast::get_if<ast::SetComprehension>(t)) body = &s->body;
    if (const auto* o = ast::get_if<ast::ObjectComprehension>(t)) body = &o->body;
    if (body == nullptr) return false;
    auto errs = check_body(env, *body).second;
    if (errs.empty()) return false;
    result = std::move(errs);
    return true;
  });
  return result;
}

std::optional<TypeError> TypeChecker::check_expr(TypeEnv& env, const ast::Expr& e) const {
  if (auto err = check_with(env, e)) return err;
  const auto* call = std::get_if<ast::Call>(&e.terms);
  if (call == nullptr) return std::nullopt;
  if (is_call_to(e, "eq")) return check_eq(env, e, *call);
  return check_call(env, e, *call);
}

WantedArgs TypeChecker::wanted(const std::vector<ast::Term>& op, const Type& f) const {
  const auto& ft = f.function_type();
  WantedArgs w;
  w.args = ft.args;
  w.variadic = ft.variadic;
  const BuiltinSignature* sig = is_root_var(op[0]) ? nullptr : builtins_.find(ast::to_string(op));
  if (sig != nullptr && sig->typed) {
    w.docs = sig->args_doc;
    w.docs.resize(w.args.size());
  }
  if (!ft.result.is_nil()) {
    w.args.push_back(ft.result);
    if (sig != nullptr && sig->typed) w.docs.push_back(sig->result_doc);
  }
  return w;
}

std::optional<TypeError> TypeChecker::check_call(TypeEnv& env, const ast::Expr& e, const ast::Call& call) const {
  const auto* op = operator_ref(call);
  if (op == nullptr) return std::nullopt;
  Type tpe = env.ref_type(*op);
  // Unknown functions were reported by CheckUndefinedFuncs; a function whose own
  // rules had errors is `any`, and calls of it are not checked.
  if (tpe.is_nil() || tpe.kind() == Kind::kAny) return std::nullopt;
  if (tpe.kind() != Kind::kFunction) {
    TypeError err;
    err.diag = runtime::Diagnostic{kTypeErr, "undefined function " + ctx_.display(*op), e.loc, {}};
    return err;
  }
  const auto& ft = tpe.function_type();
  std::vector<Type> fargs = ft.args;
  if (!ft.result.is_nil()) fargs.push_back(ft.result);
  size_t n = call.terms.size() - 1;
  auto have = [&] {
    std::vector<Type> out;
    for (size_t i = 1; i < call.terms.size(); ++i) out.push_back(type_of(env, call.terms[i]));
    return out;
  };
  if (n > fargs.size() && ft.variadic.is_nil()) {
    return arg_error(ctx_.display(*op), "too many arguments", e.loc, have(), wanted(*op, tpe));
  }
  if (n < ft.args.size()) return arg_error(ctx_.display(*op), "too few arguments", e.loc, have(), wanted(*op, tpe));
  for (size_t i = 0; i < n; ++i) {
    const Type& want = i < fargs.size() ? fargs[i] : ft.variadic;
    if (!unify1(env, call.terms[i + 1], want, false)) {
      return arg_error(ctx_.display(*op), "invalid argument(s)", e.loc, have(), wanted(*op, tpe));
    }
  }
  return std::nullopt;
}

std::optional<TypeError> TypeChecker::check_eq(TypeEnv& env, const ast::Expr& e, const ast::Call& call) const {
  if (call.terms.size() != 3) {
    std::vector<Type> have;
    for (size_t i = 1; i < call.terms.size(); ++i) have.push_back(type_of(env, call.terms[i]));
    WantedArgs want{{Type::any(), Type::any()}, {}, {}};
    return arg_error("eq", call.terms.size() < 3 ? "too few arguments" : "too many arguments", e.loc, have, want);
  }
  const ast::Term& a = call.terms[1];
  const ast::Term& b = call.terms[2];
  Type ta = type_of(env, a), tb = type_of(env, b);
  if (!unify2(env, a, ta, b, tb)) return match_error(e.loc, ta, tb);
  return std::nullopt;
}

// A built-in or function replaced `with` another function must take as many operands.
std::optional<TypeError> TypeChecker::check_with(TypeEnv& env, const ast::Expr& e) const {
  for (const auto& w : e.with) {
    Type target = type_of(env, w.target);
    Type value = type_of(env, w.value);
    if (!is_kind(target, Kind::kFunction) || !is_kind(value, Kind::kFunction)) continue;
    if (unifies(target, value)) continue;
    const auto* ref = ref_parts(w.target);
    std::string name = ref != nullptr ? ctx_.display(*ref) : ast::to_string(w.target);
    WantedArgs want = ref != nullptr ? wanted(*ref, target) : WantedArgs{};
    // OPA's want here is the target's operands without its result.
    want.args = target.function_type().args;
    want.docs.resize(std::min(want.docs.size(), want.args.size()));
    return arg_error(name, "arity mismatch", w.loc, value.function_type().args, want);
  }
  return std::nullopt;
}

}  // namespace arcane::compiler::stages
