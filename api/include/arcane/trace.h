// Evaluation traces: what OPA's `--explain` and `opa test -v` show, for embedders too.
//
//   arcane::PrepareOptions prepare;
//   prepare.trace = true;                         // plan the query with trace points
//   auto query = engine->prepare("data.authz.allow", prepare);
//   arcane::TraceBuffer trace;
//   arcane::EvalOptions options;
//   options.tracer = &trace;                      // this evaluation's events go here
//   auto result = query->eval(options);
//   std::string text = arcane::pretty_trace(arcane::filter_trace(trace.events, arcane::ExplainMode::kNotes));
//
// Why tracing is chosen when a query is prepared: arcane compiles queries to plans, so
// the trace points are planned in (a query prepared without `trace` contains none and
// pays nothing for tracing). A traced query evaluated without a tracer runs its trace
// points as no-ops; an untraced query evaluated with a tracer records nothing.
//
// The events are OPA's (v1/topdown/trace.go): Enter (a query, a rule body or a nested
// body starts), Eval (an expression starts), Exit (a body succeeded), Fail (an expression
// had no result), Note (a trace() call). Each carries OPA's query id of the body it
// belongs to and that body's parent, which is what the lineage filters (explain modes)
// and the pretty printer work from. Not produced: Redo, Index, Unify, Save, Duplicate.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace arcane {

enum class TraceOp : uint8_t { kEnter, kExit, kEval, kFail, kNote };
std::string_view trace_op_name(TraceOp op);  // "Enter", "Exit", "Eval", "Fail", "Note"

struct TraceEvent {
  enum class NodeKind : uint8_t { kNone, kBody, kRule, kExpr };

  TraceOp op = TraceOp::kEval;
  uint64_t query_id = 0;   // the body the event belongs to (0: the query itself)
  uint64_t parent_id = 0;  // the body that entered it
  NodeKind node_kind = NodeKind::kNone;
  // The node as OPA prints it: a body (`data.authz.allow = _`), an expression
  // (`equal(input.action, "read")`), or a rule's path (`data.authz.allow`). Empty for notes.
  std::string node;
  std::string node_json;  // the node as OPA's AST JSON (`opa parse --format json`'s shape)
  std::string message;    // a Note's text
  std::string file;     // "" for the query
  int row = 0, col = 0;
};

// Receives the events of one evaluation, in order, when the evaluation has finished.
class Tracer {
 public:
  virtual ~Tracer() = default;
  virtual void event(const TraceEvent& e) = 0;
};

// A Tracer that keeps every event (OPA's BufferTracer).
class TraceBuffer final : public Tracer {
 public:
  void event(const TraceEvent& e) override { events.push_back(e); }
  std::vector<TraceEvent> events;
};

// OPA's explain modes: off, full (every event), notes / fails (Note / Fail events with the
// Enter events that lead to them), debug (everything; the same as full here).
enum class ExplainMode : uint8_t { kOff, kFull, kNotes, kFails, kDebug };
std::optional<ExplainMode> parse_explain_mode(std::string_view name);

// OPA's lineage.Filter: the events `keep` selects, each preceded by the Enter events of
// the bodies enclosing it not shown since the previous one selected.
std::vector<TraceEvent> filter_lineage(std::span<const TraceEvent> events,
                                       const std::function<bool(const TraceEvent&)>& keep);
std::vector<TraceEvent> filter_trace(std::span<const TraceEvent> events, ExplainMode mode);
// `opa test -v` without --explain: notes and fails with their lineage.
std::vector<TraceEvent> filter_notes_and_fails(std::span<const TraceEvent> events);

// OPA's PrettyTraceWithLocation: `file:row` padded to a common width, then `| ` per depth
// and the event, one line each.
std::string pretty_trace(std::span<const TraceEvent> events);

// The events as the "explanation" array of `opa eval --format json`: objects with OPA's
// Go field names (Op, Node, Location, QueryID, ParentID, Locals, LocalMetadata, Message,
// Ref), indented by two spaces from column `indent`. Locals are not recorded (null).
std::string trace_json(std::span<const TraceEvent> events, int indent = 0);

}  // namespace arcane
