// arcane-bench: every workload family registers its benchmarks here, explicitly (no
// static registration), then Google Benchmark runs what the command line selects.
#include "bench/bench_util.h"

int main(int argc, char** argv) {
  using namespace arcane::bench;
  register_agent_authz();
  register_rbac();
  register_rules();
  register_comprehension();
  register_cedar_gdrive();
  register_cedar_github();
  register_cedar_tinytodo();
  register_big_data();
  register_decode();
  register_compile();
  register_threads();
  register_floor();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
