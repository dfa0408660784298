// Planning trace points (plan_trace.h): only when QuerySpec::trace asks for them.
//
// Every body planned while tracing becomes a frame (OPA's query id): `trace_enter` at its
// start, `trace_eval` before each expression, `trace_exit` where the body holds. A rule
// body's parent frame is the one that called its rule group, known only at run time, so
// every rule group function is bracketed by `trace_call` / `trace_return` (added after
// planning, so the rule planner needs no hooks); a nested body (comprehension, `every`,
// `not {}`) names its parent's frame local directly.
#include <algorithm>

#include "compiler/ast/ast_json.h"
#include "compiler/plan/planner_impl.h"
#include "compiler/stages/context.h"
#include "compiler/stages/type_env.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::plan {

using ir::StmtKind;
using runtime::Value;

namespace {

bool root_is(const ast::Term& t, std::string_view name) {
  const auto* v = ast::get_if<ast::Var>(t);
  return v != nullptr && v->name == name;
}

// A ground, non-nested ref into input or base data: its key path.
std::optional<IndexCondition> index_ref(const CompiledProgram& program, const ast::Term& t) {
  const auto* r = ast::get_if<ast::Ref>(t);
  if (r == nullptr || r->parts.empty()) return std::nullopt;
  IndexCondition c;
  if (root_is(r->parts[0], "input")) {
    c.input = true;
  } else if (root_is(r->parts[0], "data")) {
    c.input = false;
    if (program.is_virtual(r->parts)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  for (size_t i = 1; i < r->parts.size(); ++i) {
    if (!stages::is_scalar(r->parts[i].value)) return std::nullopt;  // a var, or a nested ref / collection
    auto v = stages::constant_value(r->parts[i]);
    if (!v) return std::nullopt;
    c.path.push_back(std::move(*v));
  }
  return c;
}

// OPA 0.61's refindices.updateEq: `ref = value` with value a scalar, a variable (any
// defined value) or an array of scalars and variables.
std::optional<IndexCondition> index_eq(const CompiledProgram& program, const ast::Term& a, const ast::Term& b) {
  auto c = index_ref(program, a);
  if (!c) return std::nullopt;
  if (ast::get_if<ast::Var>(b)) {
    c->match = IndexCondition::Match::kAny;
    return c;
  }
  if (stages::is_scalar(b.value)) {
    auto v = stages::constant_value(b);
    if (!v) return std::nullopt;
    c->match = IndexCondition::Match::kScalar;
    c->value = std::move(*v);
    return c;
  }
  const auto* arr = ast::get_if<ast::Array>(b);
  if (arr == nullptr) return std::nullopt;
  runtime::ArrayBuilder pattern(arr->items.size());
  for (const auto& item : arr->items) {
    bool wildcard = ast::get_if<ast::Var>(item) != nullptr;
    if (!wildcard && !stages::is_scalar(item.value)) return std::nullopt;
    c->wildcards.push_back(wildcard);
    pattern.push_back(wildcard ? Value::null() : stages::constant_value(item).value_or(Value::null()));
  }
  c->match = IndexCondition::Match::kArray;
  c->value = pattern.build();
  return c;
}

std::vector<IndexCondition> index_conditions(const CompiledProgram& program, const ast::Body& body) {
  std::vector<IndexCondition> out;
  for (const auto& e : body) {
    if (e.negated || !e.with.empty()) continue;
    const auto* call = std::get_if<ast::Call>(&e.terms);
    if (call == nullptr || call->terms.size() != 3) continue;
    const auto* op = ast::get_if<ast::Ref>(call->terms[0]);
    if (op == nullptr || op->parts.size() != 1) continue;
    const auto* name = ast::get_if<ast::Var>(op->parts[0]);
    if (name == nullptr || (name->name != "eq" && name->name != "equal")) continue;
    auto c = index_eq(program, call->terms[1], call->terms[2]);
    if (!c) c = index_eq(program, call->terms[2], call->terms[1]);
    if (c) out.push_back(std::move(*c));
  }
  return out;
}

}  // namespace

void Planner::trace_setup(const ast::Body& query) {
  trace_query_ = &query;
  trace_text_ = std::make_unique<TraceText>(
      std::vector<const TraceText::Renames*>{&program_.rewritten_vars, spec_->query_rewritten_vars});
  if (!program_.rule_tree) return;
  // Every rule body (else bodies too), with whether OPA builds a rule index for its group
  // (compiler.buildRuleIndices: when the group's last rule has a ground head ref).
  std::vector<const RuleTreeNode*> stack{program_.rule_tree.get()};
  while (!stack.empty()) {
    const RuleTreeNode* node = stack.back();
    stack.pop_back();
    for (const auto& c : node->children) stack.push_back(c.get());
    if (node->rules.empty()) continue;
    bool indexed = true;
    auto ref = ast::head_ref(node->rules.back().rule->head);
    for (size_t i = 1; i < ref.size(); ++i) indexed = indexed && is_ground_term(ref[i]);
    for (const auto& e : node->rules) {
      for (const ast::Rule* r = e.rule; r != nullptr; r = r->else_rule.get()) {
        trace_rule_bodies_[&r->body] = TraceRuleBody{r, &e, indexed && !e.rule->is_default};
      }
    }
  }
}

uint32_t Planner::trace_site(TraceSite site, const runtime::Location& loc) {
  if (loc.file > 0 && loc.file <= policy_.files.size()) {
    site.file = policy_.files[loc.file - 1].name;
    site.row = ir::row_of(policy_, loc);
    const auto& starts = policy_.files[loc.file - 1].line_starts;
    if (site.row > 0 && site.row <= starts.size()) site.col = loc.offset - starts[site.row - 1] + 1;
  }
  trace_->sites.push_back(std::move(site));
  return static_cast<uint32_t>(trace_->sites.size() - 1);
}

ir::Local Planner::trace_point(std::string_view builtin, std::vector<ir::Operand> args) {
  ir::Local out = new_local();
  int arity = static_cast<int>(args.size());
  emit(stmt(StmtKind::kCallBuiltin, std::move(args), {out}, ir::intern_builtin(policy_, builtin, arity)));
  return out;
}

void Planner::plan_traced_body(const ast::Body& body, const Iter& iter) {
  TraceSite site;
  auto rule = trace_rule_bodies_.find(&body);
  bool is_rule = rule != trace_rule_bodies_.end();
  runtime::Location loc = body.empty() ? f_.loc : body.front().loc;
  if (is_rule) {
    site.kind = TraceSite::Kind::kRule;
    site.text = trace_text_->ref(ground_prefix(rule->second.entry->path));
    site.json = ast::to_json(*rule->second.rule);
    loc = rule->second.rule->loc;
    if (rule->second.indexed) site.conditions = index_conditions(program_, body);
  } else if (&body == trace_query_) {
    site.kind = TraceSite::Kind::kQuery;
    for (size_t i = 0; i < body.size(); ++i) site.text += (i > 0 ? "; " : "") + query_expr_text(body[i]);
  } else {
    site.kind = TraceSite::Kind::kBody;
    site.text = trace_text_->body(body);
  }
  if (site.json.empty()) site.json = ast::to_json(body);
  bool conditions = !site.conditions.empty();
  uint32_t body_site = trace_site(std::move(site), loc);

  runtime::Location old = f_.loc;
  f_.loc = loc;
  ir::Operand parent = constant(Value::integer(kTraceParentIsCaller));
  if (!is_rule && !trace_frames_.empty()) parent = ir::Operand::local(trace_frames_.back());
  ir::Operand inputs = constant(Value::empty_array());
  if (conditions) {
    // [input], or [] when input is undefined (which the index treats as not matching).
    ir::Local l = new_local();
    emit(stmt(StmtKind::kMakeArray, {}, {l}, 1));
    std::vector<ir::Block> blocks;
    blocks.push_back(in_block([&] { emit(stmt(StmtKind::kArrayAppend, {ir::Operand::local(ir::kInputLocal)}, {l})); }));
    emit(stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks)));
    inputs = ir::Operand::local(l);
  }
  ir::Local frame = trace_point(kTraceEnter, {constant(Value::integer(body_site)), parent,
                                             ir::Operand::local(ir::kDataLocal), inputs});
  std::vector<ir::Local> saved;
  if (is_rule) saved = std::exchange(trace_frames_, {});
  trace_frames_.push_back(frame);
  plan_traced_exprs(body, 0, body_site, frame, iter);
  trace_frames_.pop_back();
  if (is_rule) trace_frames_ = std::move(saved);
  f_.loc = old;
}

