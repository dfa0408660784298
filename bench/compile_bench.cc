// compile: parse + compile + plan of one generated package of 1,500 and of 10,000
// rules, the way an engine is built when a large policy set changes: modules in,
// prepared queries out. The package mixes what large policy sets are made of: complete
// rules guarded by equality, partial-set rules with `in`, sprintf and `glob.match`, and
// small functions; a few helpers are shared by many rules.
#include <string>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

std::string package(size_t rules) {
  std::string out =
      "package gen\n\nimport rego.v1\n\ndefault allow := false\n\n"
      "admin if \"admin\" in input.roles\n\n"
      "region_ok(r) if r in {\"eu-west-1\", \"eu-central-1\", \"us-east-1\"}\n";
  for (size_t i = 0; i < rules; ++i) {
    std::string s = std::to_string(i);
    switch (i % 4) {
      case 0:
      case 1:
        out += "\nallow if {\n\tinput.subject == \"subject-" + s + "\"\n\tinput.action == \"act-" +
               std::to_string(i % 7) + "\"\n\tregion_ok(input.region)\n}\n";
        break;
      case 2:
        out += "\ndeny contains msg if {\n\tinput.subject in {\"blocked-" + s + "\", \"banned-" + s +
               "\"}\n\tnot admin\n\tmsg := sprintf(\"subject %s is blocked by rule " + s +
               "\", [input.subject])\n}\n";
        break;
      default:
        out += "\nlimit_" + s + "(x) := x * " + std::to_string(i % 13 + 1) + " if x > " + std::to_string(i % 5) +
               "\n\nallow if {\n\tglob.match(\"/svc-" + s + "/*\", [\"/\"], input.path)\n\tlimit_" + s +
               "(input.size) < 1000\n}\n";
    }
  }
  return out;
}

}  // namespace

void register_compile() {
  for (size_t rules : {size_t{1500}, size_t{10000}}) {
    add("BM_compile/" + std::to_string(rules), [rules](benchmark::State& state) {
      const std::string text = package(rules);
      for (auto _ : state) {
        Decider d = Decider::make({{"gen.rego", text}}, std::nullopt, "data.gen.allow");
        if (!d.ok()) {
          state.SkipWithError(d.error.c_str());
          return;
        }
        auto deny = d.engine->prepare("data.gen.deny");
        if (!deny) {
          state.SkipWithError(deny.error().to_string().c_str());
          return;
        }
        benchmark::DoNotOptimize(deny);
      }
      state.counters["source_KB"] = static_cast<double>(text.size()) / 1024;
    })->Unit(benchmark::kMillisecond);
  }
}

}  // namespace arcane::bench
