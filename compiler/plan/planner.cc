// The planner's entry point, the query plan and the small helpers every part uses.
#include "compiler/plan/planner.h"

#include <algorithm>
#include <cstdlib>

#include "compiler/ast/ast_string.h"
#include "compiler/plan/copies.h"
#include "compiler/plan/document_paths.h"
#include "compiler/plan/flags.h"
#include "compiler/plan/hoist.h"
#include "compiler/plan/inline.h"
#include "compiler/plan/known_conditions.h"
#include "compiler/plan/rule_result.h"
#include "compiler/plan/shared_lookups.h"
#include "compiler/plan/split_locals.h"
#include "compiler/plan/planner_impl.h"
#include "runtime/deep_stack.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::plan {

using runtime::Value;
namespace K = ir;
using ir::StmtKind;

namespace {

void index_paths(const RuleTreeNode& node, std::vector<ast::Term>& path,
                 std::map<const RuleTreeNode*, std::vector<ast::Term>>& out) {
  std::vector<ast::Term> copy;
  for (const auto& t : path) copy.push_back(ast::clone(t));
  out[&node] = std::move(copy);
  for (const auto& c : node.children) {
    path.push_back(ast::clone(c->key));
    index_paths(*c, path, out);
    path.pop_back();
  }
}

}  // namespace

Planner::Planner(const CompiledProgram& program, ir::Policy& policy)
    : program_(program), policy_(policy), constants_(policy) {
  scopes_.emplace_back();
  if (program_.rule_tree) {
    // The root holds `data`; its path is [data].
    for (const auto& c : program_.rule_tree->children) {
      std::vector<ast::Term> path;
      path.push_back(ast::clone(c->key));
      index_paths(*c, path, node_paths_);
    }
  }
}

void Planner::fail(std::string message, const runtime::Location& loc) {
  if (!error_) error_ = runtime::Diagnostic{"rego_compile_error", "planner: " + std::move(message), loc, {}};
}

ir::Stmt Planner::stmt(ir::StmtKind k, std::vector<ir::Operand> in, std::vector<ir::Local> out, uint32_t imm,
                       std::vector<ir::Block> blocks) {
  return ir::make_stmt(k, std::move(in), std::move(out), imm, std::move(blocks), f_.loc);
}

void Planner::emit(ir::Stmt s) {
  if (s.location.file == 0 && s.location.length == 0) s.location = f_.loc;
  f_.curr->stmts.push_back(std::move(s));
}

ir::Operand Planner::constant(const Value& v) {
  return ir::Operand::constant(constants_.intern(v));
}

ir::Operand Planner::string_constant(std::string_view s) {
  return constant(Value::from_string(s));
}

std::optional<ir::Local> Planner::lookup_var(const std::string& name) const {
  for (auto it = f_.vars.rbegin(); it != f_.vars.rend(); ++it) {
    auto found = it->find(name);
    if (found != it->end()) return found->second;
  }
  return std::nullopt;
}

ir::Block Planner::in_block(const std::function<void()>& body) {
  ir::Block block;
  ir::Block* prev = f_.curr;
  f_.curr = &block;
  ++f_.depth;
  body();
  --f_.depth;
  f_.curr = prev;
  return block;
}

const Mock* Planner::find_mock(std::string_view target) const {
  const auto& mocks = scopes_.back().mocks;
  for (auto it = mocks.rbegin(); it != mocks.rend(); ++it) {
    if (it->target == target) return &*it;
  }
  return nullptr;
}

uint32_t Planner::builtin_index(const std::string& name) {
  int arity = ir::kVariadic;
  if (program_.builtins) {
    if (const auto* sig = program_.builtins->find(name); sig && !sig->variadic) arity = sig->arity;
  }
  return ir::intern_builtin(policy_, name, arity);
}

std::string Planner::path_string(const std::vector<ast::Term>& path) const {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (const auto* v = ast::get_if<ast::Var>(path[i])) {
      out += v->name;
    } else if (const auto* s = ast::get_if<ast::String>(path[i])) {
      out += "." + s->value;
    } else {
      out += "[" + ast::to_string(path[i]) + "]";
    }
  }
  return out;
}

// ---------------------------------------------------------------------------- the query