// plan_body's recursion with a trace point before each expression and at the end.
void Planner::plan_traced_exprs(const ast::Body& body, size_t index, uint32_t body_site, ir::Local frame,
                                const Iter& iter) {
  if (failed()) return;
  ir::Operand fo = ir::Operand::local(frame);
  if (index >= body.size()) {
    trace_point(kTraceExit, {constant(Value::integer(body_site)), fo});
    // The continuation belongs to the enclosing frame.
    trace_frames_.pop_back();
    iter();
    trace_frames_.push_back(frame);
    return;
  }
  runtime::Location old = f_.loc;
  f_.loc = body[index].loc;
  TraceSite site;
  site.kind = TraceSite::Kind::kExpr;
  site.index = static_cast<uint32_t>(index);
  site.text = &body == trace_query_ ? query_expr_text(body[index]) : trace_text_->expr(body[index]);
  site.json = ast::to_json(body[index]);
  uint32_t id = trace_site(std::move(site), body[index].loc);
  trace_point(kTraceEval, {constant(Value::integer(id)), fo});
  plan_expr(body[index], [&, index, old, body_site, frame] {
    plan_traced_exprs(body, index + 1, body_site, frame, [&, old] {
      runtime::Location here = f_.loc;
      f_.loc = old;
      iter();
      f_.loc = here;
    });
  });
  f_.loc = old;
}

