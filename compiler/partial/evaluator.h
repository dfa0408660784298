// The partial evaluator's internals (see partial_eval.h for what it does).
//
// It is a backtracking evaluator in continuation-passing style, like OPA's topdown: every
// step that can succeed several ways (iterating a collection, a rule with several bodies)
// calls its continuation once per way, and "undefined" is simply not calling it. Values
// are `PValue`s: a known runtime::Value, or a residual AST term that mentions unknowns.
// Expressions that cannot be decided are pushed on `saved_` for the rest of the
// evaluation and popped when it backtracks; reaching the end of the query records the
// saved expressions as one result query.
//
// One file per concern: partial_eval.cc (entry, bodies, expressions, negation,
// comprehensions), partial_terms.cc (terms, refs into input and values, unification,
// built-in calls), partial_rules.cc (data refs, rule groups, functions, inlining versus
// support), support_modules.cc (support modules, copy propagation), partial_values.cc
// (runtime values <-> AST terms).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/compile/program.h"
#include "compiler/partial/partial_eval.h"
#include "runtime/diagnostic.h"
#include "runtime/value.h"
#include "stdlib/context.h"

namespace arcane::compiler::partial {

using TermRef = std::shared_ptr<const ast::Term>;

struct PValue {
  std::optional<runtime::Value> known;
  TermRef residual;  // set iff !known

  static PValue of(runtime::Value v) {
    PValue p;
    p.known = std::move(v);
    return p;
  }
  static PValue res(ast::Term t) {
    PValue p;
    p.residual = std::make_shared<const ast::Term>(std::move(t));
    return p;
  }
  bool is_known() const { return known.has_value(); }
  ast::Term term() const;  // the AST form of either
};

// Runtime value <-> AST term (partial_values.cc).
ast::Term value_term(const runtime::Value& v);
// nullopt when the term is not a constant.
std::optional<runtime::Value> term_value(const ast::Term& t);
std::string path_string(const std::vector<ast::Term>& ref);
std::vector<ast::Term> clone_terms(const std::vector<ast::Term>& ts);

// The variables of one rule-body or query evaluation. Comprehensions and negations see
// their parent's variables and bind their own in a child frame.
struct Frame {
  uint32_t id = 0;  // 0: the query itself; its variables keep their names
  Frame* parent = nullptr;
  std::map<std::string, PValue> vars;

  const PValue* find(const std::string& name) const {
    for (const Frame* f = this; f != nullptr; f = f->parent) {
      auto it = f->vars.find(name);
      if (it != f->vars.end()) return &it->second;
    }
    return nullptr;
  }
};

using Next = std::function<bool()>;
using ValueNext = std::function<bool(const PValue&)>;

// A rule body's (or negated expression's) ways to succeed, each with what it saved.
struct Outcome {
  ast::Body saved;
  PValue value;
  PValue key;
};

class Evaluator {
 public:
  Evaluator(const CompiledProgram& program, const PartialOptions& options);
  runtime::Result<PartialResult> run(const ast::Body& query);

  // ---- partial_eval.cc
  bool eval_body(const ast::Body& body, size_t i, Frame& f, const Next& k);
  bool eval_expr(const ast::Expr& e, Frame& f, const Next& k);
  bool eval_expr_step(const ast::Expr& e, Frame& f, const Next& k);
  bool eval_not(const ast::Expr& e, Frame& f, const Next& k);
  bool eval_every(const ast::Expr& e, const ast::Every& every, Frame& f, const Next& k);
  // `e with input as <input>`: e evaluated with that input known.
  bool eval_with_input(const ast::Expr& e, const runtime::Value& input, Frame& f, const Next& k);
  bool eval_comprehension(const ast::Term& t, Frame& f, const ValueNext& k);
  // Runs `body` in a child of `f` collecting each way it succeeds (with the value of
  // `value` / `key` then); false on error.
  bool collect(const ast::Body& body, Frame& f, const ast::Term* key, const ast::Term* value,
               std::vector<Outcome>& out, bool new_scope);
  bool save(ast::Expr e, const Next& k);
  bool save_all(const ast::Body& exprs, const Next& k);
  bool fail(runtime::Diagnostic d);

