// RewriteWithValues (OPA's rewriteWithModifiers): `with` targets must name input, data or
// a function (a built-in or a rule function), and a value that needs evaluation is bound
// to a generated var before the expression: `q with input as {"x": data.y}` becomes
// `__local0__ = {"x": data.y}; q with input as __local0__`. A value that names a function
// (a replacement function) stays as it is. Errors keep OPA's wording.
#include "compiler/ast/ast_string.h"
#include "compiler/stages/requires_eval.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

enum class Verdict { kKeep, kEval, kError };

bool has_root(const ast::Term& t, const char* root) {
  const auto* parts = ref_parts(t);
  if (parts == nullptr) return false;
  const auto* v = ast::get_if<ast::Var>((*parts)[0]);
  return v != nullptr && v->name == root;
}

class WithRewriter {
 public:
  WithRewriter(StageContext& ctx, VarGenerator& gen) : ctx_(ctx), gen_(gen) {}

  // Rewrites the body and the bodies nested in it, outer first.
  void body(ast::Body& b) {
    if (!rewrite(b)) return;
    for (auto& e : b) nested(e);
  }

 private:
  const BuiltinSignature* builtin(const ast::Term& t) const {
    if (const auto* v = ast::get_if<ast::Var>(t)) return ctx_.builtins.find(v->name);
    if (const auto* parts = ref_parts(t)) return ctx_.builtins.find(ast::to_string(*parts));
    return nullptr;
  }

  // OPA's validateWithFunctionValue: the value names a function (rule or built-in).
  bool function_value(const ast::Term& value) const {
    if (const auto* parts = ref_parts(value)) {
      if (ctx_.lookup.find(*parts) != nullptr) return true;
    }
    return builtin(value) != nullptr;
  }

  bool fail(const char* code, const std::string& msg, runtime::Location loc) {
    ctx_.error(code, msg, loc);
    return false;
  }

  bool builtin_target(const BuiltinSignature& b, const ast::Term& target) {
    std::string prefix = "with keyword replacing built-in function: ";
    if (b.name == "eq" || b.name == "rego.metadata.chain" || b.name == "rego.metadata.rule") {
      return fail(kCompileErr, prefix + "replacement of \"" + b.name + "\" invalid", target.loc);
    }
    if (b.name.rfind("internal.", 0) == 0) {
      return fail(kCompileErr, prefix + "replacement of internal function \"" + b.name + "\" invalid", target.loc);
    }
    if (b.relation) return fail(kCompileErr, prefix + "target must not be a relation", target.loc);
    if (!b.has_result) return fail(kCompileErr, prefix + "target must not be a void function", target.loc);
    return true;
  }

  Verdict data_target(const std::vector<ast::Term>& ref, const ast::Term& target, const ast::Term& value) {
    const RuleTreeNode* node = ctx_.lookup.rule_tree.get();
    for (size_t i = 0; node != nullptr && i + 1 < ref.size(); ++i) {
      const RuleTreeNode* child = node->child(ref[i]);
      if (child == nullptr) break;
      if (!child->rules.empty()) {
        fail(kCompileErr, "with keyword cannot partially replace virtual document(s)", target.loc);
        return Verdict::kError;
      }
      node = child;
    }
    const RuleTreeNode* last = node != nullptr ? node->child(ref.back()) : nullptr;
    if (last != nullptr) {
      for (const auto& r : last->rules) {
        if (!r.rule->head.args.empty() && function_value(value)) return Verdict::kKeep;
      }
    }
    if (const auto* parts = ref_parts(value)) {
      if (const RuleTreeNode* vn = ctx_.lookup.find(*parts)) {
        for (const auto& r : vn->rules) {
          if (!r.rule->head.args.empty()) return Verdict::kKeep;
        }
      }
    }
    return requires_eval(value) ? Verdict::kEval : Verdict::kKeep;
  }

  Verdict validate(ast::With& w) {
    if (const auto* v = ast::get_if<ast::Var>(w.value); v != nullptr && ctx_.builtins.find(v->name) != nullptr) {
      std::vector<ast::Term> parts;
      parts.push_back(ast::clone(w.value));
      w.value.value = ast::Ref{std::move(parts)};
    }
    if (has_root(w.target, "data")) return data_target(*ref_parts(w.target), w.target, w.value);
    if (has_root(w.target, "input")) return requires_eval(w.value) ? Verdict::kEval : Verdict::kKeep;
    if (const BuiltinSignature* b = builtin(w.target)) {
      if (std::holds_alternative<ast::Var>(w.target.value)) {
        std::vector<ast::Term> parts;
        parts.push_back(ast::clone(w.target));
        w.target.value = ast::Ref{std::move(parts)};
      }
      if (!builtin_target(*b, w.target)) return Verdict::kError;
      if (function_value(w.value)) return Verdict::kKeep;
      return requires_eval(w.value) ? Verdict::kEval : Verdict::kKeep;
    }
    fail(kTypeErr, "with keyword target must reference existing input, data, or a function", w.target.loc);
    return Verdict::kError;
  }

  bool rewrite(ast::Body& b) {
    bool any = false;
    for (const auto& e : b) any = any || !e.with.empty();
    if (!any) return true;
    ast::Body out;
    for (auto& e : b) {
      for (auto& w : e.with) {
        Verdict v = validate(w);
        if (v == Verdict::kError) return false;
        if (v != Verdict::kEval) continue;
        runtime::Location loc = w.value.loc;
        ast::Term var = ast::make_var(gen_.next(), loc);
        append(out, make_eq(ast::clone(var), std::move(w.value), loc));
        w.value = std::move(var);
      }
      append(out, std::move(e));
    }
    b = std::move(out);
    return true;
  }

  void nested(ast::Expr& e) {
    auto in_terms = [this](ast::Term& t) {
      if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) {
        body(c->body);
      } else if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) {
        body(s->body);
      } else if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) {
        body(o->body);
      } else {
        return false;
      }
      return true;
    };
    if (auto* ev = std::get_if<ast::Every>(&e.terms)) {
      walk_terms(*ev->domain, in_terms);
      body(ev->body);
    } else if (auto* op = std::get_if<ast::LogicalOp>(&e.terms)) {
      body(op->lhs);
      body(op->rhs);
    } else if (auto* nb = std::get_if<ast::NotBody>(&e.terms)) {
      body(nb->body);
    } else {
      walk_terms(e, in_terms);
    }
  }

  StageContext& ctx_;
  VarGenerator& gen_;
};

}  // namespace

void rewrite_with_values(CompiledProgram& p, StageContext& ctx) {
  WithRewriter rw(ctx, *ctx.gen);
  walk_rules(p, ctx, [&](ast::Rule& r, uint32_t) {
    rw.body(r.body);
    return false;
  });
}

void rewrite_with_values_in_query(ast::Body& q, StageContext& ctx) {
  VarGenerator gen = query_generator(q);
  WithRewriter(ctx, gen).body(q);
}

}  // namespace arcane::compiler::stages
