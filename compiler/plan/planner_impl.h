// The planner's state and its parts, shared by the plan_*.cc files (internal to plan/).
//
// Planning is by continuation, as in OPA's planner: plan_x(node, iter) emits the
// statements for x into the current block and calls iter() with ltarget_ naming x's value;
// a construct that loops calls iter() inside its loop body, so the rest of the query is
// planned there. Errors are recorded once (fail()) and every step returns early after it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/compile/program.h"
#include "compiler/plan/comprehension_keys.h"
#include "compiler/plan/planner.h"
#include "compiler/plan/trace_text.h"
#include "ir/ir.h"
#include "runtime/diagnostic.h"

namespace arcane::compiler::plan {

using Iter = std::function<void()>;
using TermRef = std::vector<const ast::Term*>;  // a ref's parts, cheap to copy and plug

// A `with` replacement of a function (a built-in or a Rego function): calls of `target`
// go to the built-in `builtin`, to the rule group `node`, or yield the term `value`.
struct Mock {
  std::string target;  // built-in name, or the function's data path ("data.a.f")
  std::string builtin;
  const RuleTreeNode* node = nullptr;
  const ast::Term* value = nullptr;
  std::string slot;  // a value that needs evaluation: data[kMockRoot][slot] holds it
};

inline constexpr std::string_view kMockRoot = "\x01arcane.mocks";

// What can change how a rule plans: the functions replaced and the data paths overridden
// by the `with`s around it. Rules are planned once per scope.
struct Scope {
  uint32_t generation = 0;
  std::map<const RuleTreeNode*, uint32_t> functions;  // planned rule groups
  std::vector<Mock> mocks;
  std::set<const RuleTreeNode*> shadowed;  // replaced by `with data...`: read from data instead
};

class Planner {
 public:
  Planner(const CompiledProgram& program, ir::Policy& policy);

  void plan_query(const ast::Body& body, const QuerySpec& spec);
  const std::optional<runtime::Diagnostic>& error() const { return error_; }

  // ---- state (saved and restored around every function planned) ----
  struct Frame {
    std::vector<std::unordered_map<std::string, ir::Local>> vars;
    ir::Block* curr = nullptr;
    ir::Local lnext = ir::kFirstFreeLocal;
    ir::Operand ltarget;
    runtime::Location loc;
    uint32_t depth = 0;  // blocks enclosing the current one in this function
  };

 private:
  // plan_rules.cc
  uint32_t plan_rules(const RuleTreeNode& node);
  void plan_rule_group(const RuleTreeNode& node, ir::Function& fn);
  // plan_index.cc: BuildRuleIndex over the group's rules, each starting at a block index.
  // With early_exit (see constant_result), the first rule that succeeds ends the group.
  void index_rules(ir::Function& fn, const std::vector<size_t>& unit_starts, bool early_exit, bool index = true);
  // Whether every rule but the default yields the same constant and none has an else.
  bool constant_result(const std::vector<RuleEntry>& rules) const;
  void plan_rule_result(const RuleEntry& e, const ast::Rule& rule, size_t depth, ir::Local lresult,
                        ir::Local lreturn);
  std::vector<const ast::Term*> key_path(const ast::Rule& rule, size_t depth, size_t path_size) const;
  // How many keys below its node a rule's value sits (0 for a value at the node itself).
  size_t key_depth(const RuleEntry& e) const;
  void plan_func_params(const std::vector<ir::Local>& params, const std::vector<ast::Term>& args, size_t i,
                        const Iter& iter);

  // plan_exprs.cc
  void plan_body(const ast::Body& body, size_t index, const Iter& iter);
  void plan_expr(const ast::Expr& e, const Iter& iter);
  void plan_expr_plain(const ast::Expr& e, const Iter& iter);
  void plan_not(const ast::Expr& e, const Iter& iter);
  void plan_with(const ast::Expr& e, const Iter& iter);
  void plan_call(const ast::Expr& e, const ast::Call& call, const Iter& iter);
  void plan_call_args(const std::vector<ast::Term>& terms, size_t begin, size_t end, std::vector<ir::Operand>& args,
                      const std::function<void(std::vector<ir::Operand>&)>& iter);
  void plan_every(const ast::Every& ev, const Iter& iter);
  // Plans the alternatives in turn until one holds (each gets a continuation to call
  // where it holds); returns a local that is defined iff one did. Bindings stay inside.
  ir::Local plan_any(const std::vector<std::function<void(const Iter&)>>& alternatives);
  void plan_logical(const ast::LogicalOp& op, const Iter& iter);
  void plan_not_body(const ast::NotBody& nb, const Iter& iter);
  // Records a listed query expression's value; false when e is not one.
  bool capture(const ast::Expr& e, ir::Operand value);

  // plan_unify.cc
  void plan_unify(const ast::Term& a, const ast::Term& b, const Iter& iter);
  void plan_unify_var(const std::string& name, const ast::Term& b, const Iter& iter);
  void plan_unify_local(ir::Operand a, const ast::Term& b, const Iter& iter);
  void plan_unify_local_array(ir::Operand a, const ast::Array& b, const Iter& iter);
  void plan_unify_local_object(ir::Operand a, const ast::Object& b, const Iter& iter);

