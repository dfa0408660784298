// Engine::prepare and PreparedQuery::eval: parsing a query, handing it to the evaluator,
// and turning the evaluator's raw rows into OPA-shaped results.
#include <algorithm>
#include <exception>

#include "api/src/engine_state.h"
#include "api/src/errors.h"
#include "api/src/phase_timer.h"
#include "compiler/parse/parser.h"

namespace arcane {

using runtime::Value;

namespace {

// The query's SourceSet: stand-ins for the policy's files first, so the query's file id
// is unique across both sets (see api::Query).
std::shared_ptr<api::Query> new_query(const api::Policy& policy, std::string_view text) {
  auto q = std::make_shared<api::Query>();
  for (size_t i = 0; i < policy.sources.size(); ++i) q->sources.add("", "");
  q->text = std::string(text);
  q->file = q->sources.add("", q->text);
  return q;
}

std::vector<ExpressionValue> sites_of(const api::Query& q) {
  std::vector<ExpressionValue> out;
  const runtime::SourceFile* file = q.sources.get(q.file);
  for (size_t i : q.listed) {
    const runtime::Location& loc = q.body[i].loc;
    runtime::LineCol lc = file->line_col(loc.offset);
    ExpressionValue site;
    site.value = Value::boolean(true);
    site.text = file->text().substr(loc.offset, loc.length);
    site.row = static_cast<int>(lc.line);
    site.col = static_cast<int>(lc.col);
    out.push_back(std::move(site));
  }
  return out;
}

Result<PreparedQuery> prepare_query(const std::shared_ptr<const api::EngineState>& engine, std::string_view text,
                                    const PrepareOptions& options) {
  const api::Policy& policy = *engine->policy;
  auto query = new_query(policy, text);
  api::SourceLookup lookup{&policy.sources, &query->sources, query->file};
  runtime::Diagnostics diags(std::max<size_t>(policy.options.max_errors, 1));
  compiler::ParseOptions parse;
  parse.version = options.rego_version == RegoVersion::kV0 ? compiler::RegoVersion::V0 : compiler::RegoVersion::V1;
  parse.experimental_keywords = policy.options.experimental_keywords;
  api::PhaseTimer parsing(options.metrics, Metrics::kQueryParse);
  auto body = compiler::parse_query(query->sources, query->file, parse, diags);
  parsing.stop();
  if (!body.ok() || !diags.empty()) {
    if (diags.empty()) return api::to_error(body.error(), lookup);
    return api::to_errors(diags, lookup);
  }
  query->body = std::move(body).value();
  query->listed = api::listed_expressions(query->body);
  query->trace = options.trace;
  api::PhaseTimer compiling(options.metrics, Metrics::kQueryCompile);
  auto plan = engine->compiled->prepare(query, diags);
  compiling.stop();
  if (!plan || !diags.empty()) {
    if (diags.empty()) return api::internal_error("the evaluator failed without a diagnostic");
    return api::to_errors(diags, lookup);
  }
  auto state = std::make_shared<api::QueryState>();
  state->engine = engine;
  state->sites = sites_of(*query);
  state->query = std::move(query);
  state->plan = std::move(plan);
  return api::BuilderAccess::make_query(std::move(state));
}

std::vector<Binding> bindings_of(api::RawRow& raw, const api::PreparedPlan& plan, BindingNames names) {
  std::vector<Binding> out;
  out.reserve(raw.bindings.size());
  for (auto& [name, value] : raw.bindings) {
    if (names == BindingNames::kCompiled) {
      out.push_back({name, std::move(value)});
    } else if (auto shown = plan.user_name(name)) {
      out.push_back({std::move(*shown), std::move(value)});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Binding& a, const Binding& b) { return a.name < b.name; });
  out.erase(std::unique(out.begin(), out.end(), [](const Binding& a, const Binding& b) { return a.name == b.name; }),
            out.end());
  return out;
}

ResultRow row_of(api::RawRow& raw, const api::QueryState& q, BindingNames names) {
  ResultRow row;
  row.expressions = q.sites;
  for (size_t i = 0; i < row.expressions.size() && i < raw.expressions.size(); ++i) {
    row.expressions[i].value = std::move(raw.expressions[i]);
  }
  row.bindings = bindings_of(raw, *q.plan, names);
  return row;
}

api::EvalRequest request_of(const api::QueryState& q, const EvalOptions& options) {
  api::EvalRequest request;
  request.input = options.input ? &*options.input : nullptr;
  request.strict_builtin_errors =
      options.strict_builtin_errors.value_or(q.engine->policy->options.strict_builtin_errors);
  request.limits.max_instructions = options.limits.max_instructions;
  request.limits.max_time = options.limits.max_time;
  request.limits.max_call_depth = options.limits.max_call_depth;
  request.limits.cancel = options.limits.cancel;
  request.tracer = options.tracer;
  return request;
}

Error error_of(const api::QueryState& q, const runtime::Diagnostic& d) {
  api::SourceLookup lookup{&q.engine->policy->sources, &q.query->sources, q.query->file};
  return api::to_error(d, lookup);
}

// Runs `fill` on a fresh Out; an exception becomes Out::error (the API never throws).
template <typename Out, typename Fill>
Out never_throwing(Fill&& fill) {
  Out out;
  try {
    fill(out);
  } catch (const std::exception& e) {
    out.error = api::internal_error(e.what());
  } catch (...) {
    out.error = api::internal_error("unknown exception");
  }
  return out;
}

}  // namespace

Result<PreparedQuery> Engine::prepare(std::string_view query, const PrepareOptions& options) const {
  try {
    return prepare_query(state_, query, options);
  } catch (const std::exception& e) {
    return api::internal_error(e.what());
  } catch (...) {
    return api::internal_error("unknown exception");
  }
}

EvalResult PreparedQuery::eval(const EvalOptions& options) const {
  return never_throwing<EvalResult>([&](EvalResult& result) {
    const api::QueryState& q = *state_;
    api::PhaseTimer evaluating(options.metrics, Metrics::kQueryEval);
    api::RawResult raw = q.plan->eval(request_of(q, options));
    evaluating.stop();
    result.rows.reserve(raw.rows.size());
    for (auto& r : raw.rows) result.rows.push_back(row_of(r, q, options.binding_names));
    if (raw.error) result.error = error_of(q, *raw.error);
  });
}

Decision PreparedQuery::decide(const EvalOptions& options) const {
  return never_throwing<Decision>([&](Decision& decision) {
    const api::QueryState& q = *state_;
    api::PhaseTimer evaluating(options.metrics, Metrics::kQueryEval);
    api::RawDecision raw = q.plan->decide(request_of(q, options));
    evaluating.stop();
    decision.value = std::move(raw.value);
    if (raw.error) decision.error = error_of(q, *raw.error);
  });
}

const std::string& PreparedQuery::text() const {
  return state_->query->text;
}

const Value* ResultRow::binding(std::string_view name) const {
  for (const auto& b : bindings) {
    if (b.name == name) return &b.value;
  }
  return nullptr;
}

}  // namespace arcane
