// The trace recorder and the internal trace built-ins (trace_recorder.h).
#include "api/src/trace_recorder.h"

#include <algorithm>

namespace arcane::api {

namespace {

using compiler::plan::IndexCondition;
using compiler::plan::TraceSite;
using runtime::Value;

int64_t int_of(const Value& v) {
  if (!v.is_number()) return 0;
  return v.number().to_int64().value_or(0);
}

const Value* lookup(const Value* doc, const std::vector<Value>& path) {
  for (const Value& key : path) {
    if (doc == nullptr) return nullptr;
    if (doc->is_object()) {
      doc = doc->find(key);
    } else if (doc->is_array() && key.is_number()) {
      int64_t i = int_of(key);
      doc = i >= 0 && static_cast<size_t>(i) < doc->size() ? &doc->at(static_cast<size_t>(i)) : nullptr;
    } else {
      return nullptr;
    }
  }
  return doc;
}

bool is_scalar(const Value& v) {
  return v.is_null() || v.is_boolean() || v.is_number() || v.is_string();
}

// OPA's trie traversal for one indexed ref (v1/ast/index.go): the value must be defined
// and match the rule's scalar, or its array pattern element by element.
bool holds(const IndexCondition& c, const Value& data, const Value& inputs) {
  const Value* root = c.input ? (inputs.is_array() && inputs.size() > 0 ? &inputs.at(0) : nullptr) : &data;
  const Value* v = lookup(root, c.path);
  if (v == nullptr) return false;
  switch (c.match) {
    case IndexCondition::Match::kAny: return true;
    case IndexCondition::Match::kScalar: return is_scalar(*v) && *v == c.value;
    case IndexCondition::Match::kArray: {
      if (!v->is_array() || v->size() != c.value.size()) return false;
      for (size_t i = 0; i < v->size(); ++i) {
        if (!is_scalar(v->at(i))) return false;
        if (!c.wildcards[i] && !(v->at(i) == c.value.at(i))) return false;
      }
      return true;
    }
  }
  return false;
}

TraceEvent::NodeKind node_kind(TraceSite::Kind k) {
  switch (k) {
    case TraceSite::Kind::kQuery:
    case TraceSite::Kind::kBody: return TraceEvent::NodeKind::kBody;
    case TraceSite::Kind::kRule: return TraceEvent::NodeKind::kRule;
    case TraceSite::Kind::kExpr: return TraceEvent::NodeKind::kExpr;
  }
  return TraceEvent::NodeKind::kNone;
}

TraceRecorder* recorder(const vm::BuiltinCall& call) {
  return dynamic_cast<TraceRecorder*>(call.context.tracer());
}

stdlib::BuiltinResult trace_enter(const vm::BuiltinCall& call, std::span<const Value> args) {
  TraceRecorder* r = recorder(call);
  if (r == nullptr) return Value::integer(0);
  return Value::integer(r->enter(static_cast<uint32_t>(int_of(args[0])), int_of(args[1]), args[2], args[3]));
}

stdlib::BuiltinResult trace_eval(const vm::BuiltinCall& call, std::span<const Value> args) {
  if (TraceRecorder* r = recorder(call)) r->eval(static_cast<uint32_t>(int_of(args[0])), int_of(args[1]));
  return Value::boolean(true);
}

stdlib::BuiltinResult trace_exit(const vm::BuiltinCall& call, std::span<const Value> args) {
  if (TraceRecorder* r = recorder(call)) r->exit(static_cast<uint32_t>(int_of(args[0])), int_of(args[1]));
  return Value::boolean(true);
}

stdlib::BuiltinResult trace_call(const vm::BuiltinCall& call, std::span<const Value>) {
  if (TraceRecorder* r = recorder(call)) r->call();
  return Value::boolean(true);
}

stdlib::BuiltinResult trace_return(const vm::BuiltinCall& call, std::span<const Value>) {
  if (TraceRecorder* r = recorder(call)) r->ret();
  return Value::boolean(true);
}

struct TracedTable {
  std::shared_ptr<const vm::BuiltinTable> base;
  vm::BuiltinTable table;
};

}  // namespace

int64_t TraceRecorder::enter(uint32_t site, int64_t parent, const Value& data, const Value& inputs) {
  if (site >= plan_.sites.size()) return -1;
  if (parent < 0) parent = callers_.empty() ? -1 : callers_.back();
  if (parent >= static_cast<int64_t>(frames_.size())) parent = -1;
  if (parent >= 0) unwind_to(parent);
  Frame f;
  f.id = frames_.size();
  f.parent = parent >= 0 ? static_cast<uint64_t>(parent) : f.id;
  f.site = site;
  f.hidden = parent >= 0 && frames_[static_cast<size_t>(parent)].hidden;
  for (const IndexCondition& c : plan_.sites[site].conditions) {
    if (!holds(c, data, inputs)) f.hidden = true;
  }
  frames_.push_back(f);
  open_.push_back(f.id);
  record(TraceOp::kEnter, f, site);
  return static_cast<int64_t>(f.id);
}

void TraceRecorder::eval(uint32_t site, int64_t frame) {
  if (frame < 0 || static_cast<size_t>(frame) >= frames_.size() || site >= plan_.sites.size()) return;
  unwind_to(frame);
  Frame& f = frames_[static_cast<size_t>(frame)];
  // Arriving again at an expression at or before the deepest one: that one is done, and
  // if it never let evaluation reach the next expression, it failed.
  if (f.top >= 0 && plan_.sites[site].index <= plan_.sites[static_cast<size_t>(f.top)].index && !f.top_solved) {
    record(TraceOp::kFail, f, static_cast<uint32_t>(f.top));
  }
  f.top = site;
  f.top_solved = false;
  record(TraceOp::kEval, f, site);
}

void TraceRecorder::exit(uint32_t site, int64_t frame) {
  if (frame < 0 || static_cast<size_t>(frame) >= frames_.size()) return;
  unwind_to(frame);
  Frame& f = frames_[static_cast<size_t>(frame)];
  f.top_solved = true;
  record(TraceOp::kExit, f, site);
}

void TraceRecorder::call() {
  callers_.push_back(open_.empty() ? -1 : static_cast<int64_t>(open_.back()));
}

void TraceRecorder::ret() {
  if (callers_.empty()) return;
  int64_t caller = callers_.back();
  callers_.pop_back();
  if (caller >= 0) unwind_to(caller);
}

void TraceRecorder::note(std::string_view message) {
  if (open_.empty()) return;
  const Frame& f = frames_[open_.back()];
  record(TraceOp::kNote, f, f.top >= 0 ? static_cast<uint32_t>(f.top) : f.site, message);
}

std::vector<TraceEvent> TraceRecorder::finish() {
  while (!open_.empty()) {
    leave(frames_[open_.back()]);
    open_.pop_back();
  }
  return std::move(events_);
}

void TraceRecorder::unwind_to(int64_t frame) {
  if (std::find(open_.begin(), open_.end(), static_cast<uint64_t>(frame)) == open_.end()) return;
  while (!open_.empty() && open_.back() != static_cast<uint64_t>(frame)) {
    leave(frames_[open_.back()]);
    open_.pop_back();
  }
}

void TraceRecorder::leave(const Frame& f) {
  if (f.top >= 0 && !f.top_solved) record(TraceOp::kFail, f, static_cast<uint32_t>(f.top));
}

void TraceRecorder::record(TraceOp op, const Frame& f, uint32_t site, std::string_view message) {
  if (f.hidden) return;
  const TraceSite& s = plan_.sites[site];
  TraceEvent e;
  e.op = op;
  e.query_id = f.id;
  e.parent_id = f.parent;
  if (op != TraceOp::kNote) {
    e.node_kind = node_kind(s.kind);
    e.node = s.text;
    e.node_json = s.json;
  }
  e.message = std::string(message);
  e.file = s.file;
  e.row = static_cast<int>(s.row);
  e.col = static_cast<int>(s.col);
  events_.push_back(std::move(e));
}

std::shared_ptr<const vm::BuiltinTable> traced_builtins(std::shared_ptr<const vm::BuiltinTable> base) {
  namespace P = compiler::plan;
  auto holder = std::make_shared<TracedTable>(TracedTable{base, vm::BuiltinTable(base.get())});
  holder->table.add(vm::Builtin{std::string(P::kTraceEnter), 4, trace_enter, nullptr});
  holder->table.add(vm::Builtin{std::string(P::kTraceEval), 2, trace_eval, nullptr});
  holder->table.add(vm::Builtin{std::string(P::kTraceExit), 2, trace_exit, nullptr});
  holder->table.add(vm::Builtin{std::string(P::kTraceCall), 0, trace_call, nullptr});
  holder->table.add(vm::Builtin{std::string(P::kTraceReturn), 0, trace_return, nullptr});
  return std::shared_ptr<const vm::BuiltinTable>(holder, &holder->table);
}

vm::EvalResult evaluate_traced(const vm::Program& program, vm::EvalOptions options,
                               const compiler::plan::TracePlan& plan, Tracer& tracer) {
  TraceRecorder recorder(plan);
  stdlib::BuiltinContext context;
  context.set_cancel_flag(options.limits.cancel);
  context.set_module_parser(options.module_parser);
  context.set_tracer(&recorder);
  options.builtin_context = &context;
  vm::EvalResult result = vm::evaluate(program, "query", options);
  for (const TraceEvent& e : recorder.finish()) tracer.event(e);
  return result;
}

}  // namespace arcane::api
