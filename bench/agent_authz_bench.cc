// agent_authz: the bundled example's decision (examples/agent-authz), one benchmark per
// lane, with the example's own inputs, against a hand-written C++ decision.
//
// The native baseline is what a careful C++ programmer would write for this policy: the
// registry in hash maps, the request in a struct, the rules as straight-line code. Both
// sides get their input decoded before the timed loop, and both produce the whole
// decision (lane, rule, sorted reasons), since that is what the policy returns. Before
// any timing, all of the example's inputs are decided both ways and must agree.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

struct Agent {
  int64_t trust_tier = 0;
  std::string status;
};

struct Grant {
  std::string agent;
  std::string workflow;
  std::vector<std::string> scopes;
};

struct Registry {
  std::unordered_map<std::string, Agent> agents;
  std::unordered_map<std::string, std::vector<Grant>> delegations;
};

struct Request {
  std::string user;
  std::string agent;
  double trust_tier = 0;
  bool attested = false;
  std::string network;
  std::string workflow;
  std::vector<std::string> scopes;
  std::string action;
  std::string resource_type;
  std::string resource_key;
};

enum class Lane { kAllow, kReview, kDeny };

struct NativeDecision {
  Lane lane = Lane::kDeny;
  const char* rule = "default";
  std::vector<std::string> reasons;
};

std::string text(const Value* v) { return v != nullptr && v->is_string() ? std::string(v->string_view()) : ""; }
const Value* path(const Value& v, std::initializer_list<std::string_view> keys) {
  const Value* at = &v;
  for (auto k : keys) {
    if (at == nullptr || !at->is_object()) return nullptr;
    at = at->find(k);
  }
  return at;
}

Registry registry_from(const Value& data) {
  Registry r;
  for (const auto& [id, agent] : path(data, {"registry", "agents"})->entries()) {
    r.agents[std::string(id.string_view())] = {*agent.find("trust_tier")->number().to_int64(),
                                               text(agent.find("status"))};
  }
  for (const auto& [user, grants] : path(data, {"registry", "delegations"})->entries()) {
    auto& list = r.delegations[std::string(user.string_view())];
    for (const auto& g : grants.elements()) {
      Grant grant{text(g.find("agent")), text(g.find("workflow")), {}};
      for (const auto& s : g.find("scopes")->elements()) grant.scopes.emplace_back(s.string_view());
      list.push_back(std::move(grant));
    }
  }
  return r;
}

Request request_from(const Value& in) {
  Request r;
  r.user = text(path(in, {"user", "id"}));
  r.agent = text(path(in, {"agent", "id"}));
  if (const Value* t = path(in, {"agent", "trust_tier"}); t != nullptr && t->is_number()) {
    r.trust_tier = t->number().to_double();
  }
  const Value* attested = path(in, {"workload", "attested"});
  r.attested = attested != nullptr && attested->is_boolean() && attested->as_bool();
  r.network = text(path(in, {"workload", "network"}));
  r.workflow = text(path(in, {"task", "workflow"}));
  if (const Value* s = path(in, {"task", "scopes"})) {
    for (const auto& scope : s->elements()) r.scopes.emplace_back(scope.string_view());
  }
  r.action = text(path(in, {"action"}));
  r.resource_type = text(path(in, {"resource", "type"}));
  r.resource_key = text(path(in, {"resource", "key"}));
  return r;
}

bool is_write(const std::string& action) {
  return action == "create" || action == "update" || action == "transition" || action == "comment";
}