// As OPA's rego package rewrites a query to capture expression values.
std::string Planner::query_expr_text(const ast::Expr& e) const {
  int arity = -1;
  if (const auto* call = std::get_if<ast::Call>(&e.terms)) {
    if (const auto* op = ast::get_if<ast::Ref>(call->terms[0])) arity = program_.arity(op->parts);
  }
  return trace_text_->expr(e, true, arity);
}

// Every rule group reports entry and return, so that the recorder knows the caller's
// frame (the parent of the group's rule bodies) and returns to it.
void Planner::trace_functions() {
  for (ir::Function& fn : policy_.functions) {
    if (fn.kind == ir::FunctionKind::kPlan || fn.blocks.empty()) continue;
    ir::Local next = ir::max_local(fn.blocks) + 1;
    uint32_t call = ir::intern_builtin(policy_, kTraceCall, 0);
    uint32_t ret = ir::intern_builtin(policy_, kTraceReturn, 0);
    std::function<void(std::vector<ir::Block>&)> before_returns = [&](std::vector<ir::Block>& blocks) {
      for (ir::Block& b : blocks) {
        for (size_t i = 0; i < b.stmts.size(); ++i) {
          before_returns(b.stmts[i].blocks);
          if (b.stmts[i].kind != StmtKind::kReturnLocal) continue;
          b.stmts.insert(b.stmts.begin() + static_cast<std::ptrdiff_t>(i),
                         ir::make_stmt(StmtKind::kCallBuiltin, {}, {next}, ret, {}, b.stmts[i].location));
          ++i;
        }
      }
    };
    before_returns(fn.blocks);
    // A block of its own: to the verifier a call may be undefined and leave its block.
    ir::Block entry;
    entry.stmts.push_back(ir::make_stmt(StmtKind::kCallBuiltin, {}, {next}, call, {}, fn.location));
    fn.blocks.insert(fn.blocks.begin(), std::move(entry));
  }
}

}  // namespace arcane::compiler::plan