  // ---- partial_terms.cc
  bool eval_term(const ast::Term& t, Frame& f, const ValueNext& k);
  bool eval_terms(const std::vector<ast::Term>& ts, size_t i, Frame& f, std::vector<PValue>& out,
                  const std::function<bool()>& k);
  bool eval_ref(const ast::Ref& r, Frame& f, const ValueNext& k);
  // Ref parts [i..] evaluated to terms (unbound vars renamed as unknowns, in `fresh`).
  bool eval_parts(const std::vector<ast::Term>& parts, size_t i, Frame& f, std::vector<ast::Term>& out,
                  std::vector<std::string>& fresh, const Next& k);
  // base[parts[i]]...: a residual ref.
  bool residual_ref(ast::Term base, const std::vector<ast::Term>& parts, size_t i, Frame& f, const ValueNext& k);
  // Applies ref parts [i..] to a value (iterating unbound vars); a residual base or part
  // makes a residual ref.
  // `origin`: the data path of a base document `base` is (residual keys keep it).
  bool walk(const PValue& base, const std::vector<ast::Term>& parts, size_t i, Frame& f, const ValueNext& k,
            const std::vector<ast::Term>* origin = nullptr);
  bool unify(const ast::Term& a, const ast::Term& b, Frame& f, const Next& k);
  // Unifies a term (that may hold unbound vars) with a value; a saved `=` keeps the
  // pattern on the left unless pattern_left is false (the source's order).
  bool unify_value(const ast::Term& pattern, const PValue& v, Frame& f, const Next& k, bool pattern_left = true);
  bool bind(const std::string& name, const PValue& v, Frame& f, const Next& k);
  bool eval_call(const ast::Expr& e, const std::vector<ast::Term>& terms, Frame& f, const Next& k);
  bool eval_builtin(const ast::Expr& e, const std::vector<ast::Term>& terms, const std::string& name, Frame& f,
                    const Next& k);
  bool compare_or_save(const PValue& a, const PValue& b, runtime::Location loc, const Next& k);
  // A var that no value is bound to is an unknown of the saved result, renamed per
  // evaluation (`x` in rule evaluation 3 is `x3`; the query's vars keep their names).
  std::string unknown_name(const std::string& name, const Frame& f) const;
  // Binds the (unbound) vars `fresh` as unknowns for the continuation.
  bool with_unknowns(const std::vector<std::string>& fresh, Frame& f, const Next& k);
  bool is_unbound_var(const ast::Term& t, const Frame& f) const;
  bool has_unbound_vars(const ast::Term& t, const Frame& f) const;
  bool is_unknown_ref(const std::vector<ast::Term>& plugged) const;
  // The term with every bound var replaced by its value; unbound vars are renamed as
  // unknowns and listed in `fresh`.
  ast::Term plug(const ast::Term& t, const Frame& f, std::vector<std::string>* fresh = nullptr);
  ast::Expr plug(const ast::Expr& e, const Frame& f, std::vector<std::string>* fresh = nullptr);
  ast::Body plug(const ast::Body& b, const Frame& f);

  // ---- partial_rules.cc
  bool eval_data(const ast::Ref& r, Frame& f, const ValueNext& k);
  bool eval_node(const RuleTreeNode& node, std::vector<ast::Term> path, runtime::Value base, bool has_base,
                 const std::vector<ast::Term>& parts, size_t i, Frame& f, const ValueNext& k,
                 const runtime::Value* hint = nullptr);
  bool eval_rules(const RuleTreeNode& node, const std::vector<ast::Term>& path, const std::vector<ast::Term>& parts,
                  size_t i, Frame& f, const ValueNext& k,
                  const runtime::Value* hint = nullptr);
  bool eval_function(const ast::Expr& e, const std::vector<ast::Term>& terms, const std::vector<ast::Term>& path,
                     Frame& f, const Next& k);
  // The whole value of a subtree of rules and base data, when it is all known.
  std::optional<runtime::Value> node_value(const RuleTreeNode& node, const std::vector<ast::Term>& path,
                                           const runtime::Value* base, bool& ok);
  // Each way the rule's body succeeds (arguments unified with `args` first), with the
  // head's key (`key`, a term of the rule) and value.
  bool rule_outcomes(const ast::Rule& rule, const std::vector<PValue>* args, const ast::Term* key,
                     std::vector<Outcome>& out);
  bool eval_known_chain(const ast::Rule& rule, std::vector<Outcome>& out, bool& needs_support);

  // ---- support_modules.cc
  // Support rules for the rule group at `path`; the ref that stands for it.
  bool make_support(const RuleTreeNode& node, const std::vector<ast::Term>& path, ast::Term& ref);
  ast::Term namespaced(const std::vector<ast::Term>& path) const;
  void add_support_rule(const std::vector<ast::Term>& path, ast::Rule rule);
  std::vector<ast::Module> support_modules();

  uint32_t new_frame_id() { return next_frame_id_++; }

  const CompiledProgram& program_;
  const PartialOptions& options_;
  stdlib::BuiltinContext builtin_ctx_;
  const runtime::Value* input_ = nullptr;             // the known input (a `with` may replace it)
  std::vector<std::vector<ast::Term>> unknowns_;      // the unknown refs (a `with` may drop input's)
  std::vector<ast::Expr> saved_;
  // The constant a data ref about to be evaluated is unified with (`data.p = true`): a
  // rule with a default is inlined when that constant is not the default (OPA's choice).
  std::optional<runtime::Value> ref_hint_;
  std::vector<ast::Body> results_;
  std::set<std::string> live_;  // the query's own vars: never propagated away
  // Support rules by rule path (`data.a.p`); std::map keeps the output sorted.
  std::map<std::string, std::pair<std::vector<ast::Term>, std::vector<ast::Rule>>> support_;
  std::optional<runtime::Diagnostic> error_;
  uint32_t next_frame_id_ = 1;
  uint32_t not_counter_ = 0;
  std::map<std::string, std::string> not_rules_;  // canonical text of the bodies -> name
  int depth_ = 0;
  int expr_depth_ = 0;
};

// Copy propagation over a saved query: `x = t` with x not live, x used elsewhere, is
// dropped and x replaced by t (support_modules.cc).
void propagate_copies(ast::Body& body, const std::set<std::string>& live);
void rename_var(ast::Body& body, const std::string& from, const std::string& to);

}  // namespace arcane::compiler::partial