NativeDecision decide_native(const Registry& reg, const Request& req) {
  NativeDecision d;
  if (!req.attested) d.reasons.emplace_back("workload is not attested");
  auto agent = reg.agents.find(req.agent);
  if (agent == reg.agents.end()) {
    d.reasons.emplace_back("agent is not registered");
  } else if (agent->second.status != "active") {
    d.reasons.push_back("agent " + req.agent + " is " + agent->second.status);
  }
  bool delegated = false;
  const std::vector<Grant>* grants = nullptr;
  if (auto it = reg.delegations.find(req.user); it != reg.delegations.end()) grants = &it->second;
  if (grants != nullptr) {
    for (const auto& g : *grants) delegated |= g.agent == req.agent && g.workflow == req.workflow;
  }
  if (!delegated) d.reasons.emplace_back("user has not delegated this workflow to the agent");
  for (const auto& scope : req.scopes) {
    bool granted = false;
    for (size_t i = 0; grants != nullptr && i < grants->size() && !granted; ++i) {
      const Grant& g = (*grants)[i];
      granted = g.agent == req.agent && std::find(g.scopes.begin(), g.scopes.end(), scope) != g.scopes.end();
    }
    if (!granted) d.reasons.push_back("scope " + scope + " was not granted");
  }
  if (!d.reasons.empty()) {
    std::sort(d.reasons.begin(), d.reasons.end());
    d.reasons.erase(std::unique(d.reasons.begin(), d.reasons.end()), d.reasons.end());
    d.rule = "deny";
    return d;
  }
  bool finance = req.resource_type == "jira_project" && req.resource_key.rfind("FIN-", 0) == 0;
  bool on_vpn = req.network == "corp-vpn";
  bool reconcile = req.workflow == "reconcile";
  if (reconcile && is_write(req.action) && finance && req.trust_tier >= 3 && on_vpn) {
    d.lane = Lane::kReview;
    d.rule = "review";
    d.reasons.emplace_back("writes to finance projects need a human review");
    return d;
  }
  if (reconcile && req.action == "read" && finance && req.trust_tier >= 2 && on_vpn) {
    d.lane = Lane::kAllow;
    d.rule = "allow";
    return d;
  }
  d.reasons.emplace_back("no rule allows this request");
  return d;
}

Value to_value(const NativeDecision& d) {
  static const char* kLanes[] = {"allow", "review", "deny"};
  ArrayBuilder reasons;
  for (const auto& r : d.reasons) reasons.push_back(Value::from_string(r));
  ObjectBuilder o;
  o.insert("lane", Value::from_string(kLanes[static_cast<int>(d.lane)]));
  o.insert("rule", Value::from_string(d.rule));
  o.insert("reasons", reasons.build());
  return o.build();
}

struct Example {
  Decider decider;
  Value data;
  Registry registry;
  std::vector<std::pair<std::string, Value>> inputs;  // file stem, input
};

const Example& example() {
  static const Example ex = [] {
    std::string dir = source_dir() + "/examples/agent-authz/";
    Example e;
    e.data = json_value(read_file(dir + "data.json"));
    e.decider = Decider::make({{"policy.rego", read_file(dir + "policy.rego")}}, e.data, "data.agentauthz.decision");
    e.registry = registry_from(e.data);
    for (const char* stem : {"allow-read", "review-write", "deny-suspended-agent", "deny-low-tier", "deny-off-vpn",
                             "deny-other-project", "deny-scope-not-granted", "deny-unattested"}) {
      e.inputs.emplace_back(stem, json_value(read_file(dir + "inputs/" + stem + ".json")));
    }
    return e;
  }();
  return ex;
}

// Every example input decided both ways must agree; checked once.
bool verify_all(benchmark::State& state) {
  const Example& ex = example();
  for (const auto& [stem, input] : ex.inputs) {
    EvalOptions options;
    options.input = input;
    if (!verify(state, ex.decider, options, to_value(decide_native(ex.registry, request_from(input))))) return false;
  }
  return true;
}

const Value& input_for(const std::string& stem) {
  for (const auto& [s, v] : example().inputs) {
    if (s == stem) return v;
  }
  std::abort();
}

void register_lane(const std::string& lane, const std::string& stem) {
  add("BM_agent_authz/arcane/" + lane, [stem](benchmark::State& state) {
    if (!verify_all(state)) return;
    EvalOptions options;
    options.input = input_for(stem);
    run_decision(state, example().decider, options, false);
  });
  add("BM_agent_authz/native/" + lane, [stem](benchmark::State& state) {
    if (!verify_all(state)) return;
    const Registry& reg = example().registry;
    Request req = request_from(input_for(stem));
    run_timed(state, [&] { return decide_native(reg, req); });
  });
}

}  // namespace

void register_agent_authz() {
  register_lane("allow", "allow-read");
  register_lane("review", "review-write");
  register_lane("deny", "deny-suspended-agent");
}

}  // namespace arcane::bench
