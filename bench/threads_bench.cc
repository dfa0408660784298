// threads: one prepared query (the example's allow lane) evaluated from 1 and from 2
// threads at once, throughput in decisions per second (`items_per_second`, over wall
// time). The engine and query are shared, as a service shares them; a scalable engine
// doubles throughput from 1 to 2 threads on 2 cores.
#include <string>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

struct Shared {
  Decider decider;
  EvalOptions options;
};

const Shared& shared() {
  static const Shared s = [] {
    std::string dir = source_dir() + "/examples/agent-authz/";
    Shared out{Decider::make({{"policy.rego", read_file(dir + "policy.rego")}}, json_value(read_file(dir + "data.json")),
                             "data.agentauthz.decision"),
               {}};
    out.options.input = json_value(read_file(dir + "inputs/allow-read.json"));
    return out;
  }();
  return s;
}

}  // namespace

void register_threads() {
  add("BM_threads/agent_authz", [](benchmark::State& state) {
    const Shared& s = shared();
    if (!s.decider.ok()) {
      state.SkipWithError(s.decider.error.c_str());
      return;
    }
    uint64_t before = thread_allocations();
    for (auto _ : state) benchmark::DoNotOptimize(s.decider.query->decide(s.options));
    double per_op = state.iterations() > 0
                        ? static_cast<double>(thread_allocations() - before) / static_cast<double>(state.iterations())
                        : 0.0;
    state.counters["allocs_per_op"] = benchmark::Counter(per_op, benchmark::Counter::kAvgThreads);
    state.SetItemsProcessed(state.iterations());
  })
      ->Threads(1)
      ->Threads(2)
      ->UseRealTime();
}

}  // namespace arcane::bench
