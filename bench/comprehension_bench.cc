// comprehension_N: N users and N teams of three members each; the decision is the largest
// number of teams any user is in, through `teams_of[u] := [t.name | some t in teams;
// t.members[_] = u]` for every user. Evaluated per user that is O(N^2); with OPA's
// comprehension indexing (compiler/plan/comprehension_keys.h) the comprehension's body runs
// once and is grouped by user, O(N). ARCANE_NO_COMPREHENSION_INDEX in the environment
// plans it per binding, to see what the index buys. The native baseline counts with a
// hash map.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

const char* kPolicy = R"(package groups

teams_of[u] := names if {
	some u in data.users
	names := [t.name | some t in data.teams; t.members[_] = u]
}

busiest := max([count(names) | some names in teams_of])
)";

struct Workload {
  Decider decider;
  std::vector<std::string> users;
  std::vector<std::vector<size_t>> members;  // per team, indexes into users
};

int64_t native_busiest(const Workload& w) {
  StringMap<int64_t> counts;
  counts.reserve(w.users.size());
  for (const auto& u : w.users) counts.emplace(u, 0);
  for (const auto& team : w.members) {
    for (size_t m : team) ++counts.find(w.users[m])->second;
  }
  int64_t best = 0;
  for (const auto& [u, c] : counts) best = std::max(best, c);
  return best;
}

const Workload& workload(size_t n) {
  static std::unordered_map<size_t, Workload> cache;
  if (auto it = cache.find(n); it != cache.end()) return it->second;
  Rng rng(23 + n);
  Workload w;
  std::string data = "{\"users\":[";
  for (size_t u = 0; u < n; ++u) {
    w.users.push_back("user-" + std::to_string(u));
    data += (u > 0 ? ",\"" : "\"") + w.users.back() + "\"";
  }
  data += "],\"teams\":[";
  for (size_t t = 0; t < n; ++t) {
    std::vector<size_t> team;
    for (int i = 0; i < 3; ++i) team.push_back(rng.below(n));
    data += std::string(t > 0 ? "," : "") + "{\"name\":\"team-" + std::to_string(t) + "\",\"members\":[";
    for (size_t i = 0; i < team.size(); ++i) data += (i > 0 ? ",\"" : "\"") + w.users[team[i]] + "\"";
    data += "]}";
    w.members.push_back(std::move(team));
  }
  data += "]}";
  w.decider = Decider::make({{"groups.rego", kPolicy}}, json_value(data), "data.groups.busiest");
  return cache.emplace(n, std::move(w)).first->second;
}

}  // namespace

void register_comprehension() {
  for (size_t n : {size_t{100}, size_t{1000}}) {
    add("BM_comprehension/arcane/" + std::to_string(n), [n](benchmark::State& state) {
      const Workload& w = workload(n);
      if (!verify(state, w.decider, {}, Value::integer(native_busiest(w)))) return;
      run_decision(state, w.decider, {});
    });
    add("BM_comprehension/native/" + std::to_string(n), [n](benchmark::State& state) {
      const Workload& w = workload(n);
      run_timed(state, [&] { return native_busiest(w); });
    });
  }
}

}  // namespace arcane::bench
