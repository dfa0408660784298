// Evaluation traces (arcane/trace.h): the events a traced query records, the explain-mode
// filters (OPA's lineage), the pretty printer, and that tracing never changes a result.
#include <gtest/gtest.h>

#include <thread>

#include "arcane/engine.h"
#include "arcane/trace.h"

namespace arcane {
namespace {

constexpr const char* kPolicy = R"(package authz

default allow := false

allow if {
	input.user.admin
}

allow if {
	input.action == "read"
	trace(sprintf("reading %s", [input.resource]))
	startswith(input.resource, "public/")
}

allow if {
	input.action == "write"
	input.resource == "scratch"
}
)";

Engine engine() {
  EngineBuilder b;
  b.add_module("policy.rego", kPolicy);
  auto e = b.build();
  EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().to_string());
  return std::move(e).value();
}

PreparedQuery prepare(const Engine& e, std::string_view query, bool trace = true) {
  PrepareOptions options;
  options.trace = trace;
  auto q = e.prepare(query, options);
  EXPECT_TRUE(q.ok()) << (q.ok() ? "" : q.error().to_string());
  return std::move(q).value();
}

std::vector<TraceEvent> run(const PreparedQuery& q, std::string_view input_json, EvalResult* out = nullptr) {
  TraceBuffer trace;
  EvalOptions options;
  options.input = value_from_json(input_json).value();
  options.tracer = &trace;
  EvalResult r = q.eval(options);
  EXPECT_FALSE(r.error) << r.error->to_string();
  if (out != nullptr) *out = std::move(r);
  return trace.events;
}

std::vector<std::string> lines(const std::vector<TraceEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) {
    std::string s = std::string(trace_op_name(e.op)) + " " + (e.op == TraceOp::kNote ? e.message : e.node);
    out.push_back(s);
  }
  return out;
}

constexpr const char* kReadPrivate = R"({"user": {}, "action": "read", "resource": "acme/api"})";

TEST(Trace, FullTraceOfAFailedDecision) {
  Engine e = engine();
  auto events = run(prepare(e, "data.authz.allow"), kReadPrivate);
  // The write rule is left out: OPA's rule index never enters it for a read.
  std::vector<std::string> want = {
      "Enter data.authz.allow = _",
      "Eval data.authz.allow = _",
      "Enter data.authz.allow",
      "Eval input.user.admin",
      "Fail input.user.admin",
      "Enter data.authz.allow",
      "Eval input.action = \"read\"",
      "Eval __local1__ = input.resource",
      "Eval sprintf(\"reading %s\", [__local1__], __local0__)",
      "Eval trace(__local0__)",
      "Note reading acme/api",
      "Eval __local2__ = input.resource",
      "Eval startswith(__local2__, \"public/\")",
      "Fail startswith(__local2__, \"public/\")",
      "Enter data.authz.allow",
      "Eval true",
      "Exit data.authz.allow",
      "Exit data.authz.allow = _",
  };
  EXPECT_EQ(lines(events), want);
  // Query ids: the query is 0, each rule body a child of it.
  EXPECT_EQ(events[0].query_id, 0u);
  EXPECT_EQ(events[2].parent_id, 0u);
  EXPECT_NE(events[2].query_id, 0u);
  EXPECT_EQ(events[2].file, "policy.rego");
  EXPECT_EQ(events[2].row, 5);
  EXPECT_EQ(events[0].file, "");
  EXPECT_EQ(events[0].row, 1);
}

TEST(Trace, ExplainModesKeepTheLineage) {
  Engine e = engine();
  auto events = run(prepare(e, "data.authz.allow"), kReadPrivate);
  EXPECT_EQ(lines(filter_trace(events, ExplainMode::kNotes)),
            (std::vector<std::string>{"Enter data.authz.allow = _", "Enter data.authz.allow", "Note reading acme/api"}));
  EXPECT_EQ(lines(filter_trace(events, ExplainMode::kFails)),
            (std::vector<std::string>{"Enter data.authz.allow = _", "Enter data.authz.allow", "Fail input.user.admin",
                                      "Enter data.authz.allow", "Fail startswith(__local2__, \"public/\")"}));
  EXPECT_TRUE(filter_trace(events, ExplainMode::kOff).empty());
  EXPECT_EQ(filter_trace(events, ExplainMode::kFull).size(), events.size());
  EXPECT_EQ(parse_explain_mode("notes"), ExplainMode::kNotes);
  EXPECT_FALSE(parse_explain_mode("loud").has_value());
}

TEST(Trace, PrettyPrintsLikeOpa) {
  Engine e = engine();
  auto events = run(prepare(e, "data.authz.allow"), kReadPrivate);
  EXPECT_EQ(pretty_trace(filter_trace(events, ExplainMode::kNotes)),
            "query:1            Enter data.authz.allow = _\n"
            "policy.rego:9      | Enter data.authz.allow\n"
            "policy.rego:11     | | Note \"reading acme/api\"\n");
}

