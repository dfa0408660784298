// What every workload of arcane-bench shares: a deterministic generator, an engine with one
// prepared query, the timing loop that also counts allocations, and the check that Arcane
// and a native baseline agree before either is timed.
//
// Why this shape: a benchmark here is a decision, so a workload is (modules, data, query,
// input) plus optionally a hand-written C++ function that makes the same decision. Naming
// is what bench/compare keys on: `BM_<workload>/arcane/<size>` pairs with
// `BM_<workload>/native/<size>`; anything else is reported without a ratio. Setup (building
// engines, generating data, verifying decisions) happens outside the timed loop, once per
// process where it is expensive.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "arcane/arcane.h"
#include "bench/rng.h"
#include "runtime/alloc_count.h"

namespace arcane::bench {

// Heap allocations (operator new) made by the calling thread so far (runtime/alloc_count.h).
inline uint64_t thread_allocations() { return runtime::thread_allocations(); }

// Hash and equality that accept std::string_view, so lookups by a view do not allocate.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

struct Module {
  std::string name;
  std::string text;
};

// An engine and one prepared query; `error` says why not when either failed to build.
struct Decider {
  std::optional<Engine> engine;
  std::optional<PreparedQuery> query;
  std::string error;

  static Decider make(const std::vector<Module>& modules, std::optional<Value> data, std::string_view query_text);
  bool ok() const { return error.empty(); }
  // The value of the query's first expression; nullopt when undefined; errors into `err`.
  std::optional<Value> decide(const EvalOptions& options, std::string* err = nullptr) const;
};

// JSON text to a Value; aborts the process on malformed text (generators are ours, so
// that is a bug in the suite, not a measurement).
Value json_value(std::string_view text);
std::string read_file(const std::string& path);
// The source tree (examples/ are read from there).
std::string source_dir();
// The resident set size of this process in bytes (VmRSS), after malloc_trim.
size_t resident_bytes();

// The timed loop: calls `op` once per iteration and reports `allocs_per_op` (allocations
// by this thread during the loop, per iteration).
template <typename Op>
void run_timed(benchmark::State& state, Op&& op) {
  uint64_t before = thread_allocations();
  for (auto _ : state) benchmark::DoNotOptimize(op());
  uint64_t allocs = thread_allocations() - before;
  state.counters["allocs_per_op"] =
      state.iterations() > 0 ? static_cast<double>(allocs) / static_cast<double>(state.iterations()) : 0.0;
}

// Evaluates `decider` with `options` in the timed loop (input decoded before). Skips the
// benchmark with an error if the decider failed to build or evaluation errors; sets the
// decision's JSON as the label when `label` is set.
void run_decision(benchmark::State& state, const Decider& decider, const EvalOptions& options, bool label = true);

// Whether Arcane's decision equals the native one (as a Value); on a mismatch or an
// error, skips the benchmark with a message naming both and returns false.
bool verify(benchmark::State& state, const Decider& decider, const EvalOptions& options, const Value& native);

// A benchmark registered under a runtime name (workload families build their names).
template <typename Fn>
benchmark::internal::Benchmark* add(const std::string& name, Fn&& fn) {
  return benchmark::RegisterBenchmark(name.c_str(), std::forward<Fn>(fn));
}

// One per workload family (each in its own *_bench.cc); bench_main.cc calls them all.
void register_agent_authz();
void register_rbac();
void register_cedar_gdrive();
void register_cedar_github();
void register_cedar_tinytodo();
void register_rules();
void register_comprehension();
void register_big_data();
void register_decode();
void register_compile();
void register_threads();
void register_floor();

}  // namespace arcane::bench