  // plan_terms.cc
  void plan_term(const ast::Term& t, const Iter& iter);
  void plan_terms(const std::vector<const ast::Term*>& terms, size_t i, std::vector<ir::Operand>& out,
                  const Iter& iter);
  void plan_var(const std::string& name, const Iter& iter);
  void plan_collection(ir::StmtKind make, uint32_t capacity, size_t items,
                       const std::function<void(size_t, ir::Local, const Iter&)>& add_item, const Iter& iter);
  void plan_array(const ast::Array& a, const Iter& iter);
  void plan_object(const ast::Object& o, const Iter& iter);
  void plan_set(const ast::Set& s, const Iter& iter);
  void plan_comprehension(const ast::Body& body, const Iter& add, ir::Local target, const Iter& iter);
  std::optional<runtime::Value> constant_of(const ast::Term& t) const;

  // plan_comprehension_index.cc: an indexed comprehension (comprehension_keys.h) is a
  // lookup, by its keys' values, in an object of groups computed once per evaluation by
  // a rule-like function of its own. False when `t` is not indexed here.
  bool plan_indexed_comprehension(const ast::Term& t, const Iter& iter);
  uint32_t plan_comprehension_index(const ast::Term& t, const std::vector<std::string>& keys);
  ir::Operand index_key(const std::vector<ir::Local>& keys);
  void note_comprehension_keys(const ast::Rule& rule);
  stages::ArityFn arity_fn() const {
    return [this](const std::vector<ast::Term>& ref) { return program_.arity(ref); };
  }

  // plan_refs.cc
  void plan_ref(const ast::Term& t, const ast::Ref& ref, const Iter& iter);
  void plan_ref_rec(const TermRef& ref, size_t index, const Iter& iter);
  void plan_data_ref_rec(const TermRef& ref, size_t index, const Iter& iter);
  void plan_ref_data(const RuleTreeNode* virt, ir::Operand base, TermRef base_path, const TermRef& ref,
                     size_t index, const Iter& iter);
  void plan_ref_data_extent(const RuleTreeNode* virt, std::optional<ir::Operand> base, const TermRef& base_path,
                            const Iter& iter);
  void plan_node_value(const RuleTreeNode& node, const Iter& iter);
  void plan_dot(const ast::Term& key, const Iter& iter);
  void plan_scan(const ast::Term& key, const Iter& iter);
  const RuleTreeNode* visible_child(const RuleTreeNode* node, const ast::Term& key) const;
  bool visible(const RuleTreeNode& node) const;
  bool unseen_vars(const ast::Term& t) const;

  // plan_trace.cc: trace points, only when spec_->trace is set.
  void trace_setup(const ast::Body& query);
  void plan_traced_body(const ast::Body& body, const Iter& iter);
  void plan_traced_exprs(const ast::Body& body, size_t index, uint32_t body_site, ir::Local frame, const Iter& iter);
  uint32_t trace_site(TraceSite site, const runtime::Location& loc);
  ir::Local trace_point(std::string_view builtin, std::vector<ir::Operand> args);
  std::string query_expr_text(const ast::Expr& e) const;
  void trace_functions();

  // helpers (planner.cc)
  ir::Local new_local() { return f_.lnext++; }
  void emit(ir::Stmt s);
  ir::Stmt stmt(ir::StmtKind k, std::vector<ir::Operand> in, std::vector<ir::Local> out, uint32_t imm = 0,
                std::vector<ir::Block> blocks = {});
  ir::Operand constant(const runtime::Value& v);
  ir::Operand string_constant(std::string_view s);
  std::optional<ir::Local> lookup_var(const std::string& name) const;
  void bind_var(const std::string& name, ir::Local l) { f_.vars.back()[name] = l; }
  void push_vars() { f_.vars.emplace_back(); }
  void pop_vars() { f_.vars.pop_back(); }
  // Plans `body` into a fresh block and returns it; the current block is restored.
  ir::Block in_block(const std::function<void()>& body);
  void fail(std::string message, const runtime::Location& loc);
  bool failed() const { return error_.has_value(); }
  Scope& scope() { return scopes_.back(); }
  const Mock* find_mock(std::string_view target) const;
  uint32_t builtin_index(const std::string& name);
  std::string path_string(const std::vector<ast::Term>& path) const;

  const CompiledProgram& program_;
  ir::Policy& policy_;
  ir::ConstantInterner constants_;
  Frame f_;
  std::vector<Scope> scopes_;
  uint32_t generations_ = 0;
  uint32_t mock_slots_ = 0;
  std::optional<runtime::Diagnostic> error_;
  std::map<const RuleTreeNode*, std::vector<ast::Term>> node_paths_;
  ComprehensionKeys comprehension_keys_;
  std::set<const ast::Rule*> keyed_rules_;  // rules whose comprehensions are in comprehension_keys_
  std::map<std::pair<const ast::Term*, uint32_t>, uint32_t> index_functions_;  // (term, scope) -> function

  // Expressions being planned, each waiting on the ones after it (see plan_expr).
  static constexpr uint32_t kMaxExprsInFlight = 20000;
  uint32_t exprs_in_flight_ = 0;

  // The query being planned: captured expression values.
  const QuerySpec* spec_ = nullptr;
  int query_depth_ = -1;  // 0 while planning the query's own expressions
  std::vector<std::optional<ir::Local>> captures_;
  std::vector<size_t> stmts_since_capture_;

  // Tracing (plan_trace.cc).
  struct TraceRuleBody {
    const ast::Rule* rule = nullptr;
    const RuleEntry* entry = nullptr;
    bool indexed = false;  // OPA's rule index would decide whether to enter it
  };
  TracePlan* trace_ = nullptr;
  const ast::Body* trace_query_ = nullptr;
  std::unordered_map<const ast::Body*, TraceRuleBody> trace_rule_bodies_;
  std::vector<ir::Local> trace_frames_;  // frame locals of the bodies enclosing this point
  std::unique_ptr<TraceText> trace_text_;
};

}  // namespace arcane::compiler::plan
