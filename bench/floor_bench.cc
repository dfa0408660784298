// floor: the fixed cost of one decision, whatever the policy: a rule that is `true` and a
// rule that reads one input field. Every other workload's time includes this much, so it
// shows how much of a decision is evaluation and how much is setting one up.
#include <string>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

const char* kPolicy = R"(package floor

constant := true

reads_input if input.user == "alice"
)";

void register_floor_rule(const std::string& rule) {
  add("BM_floor/arcane/" + rule, [rule](benchmark::State& state) {
    static const Decider decider = Decider::make({{"floor.rego", kPolicy}}, std::nullopt, "data.floor." + rule);
    EvalOptions options;
    options.input = json_value(R"({"user": "alice", "action": "read"})");
    run_decision(state, decider, options);
  });
}

}  // namespace

void register_floor() {
  register_floor_rule("constant");
  register_floor_rule("reads_input");
}

}  // namespace arcane::bench
