// The harness of the Cedar application models (see entity_model.h).
#include "bench/entity_model.h"

#include <map>
#include <memory>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct Prepared {
  Decider decider;
  EvalOptions options;
};

}  // namespace

void register_entity_model(const std::string& model, const std::string& policy, const std::string& query,
                           EntityGenerator generate) {
  for (bool in_data : {false, true}) {
    for (size_t e : {size_t{5}, size_t{10}, size_t{20}, size_t{50}}) {
      std::string name = "BM_" + model + (in_data ? "/data/" : "/input/") + std::to_string(e);
      add(name, [=](benchmark::State& state) {
        static std::map<std::string, std::unique_ptr<Prepared>> cache;
        auto& slot = cache[name];
        if (!slot) {
          EntityWorkload w = generate(e);
          slot = std::make_unique<Prepared>();
          std::string text = replace_all(policy, "ENTITIES", in_data ? "data.entities" : "input.entities");
          std::optional<Value> data;
          if (in_data) data = json_value("{\"entities\":" + w.entities + "}");
          slot->decider = Decider::make({{model + ".rego", text}}, data, query);
          slot->options.input =
              json_value(in_data ? "{" + w.request + "}" : "{" + w.request + ",\"entities\":" + w.entities + "}");
        }
        run_decision(state, slot->decider, slot->options);
      });
    }
  }
}

}  // namespace arcane::bench
