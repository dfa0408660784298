// The shared parts of arcane-bench (see bench_util.h).
#include "bench/bench_util.h"

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace arcane::bench {

Decider Decider::make(const std::vector<Module>& modules, std::optional<Value> data, std::string_view query_text) {
  Decider d;
  EngineBuilder builder;
  for (const auto& m : modules) builder.add_module(m.name, m.text);
  if (data) builder.add_data(std::move(*data));
  auto engine = builder.build();
  if (!engine) {
    d.error = "build: " + engine.error().to_string();
    return d;
  }
  d.engine.emplace(std::move(engine).value());
  auto query = d.engine->prepare(query_text);
  if (!query) {
    d.error = "prepare: " + query.error().to_string();
    return d;
  }
  d.query.emplace(std::move(query).value());
  return d;
}

std::optional<Value> Decider::decide(const EvalOptions& options, std::string* err) const {
  EvalResult r = query->eval(options);
  if (r.error) {
    if (err != nullptr) *err = r.error->to_string();
    return std::nullopt;
  }
  if (r.rows.empty() || r.rows[0].expressions.empty()) return std::nullopt;
  // The timed path is PreparedQuery::decide(): it must agree with the full result.
  Decision d = query->decide(options);
  if (d.error || d.value != r.rows[0].expressions[0].value) {
    if (err != nullptr) *err = "decide() disagrees with eval()";
    return std::nullopt;
  }
  return r.rows[0].expressions[0].value;
}

Value json_value(std::string_view text) {
  auto v = value_from_json(text);
  if (!v) {
    std::fprintf(stderr, "arcane-bench: generated JSON does not parse: %s\n", v.error().to_string().c_str());
    std::abort();
  }
  return std::move(v).value();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "arcane-bench: cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string source_dir() {
  if (const char* env = std::getenv("ARCANE_SOURCE_DIR")) return env;
  return ARCANE_SOURCE_DIR_DEFAULT;
}

size_t resident_bytes() {
  malloc_trim(0);
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

void run_decision(benchmark::State& state, const Decider& decider, const EvalOptions& options, bool label) {
  if (!decider.ok()) {
    state.SkipWithError(decider.error.c_str());
    return;
  }
  std::string err;
  std::optional<Value> first = decider.decide(options, &err);
  if (!err.empty()) {
    state.SkipWithError(("eval: " + err).c_str());
    return;
  }
  run_timed(state, [&] { return decider.query->decide(options); });
  if (label) state.SetLabel(first ? value_to_json(*first) : "undefined");
}

bool verify(benchmark::State& state, const Decider& decider, const EvalOptions& options, const Value& native) {
  if (!decider.ok()) {
    state.SkipWithError(decider.error.c_str());
    return false;
  }
  std::string err;
  std::optional<Value> got = decider.decide(options, &err);
  if (!err.empty()) {
    state.SkipWithError(("eval: " + err).c_str());
    return false;
  }
  if (!got || !(*got == native)) {
    std::string msg = "arcane and native disagree: arcane " + (got ? value_to_json(*got) : std::string("undefined")) +
                      ", native " + value_to_json(native);
    state.SkipWithError(msg.c_str());
    return false;
  }
  return true;
}

}  // namespace arcane::bench