void Planner::plan_query(const ast::Body& body, const QuerySpec& spec) {
  spec_ = &spec;
  captures_.assign(spec.listed.size(), std::nullopt);
  trace_ = spec.trace;
  if (trace_ != nullptr) trace_setup(body);
  if (trace_ == nullptr) find_comprehension_keys(body, arity_fn(), comprehension_keys_);

  ir::Function fn;
  fn.kind = ir::FunctionKind::kPlan;
  fn.name = spec.plan_name;
  f_ = Frame{};
  f_.vars.emplace_back();
  f_.vars.back()["input"] = ir::kInputLocal;
  if (!body.empty()) f_.loc = body.front().loc;
  fn.location = f_.loc;

  ir::Block block = in_block([&] {
    query_depth_ = 0;
    plan_body(body, 0, [&] {
      query_depth_ = -1;
      if (spec.first_value_only) {
        const std::optional<ir::Local>& first = captures_.empty() ? std::nullopt : captures_.front();
        emit(stmt(StmtKind::kResultSetAdd, {first ? ir::Operand::local(*first) : ir::Operand::boolean(true)}, {}));
        query_depth_ = 0;
        return;
      }
      ir::Local bindings = new_local();
      emit(stmt(StmtKind::kMakeObject, {}, {bindings}));
      for (const std::string& name : spec.result_vars) {
        auto l = lookup_var(name);
        if (!l) continue;
        emit(stmt(StmtKind::kObjectInsert, {string_constant(name), ir::Operand::local(*l)}, {bindings}));
      }
      ir::Local values = new_local();
      emit(stmt(StmtKind::kMakeArray, {}, {values}, static_cast<uint32_t>(captures_.size())));
      for (const auto& c : captures_) {
        emit(stmt(StmtKind::kArrayAppend, {c ? ir::Operand::local(*c) : ir::Operand::boolean(true)}, {values}));
      }
      ir::Local row = new_local();
      emit(stmt(StmtKind::kMakeArray, {}, {row}, 2));
      emit(stmt(StmtKind::kArrayAppend, {ir::Operand::local(bindings)}, {row}));
      emit(stmt(StmtKind::kArrayAppend, {ir::Operand::local(values)}, {row}));
      emit(stmt(StmtKind::kResultSetAdd, {ir::Operand::local(row)}, {}));
      query_depth_ = 0;
    });
    query_depth_ = -1;
  });
  fn.blocks.push_back(std::move(block));
  policy_.functions.push_back(std::move(fn));
  if (trace_ != nullptr) trace_functions();
}

bool Planner::capture(const ast::Expr& e, ir::Operand value) {
  if (query_depth_ != 0 || e.generated || spec_ == nullptr) return false;
  for (size_t i = 0; i < spec_->listed.size(); ++i) {
    const runtime::Location& l = spec_->listed[i];
    if (l.file == e.loc.file && l.offset == e.loc.offset && l.length == e.loc.length) {
      ir::Local target = new_local();
      emit(stmt(StmtKind::kAssignVar, {value}, {target}));
      captures_[i] = target;
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------- entry

runtime::Result<ir::Policy> plan_query(const CompiledProgram& program, const ast::Body& query, const QuerySpec& spec) {
  ir::Policy policy;
  // File ids are shared by all the source sets; the first set that knows a file names it.
  size_t files = 0;
  for (const auto* s : spec.sources) files = std::max(files, s ? s->size() : 0);
  for (size_t id = 1; id <= files; ++id) {
    const runtime::SourceFile* found = nullptr;
    for (const auto* s : spec.sources) {
      if (s == nullptr || id > s->size()) continue;
      const runtime::SourceFile* f = s->get(static_cast<uint32_t>(id));
      if (f && (!f->name().empty() || !f->text().empty())) {
        found = f;
        break;
      }
    }
    policy.files.push_back(found ? ir::make_file_info(std::string(found->name()), found->text())
                                 : ir::make_file_info("", ""));
  }
  Planner planner(program, policy);
  QuerySpec decision;
  if (!spec.decision_plan_name.empty() && spec.trace == nullptr) {
    decision = spec;
    decision.plan_name = spec.decision_plan_name;
    decision.first_value_only = true;
  }
  runtime::run_with_stack(runtime::kDeepStackBytes, [&] {
    planner.plan_query(query, spec);
    // Rule functions are planned once; the second entrypoint calls the same ones.
    if (decision.first_value_only && !planner.error()) planner.plan_query(query, decision);
  });
  if (planner.error()) return *planner.error();
  // Traced plans keep every statement where OPA's evaluator would report it.
  if (spec.trace == nullptr) {
    LoopInvariants invariants(policy);
    for (ir::Function& fn : policy.functions) {
      split_locals(fn);
      remove_copies(fn);
      invariants.hoist(fn);
      assign_rule_results_directly(fn);
      share_lookups(policy, fn);
    }
    // For measuring what inlining buys (bench/): ARCANE_NO_INLINE turns it off.
    static const bool no_inline = std::getenv("ARCANE_NO_INLINE") != nullptr;
    if (!no_inline) inline_rules(policy, decision.first_value_only ? decision.plan_name : std::string_view());
    for (ir::Function& fn : policy.functions) {
      drop_flags(fn);
      look_up_document_paths_once(fn);
      drop_known_conditions(policy, fn);
      share_lookups(policy, fn);
    }
  }
  return policy;
}

}  // namespace arcane::compiler::plan