TEST(Trace, LineageFilterFollowsParents) {
  // Two sibling bodies under one query: the second note only shows its own new Enter.
  auto ev = [](TraceOp op, uint64_t q, uint64_t p, TraceEvent::NodeKind k, std::string node) {
    TraceEvent e;
    e.op = op;
    e.query_id = q;
    e.parent_id = p;
    e.node_kind = k;
    e.node = std::move(node);
    e.message = e.node;
    return e;
  };
  using K = TraceEvent::NodeKind;
  std::vector<TraceEvent> events = {
      ev(TraceOp::kEnter, 0, 0, K::kBody, "q"),   ev(TraceOp::kEnter, 1, 0, K::kRule, "a"),
      ev(TraceOp::kNote, 1, 0, K::kNone, "n1"),   ev(TraceOp::kEnter, 2, 0, K::kRule, "b"),
      ev(TraceOp::kEval, 2, 0, K::kExpr, "x"),    ev(TraceOp::kNote, 2, 0, K::kNone, "n2"),
      ev(TraceOp::kEnter, 3, 2, K::kBody, "c"),   ev(TraceOp::kNote, 3, 2, K::kNone, "n3"),
  };
  EXPECT_EQ(lines(filter_trace(events, ExplainMode::kNotes)),
            (std::vector<std::string>{"Enter q", "Enter a", "Note n1", "Enter b", "Note n2", "Enter c", "Note n3"}));
}

TEST(Trace, UntracedQueriesRecordNothingAndTracingChangesNoResult) {
  Engine e = engine();
  PreparedQuery plain = prepare(e, "data.authz.allow", false);
  EXPECT_TRUE(run(plain, kReadPrivate).empty());
  // A traced query without a tracer, and with one, gives the untraced query's result.
  PreparedQuery traced = prepare(e, "data.authz.allow");
  for (const char* input : {kReadPrivate, R"({"action": "read", "resource": "public/x"})",
                            R"({"action": "write", "resource": "scratch"})", R"({"user": {"admin": true}})"}) {
    EvalOptions options;
    options.input = value_from_json(input).value();
    EvalResult want = plain.eval(options);
    EvalResult quiet = traced.eval(options);
    EvalResult loud;
    run(traced, input, &loud);
    ASSERT_EQ(want.rows.size(), 1u);
    EXPECT_EQ(quiet.rows[0].expressions[0].value, want.rows[0].expressions[0].value) << input;
    EXPECT_EQ(loud.rows[0].expressions[0].value, want.rows[0].expressions[0].value) << input;
  }
}

TEST(Trace, TracedQueriesRunOnManyThreads) {
  Engine e = engine();
  PreparedQuery q = prepare(e, "data.authz.allow");
  size_t want = run(q, kReadPrivate).size();
  std::vector<std::thread> threads;
  std::vector<size_t> got(4);
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) got[t] = run(q, kReadPrivate).size();
    });
  }
  for (auto& t : threads) t.join();
  for (size_t n : got) EXPECT_EQ(n, want);
}

TEST(Trace, FunctionsNestedBodiesAndWith) {
  EngineBuilder b;
  b.add_module("p.rego", R"(package p

f(x) := y if {
	y := x * 2
}

big if {
	some n in input.ns
	f(n) > 5
}

names := {n | some n in input.ns; n > 1}

t if big with input as {"ns": [1, 2]}
)");
  auto e = b.build();
  ASSERT_TRUE(e.ok()) << e.error().to_string();
  auto events = run(prepare(*e, "data.p.t"), R"({})");
  auto fails = lines(filter_trace(events, ExplainMode::kFails));
  // Operators print in call form, as OPA's String() does. Each f(n) > 5 fails inside big's body, big fails inside t's, and t fails in the query.
  std::vector<std::string> want = {"Enter data.p.t = _",
                                   "Enter data.p.t",
                                   "Enter data.p.big",
                                   "Fail gt(__local9__, 5)",
                                   "Fail gt(__local9__, 5)",
                                   "Fail data.p.big with input as {\"ns\": [1, 2]}",
                                   "Fail data.p.t = _"};
  EXPECT_EQ(fails, want);
  // Function bodies are children of the body that called them.
  auto full = filter_trace(events, ExplainMode::kFull);
  uint64_t big = 0;
  for (const auto& ev : full) {
    if (ev.op == TraceOp::kEnter && ev.node == "data.p.big") big = ev.query_id;
    if (ev.op == TraceOp::kEnter && ev.node == "data.p.f") {
      EXPECT_EQ(ev.parent_id, big);
    }
  }
  auto comprehension = run(prepare(*e, "data.p.names"), R"({"ns": [1, 2, 3]})");
  size_t nested = 0;
  for (const auto& ev : comprehension) nested += ev.op == TraceOp::kEnter && ev.node_kind == TraceEvent::NodeKind::kBody;
  EXPECT_EQ(nested, 2u);  // the query and the comprehension body
}

TEST(Trace, NegationIsABodyOfItsOwn) {
  EngineBuilder b;
  b.add_module("n.rego", R"(package n

deny if input.blocked

allow if {
	not deny
	input.ok
}
)");
  auto e = b.build();
  ASSERT_TRUE(e.ok()) << e.error().to_string();
  auto events = run(prepare(*e, "data.n.allow"), R"({"blocked": false, "ok": false})");
  // As OPA: the negated expression is entered as a body, and what fails inside shows.
  EXPECT_EQ(lines(filter_trace(events, ExplainMode::kFails)),
            (std::vector<std::string>{"Enter data.n.allow = _", "Enter data.n.allow", "Enter data.n.deny",
                                      "Enter data.n.deny", "Fail input.blocked", "Fail data.n.deny", "Fail input.ok",
                                      "Fail data.n.allow = _"}));
}

}  // namespace
}  // namespace arcane
