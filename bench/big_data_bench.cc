// big_data: a directory of 100,000 users with roles and attributes held as data (about
// 14 MB of JSON). Three numbers: the time to load it (JSON text to a built engine), the
// resident memory the engine keeps for it as a multiple of the JSON size (`rss_x`; OPA
// needs about 20x), and the time of one decision over it.
#include <string>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

constexpr size_t kUsers = 100000;

const char* kPolicy = R"(package bigdata

default allow := false

allow if {
	user := data.users[input.user]
	user.active
	some role in user.roles
	some grant in data.grants[role]
	grant.action == input.action
	grant.type == input.type
}
)";

const char* kDepartments[] = {"engineering", "sales", "finance", "legal", "research", "operations"};
const char* kActions[] = {"read", "write", "delete", "approve", "share"};
const char* kTypes[] = {"document", "invoice", "report", "ticket", "repository", "dashboard"};

const std::string& data_text() {
  static const std::string text = [] {
    Rng rng(11);
    std::string out = "{\"grants\":{";
    for (size_t r = 0; r < 50; ++r) {
      if (r > 0) out += ',';
      out += "\"role-" + std::to_string(r) + "\":[";
      for (size_t g = 0; g < 5; ++g) {
        out += std::string(g > 0 ? "," : "") + "{\"action\":\"" + kActions[rng.below(5)] + "\",\"type\":\"" +
               kTypes[rng.below(6)] + "\"}";
      }
      out += "]";
    }
    out += "},\"users\":{";
    for (size_t u = 0; u < kUsers; ++u) {
      if (u > 0) out += ',';
      std::string id = "user-" + std::to_string(u);
      out += "\"" + id + "\":{\"email\":\"" + id + "@example.com\",\"department\":\"" + kDepartments[rng.below(6)] +
             "\",\"active\":true,\"level\":" + std::to_string(rng.below(8)) + ",\"roles\":[";
      size_t n = 1 + rng.below(4);
      for (size_t i = 0; i < n; ++i) out += std::string(i > 0 ? "," : "") + "\"role-" + std::to_string(rng.below(50)) + "\"";
      out += "]}";
    }
    return out + "}}";
  }();
  return text;
}

Decider load() { return Decider::make({{"bigdata.rego", kPolicy}}, json_value(data_text()), "data.bigdata.allow"); }

struct Loaded {
  Decider decider;
  double rss_x = 0;
};

// Loaded once: the growth of the resident set while the engine is held, per JSON byte.
const Loaded& loaded() {
  static const Loaded l = [] {
    data_text();
    size_t before = resident_bytes();
    Loaded out{load(), 0};
    size_t after = resident_bytes();
    out.rss_x = static_cast<double>(after > before ? after - before : 0) / static_cast<double>(data_text().size());
    return out;
  }();
  return l;
}

void counters(benchmark::State& state) {
  state.counters["rss_x"] = loaded().rss_x;
  state.counters["json_MB"] = static_cast<double>(data_text().size()) / (1 << 20);
}

}  // namespace

void register_big_data() {
  add("BM_big_data/load", [](benchmark::State& state) {
    const Loaded& l = loaded();
    if (!l.decider.ok()) {
      state.SkipWithError(l.decider.error.c_str());
      return;
    }
    for (auto _ : state) {
      Decider d = load();
      benchmark::DoNotOptimize(d);
      state.PauseTiming();  // freeing the previous engine is not loading
      d = Decider();
      state.ResumeTiming();
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data_text().size()));
    counters(state);
  })->Unit(benchmark::kMillisecond);
  add("BM_big_data/decision", [](benchmark::State& state) {
    const Loaded& l = loaded();
    if (!l.decider.ok()) {
      state.SkipWithError(l.decider.error.c_str());
      return;
    }
    // An allowed request: what the user's last role grants first.
    const Value& data = l.decider.engine->data();
    const Value& roles = *data.find("users")->find("user-54321")->find("roles");
    const Value& grant = data.find("grants")->find(roles.at(roles.size() - 1))->at(0);
    ObjectBuilder input;
    input.insert("user", Value::from_string("user-54321"));
    input.insert("action", *grant.find("action"));
    input.insert("type", *grant.find("type"));
    EvalOptions options;
    options.input = input.build();
    run_decision(state, l.decider, options);
    counters(state);
  });
}

}  // namespace arcane::bench
