// rules_N: N generated rules (N = 10, 100, 1,000, 10,000) of one complete `allow`, each
// guarded by tests on input fields, in three variants: equality (`input.subject ==
// "subject-i"`), `in` membership of a two-element set, and `glob.match` on a path prefix;
// each rule also tests `input.action`. A policy engine that indexes rules costs the same
// at every N; one that tries each rule grows linearly. The native baseline is the hash
// lookup a programmer would write for the same table.
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

enum class Guard { kEq, kIn, kGlob };

const char* guard_name(Guard g) { return g == Guard::kEq ? "eq" : g == Guard::kIn ? "in" : "glob"; }

std::string action_of(size_t i) { return "act-" + std::to_string(i % 5); }

std::string policy(Guard guard, size_t n) {
  std::string out = "package rules\n\ndefault allow := false\n";
  for (size_t i = 0; i < n; ++i) {
    std::string s = std::to_string(i);
    out += "\nallow if {\n\t";
    switch (guard) {
      case Guard::kEq: out += "input.subject == \"subject-" + s + "\""; break;
      case Guard::kIn: out += "input.subject in {\"subject-" + s + "\", \"alias-" + s + "\"}"; break;
      case Guard::kGlob: out += "glob.match(\"/svc-" + s + "/*\", [\"/\"], input.path)"; break;
    }
    out += "\n\tinput.action == \"" + action_of(i) + "\"\n}\n";
  }
  return out;
}

// The hand-written table: the key each rule tests, to the action it allows.
struct NativeRules {
  Guard guard;
  StringMap<std::string> action_by_key;

  NativeRules(Guard g, size_t n) : guard(g) {
    for (size_t i = 0; i < n; ++i) {
      std::string s = std::to_string(i);
      if (g == Guard::kGlob) {
        action_by_key["svc-" + s] = action_of(i);
      } else {
        action_by_key["subject-" + s] = action_of(i);
        if (g == Guard::kIn) action_by_key["alias-" + s] = action_of(i);
      }
    }
  }

  // "/<segment>/<one more segment, possibly empty>" -> segment, as the glob
  // "/svc-i/*" with separator "/" reads it.
  static bool path_segment(std::string_view path, std::string_view& segment) {
    if (path.empty() || path[0] != '/') return false;
    size_t slash = path.find('/', 1);
    if (slash == std::string_view::npos || path.find('/', slash + 1) != std::string_view::npos) return false;
    segment = path.substr(1, slash - 1);
    return true;
  }

  bool allow(const std::string& key_field, const std::string& action) const {
    std::string_view key = key_field;
    if (guard == Guard::kGlob && !path_segment(key_field, key)) return false;
    auto it = action_by_key.find(key);
    return it != action_by_key.end() && it->second == action;
  }
};

struct Request {
  std::string key;  // input.subject, or input.path for the glob variant
  std::string action;
  Value input;
};

Request request(Guard guard, const std::string& id, const std::string& action) {
  Request r;
  r.action = action;
  if (guard == Guard::kGlob) {
    r.key = "/svc-" + id + "/items";
    r.input = json_value("{\"path\":\"" + r.key + "\",\"action\":\"" + action + "\",\"subject\":\"x\"}");
  } else {
    r.key = (guard == Guard::kIn ? "alias-" : "subject-") + id;
    r.input = json_value("{\"subject\":\"" + r.key + "\",\"action\":\"" + action + "\",\"path\":\"/\"}");
  }
  return r;
}

struct Workload {
  Decider decider;
  NativeRules native;
  std::vector<Request> requests;  // [0] is timed: the rule two thirds down the list
};

const Workload& workload(Guard guard, size_t n) {
  static std::unordered_map<size_t, Workload> cache;
  size_t key = n * 4 + static_cast<size_t>(guard);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  size_t target = n * 2 / 3;
  Workload w{Decider::make({{"rules.rego", policy(guard, n)}}, std::nullopt, "data.rules.allow"), NativeRules(guard, n), {}};
  w.requests.push_back(request(guard, std::to_string(target), action_of(target)));
  w.requests.push_back(request(guard, std::to_string(target), action_of(target + 1)));
  w.requests.push_back(request(guard, std::to_string(n + 7), action_of(n + 7)));
  return cache.emplace(key, std::move(w)).first->second;
}

bool verify_all(benchmark::State& state, const Workload& w) {
  for (const auto& r : w.requests) {
    EvalOptions options;
    options.input = r.input;
    if (!verify(state, w.decider, options, Value::boolean(w.native.allow(r.key, r.action)))) return false;
  }
  return true;
}

}  // namespace

void register_rules() {
  for (Guard guard : {Guard::kEq, Guard::kIn, Guard::kGlob}) {
    std::string family = std::string("BM_rules_") + guard_name(guard);
    for (size_t n : {size_t{10}, size_t{100}, size_t{1000}, size_t{10000}}) {
      add(family + "/arcane/" + std::to_string(n), [guard, n](benchmark::State& state) {
        const Workload& w = workload(guard, n);
        if (!verify_all(state, w)) return;
        EvalOptions options;
        options.input = w.requests[0].input;
        run_decision(state, w.decider, options);
      });
      add(family + "/native/" + std::to_string(n), [guard, n](benchmark::State& state) {
        const Workload& w = workload(guard, n);
        if (!verify_all(state, w)) return;
        const Request& r = w.requests[0];
        run_timed(state, [&] { return w.native.allow(r.key, r.action); });
        state.SetLabel(w.native.allow(r.key, r.action) ? "true" : "false");
      });
    }
  }
}

}  // namespace arcane::bench
