// `arcane bench`: as `opa bench`, evaluate a prepared query over and over and report the
// cost of one evaluation: samples, ns/op, B/op and allocs/op (what operator new was asked
// for during evaluations), and percentiles of the per-evaluation time. The pretty table
// and the JSON object have the shapes opa bench prints (Go's testing.BenchmarkResult; the
// percentiles under the names of OPA's query-eval timer histogram), so tools reading
// opa bench output read ours.
//
// Setup (loading, compiling, preparing, reading the input) is outside the measurement,
// as in opa bench; the input is decoded once. An error or an undefined result on the
// first evaluation stops the benchmark, as opa bench's default --fail does.
//
// Allocations are counted by the operator new that runtime/alloc_count.cc puts in this
// binary: a thread-local counter bump per allocation, cheap enough to leave on for every verb.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <new>
#include <string>
#include <vector>

#include "arcane/engine.h"
#include "arcane/value.h"
#include "cli/commands.h"
#include "cli/load_report.h"
#include "cli/query_setup.h"
#include "runtime/alloc_count.h"

namespace arcane::cli {

namespace {

constexpr int kExitError = 1;  // opa bench exits 1 on any error
constexpr size_t kMaxSamples = 10'000'000;
const char* kTimer = "histogram_timer_rego_query_eval_ns_";

struct Run {
  uint64_t samples = 0;
  uint64_t total_ns = 0;
  uint64_t allocs = 0;
  uint64_t alloc_bytes = 0;
  std::map<std::string, double> extra;  // the percentiles, by OPA's metric name
};

// As OPA's histograms (go-metrics) compute a percentile: interpolated at p * (n + 1).
double percentile(const std::vector<uint64_t>& sorted, double p) {
  double pos = p * static_cast<double>(sorted.size() + 1);
  if (pos < 1) return static_cast<double>(sorted.front());
  if (pos >= static_cast<double>(sorted.size())) return static_cast<double>(sorted.back());
  double lower = static_cast<double>(sorted[static_cast<size_t>(pos) - 1]);
  double upper = static_cast<double>(sorted[static_cast<size_t>(pos)]);
  return lower + (pos - std::floor(pos)) * (upper - lower);
}

// Evaluates until `benchtime` of evaluation time has been spent; each evaluation is timed
// on its own (for the percentiles) and its allocations counted.
Run measure(const PreparedQuery& query, const EvalOptions& options, double benchtime) {
  using Clock = std::chrono::steady_clock;
  Run run;
  std::vector<uint64_t> samples;
  samples.reserve(1 << 16);
  auto budget = static_cast<uint64_t>(benchtime * 1e9);
  while ((run.total_ns < budget || samples.empty()) && samples.size() < kMaxSamples) {
    uint64_t allocs = runtime::thread_allocations(), bytes = runtime::thread_allocated_bytes();
    auto start = Clock::now();
    {
      EvalResult result = query.eval(options);
    }
    auto ns = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
    run.allocs += runtime::thread_allocations() - allocs;
    run.alloc_bytes += runtime::thread_allocated_bytes() - bytes;
    run.total_ns += ns;
    samples.push_back(ns);
  }
  run.samples = samples.size();
  std::sort(samples.begin(), samples.end());
  run.extra[std::string(kTimer) + "median"] = percentile(samples, 0.5);
  run.extra[std::string(kTimer) + "90%"] = percentile(samples, 0.9);
  run.extra[std::string(kTimer) + "99%"] = percentile(samples, 0.99);
  return run;
}

// Go's testing package prints floats this way (OPA reuses it): whole numbers from 100 up,
// three significant digits below.
std::string pretty_float(double x) {
  double y = std::fabs(x);
  int decimals = y == 0 || y >= 99.95 ? 0 : y >= 9.995 ? 1 : y >= 0.9995 ? 2 : y >= 0.09995 ? 3 : y >= 0.009995 ? 4 : 5;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string pretty(const Run& run) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"samples", std::to_string(run.samples)},
      {"ns/op", pretty_float(static_cast<double>(run.total_ns) / static_cast<double>(run.samples))},
      {"B/op", std::to_string(run.alloc_bytes / run.samples)},
      {"allocs/op", std::to_string(run.allocs / run.samples)},
  };
  for (const auto& [name, value] : run.extra) rows.emplace_back(name, pretty_float(value));
  size_t key_width = 0, value_width = 0;
  for (const auto& [k, v] : rows) {
    key_width = std::max(key_width, k.size());
    value_width = std::max(value_width, v.size());
  }
  std::string rule = "+" + std::string(key_width + 2, '-') + "+" + std::string(value_width + 2, '-') + "+\n";
  std::string out = rule;
  for (const auto& [k, v] : rows) {
    out += "| " + k + std::string(key_width - k.size(), ' ') + " | " + std::string(value_width - v.size(), ' ') + v +
           " |\n";
  }
  return out + rule;
}

// Go's testing.BenchmarkResult as encoding/json writes it, indented as OPA prints it.
std::string json(const Run& run) {
  std::string out = "{\n  \"N\": " + std::to_string(run.samples) + ",\n  \"T\": " + std::to_string(run.total_ns) +
                    ",\n  \"Bytes\": 0,\n  \"MemAllocs\": " + std::to_string(run.allocs) +
                    ",\n  \"MemBytes\": " + std::to_string(run.alloc_bytes) + ",\n  \"Extra\": {";
  const char* sep = "\n";
  for (const auto& [name, value] : run.extra) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    out += sep + std::string("    \"") + name + "\": " + buf;
    sep = ",\n";
  }
  return out + "\n  }\n}\n";
}

int report(const Errors& errors, const std::string& format) {
  std::string text = format == "json" ? to_json(errors, 2) : errors_text(errors, Phase::kCompiling);
  std::fprintf(format == "json" ? stdout : stderr, "%s\n", text.c_str());
  return kExitError;
}

}  // namespace

int run_bench(const BenchCommand& cmd) {
  EvalOptions eval_options;
  if (!cmd.input.empty()) {
    auto input = load_input_file(cmd.input);
    if (!input) return report(input.errors(), cmd.format);
    eval_options.input = std::move(input).value();
  }
  EngineOptions options;
  options.rego_version = cmd.v0_compatible ? RegoVersion::kV0 : RegoVersion::kV1;
  auto query = prepare_cli_query(options, cmd.data, cmd.bundles, cmd.query);
  if (!query) return report(query.errors(), cmd.format);

  EvalResult first = query->eval(eval_options);
  if (first.error) return report(Errors{*first.error}, cmd.format);
  if (!first.defined()) {
    Error undefined;
    undefined.message = "undefined result";
    return report(Errors{undefined}, cmd.format);
  }

  for (int i = 0; i < std::max(cmd.count, 1); ++i) {
    Run run = measure(*query, eval_options, cmd.benchtime);
    std::fputs((cmd.format == "json" ? json(run) : pretty(run)).c_str(), stdout);
  }
  return 0;
}

}  // namespace arcane::cli
