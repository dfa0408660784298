#include "conformance/execute.h"

#include <stdlib.h>

#include <exception>

#include "conformance/harness_builtins.h"

namespace arcane::conformance {

namespace {

// Sets the case's environment variables and puts the old values back afterwards.
class ScopedEnv {
 public:
  explicit ScopedEnv(const std::vector<std::pair<std::string, std::string>>& vars) {
    for (const auto& [name, value] : vars) {
      const char* old = getenv(name.c_str());
      saved_.push_back({name, old != nullptr, old != nullptr ? old : ""});
      setenv(name.c_str(), value.c_str(), 1);
    }
  }
  ~ScopedEnv() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->had) {
        setenv(it->name.c_str(), it->value.c_str(), 1);
      } else {
        unsetenv(it->name.c_str());
      }
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  struct Saved {
    std::string name;
    bool had;
    std::string value;
  };
  std::vector<Saved> saved_;
};

Outcome setup_failure(const char* stage, Error error) {
  Outcome o;
  o.setup_stage = stage;
  o.setup_error = std::move(error);
  return o;
}

// The first error, and how many more there were.
Error first_of(const Errors& errors) {
  Error e = errors.front();
  if (errors.size() > 1) e.notes.push_back("(and " + std::to_string(errors.size() - 1) + " more errors)");
  return e;
}

std::optional<Value> first_value(const EvalResult& r) {
  if (r.rows.empty()) return std::nullopt;
  const ResultRow& row = r.rows.front();
  return row.expressions.empty() ? Value::boolean(true) : row.expressions.front().value;
}

std::string describe(const std::optional<Value>& v, const std::optional<Error>& e) {
  if (e) return "error " + e->to_string();
  return v ? value_to_json(*v) : std::string("undefined");
}

// Every case also runs the decision path: PreparedQuery::decide() must give the first
// value of eval()'s first row, or its error. Not judged when eval() reports an error
// together with rows (decide stops at the first row, before later errors), nor when eval()
// itself gives another answer on a second run (time, randomness).
std::string check_decide(const PreparedQuery& query, const EvalOptions& options, const EvalResult& full) {
  if (full.error && !full.rows.empty()) return "";
  Decision d = query.decide(options);
  std::optional<Value> want = first_value(full);
  bool agree = full.error ? (d.error && d.error->code == full.error->code) : (!d.error && d.value == want);
  if (agree) return "";
  EvalResult again = query.eval(options);
  if (first_value(again) != want || again.error.has_value() != full.error.has_value()) return "";
  return "decide() gave " + describe(d.value, d.error.to_optional()) + ", eval() " + describe(want, full.error);
}

Outcome run(const Case& c, const ExecuteOptions& options) {
  EngineOptions eo;
  eo.rego_version = c.version;
  eo.experimental_keywords = c.experimental_keywords;
  eo.strict_builtin_errors = c.strict_error;
  EngineBuilder builder(eo);
  if (options.evaluator) api::set_evaluator(builder, options.evaluator);
  add_harness_builtins(builder);
  for (size_t i = 0; i < c.modules.size(); ++i) builder.add_module("test-" + std::to_string(i) + ".rego", c.modules[i]);
  if (c.data) builder.add_data(*c.data);
  auto engine = builder.build();
  if (!engine.ok()) return setup_failure("modules", first_of(engine.errors()));

  PrepareOptions po;
  po.rego_version = RegoVersion::kV1;
  auto query = engine->prepare(c.query, po);
  if (!query.ok()) return setup_failure("query", first_of(query.errors()));

  EvalOptions eval;
  if (c.input_term) {
    auto input = value_from_rego(*c.input_term);
    if (!input.ok()) return setup_failure("input_term", first_of(input.errors()));
    eval.input = std::move(input).value();
  } else if (c.input) {
    eval.input = *c.input;
  }
  eval.strict_builtin_errors = c.strict_error;
  eval.binding_names = BindingNames::kCompiled;
  Outcome o;
  o.result = query->eval(eval);
  o.decide_disagrees = check_decide(*query, eval, o.result);
  return o;
}

}  // namespace

Outcome execute(const Case& c, const ExecuteOptions& options) {
  try {
    ScopedEnv env(c.env);
    return run(c, options);
  } catch (const std::exception& e) {
    return setup_failure("runner", Error{"", std::string("exception: ") + e.what(), {}, {}, {}});
  } catch (...) {
    return setup_failure("runner", Error{"", "unknown exception", {}, {}, {}});
  }
}

}  // namespace arcane::conformance
