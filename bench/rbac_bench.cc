// rbac: user -> roles in data, role -> grants in data; allowed if one of the user's roles
// has a grant matching the action and the resource type. With 3 users (the textbook
// example) and with 100,000 (a directory-sized data document), against hand-written C++
// over hash maps.
//
// The request is the same shape in both sizes: a user with three roles whose matching
// grant is the last one looked at, so the decision walks every role and grant of the user.
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

const char* kPolicy = R"(package rbac

default allow := false

allow if {
	some role in data.users[input.user]
	some grant in data.grants[role]
	grant.action == input.action
	grant.type == input.type
}
)";

constexpr size_t kRoles = 20;
const char* kActions[] = {"read", "write", "delete", "approve", "share"};
const char* kTypes[] = {"document", "invoice", "report", "ticket", "repository", "dashboard"};

// Role r grants four (action, type) pairs; role kRoles-1 alone grants "approve invoice".
std::string grants_json() {
  std::string out = "{";
  for (size_t r = 0; r < kRoles; ++r) {
    if (r > 0) out += ',';
    out += "\"role-" + std::to_string(r) + "\":[";
    for (size_t g = 0; g < 4; ++g) {
      size_t a = (r + g) % 5 == 3 ? 0 : (r + g) % 5;  // "approve" is reserved for the last role
      out += std::string(g > 0 ? "," : "") + "{\"action\":\"" + kActions[a] + "\",\"type\":\"" +
             kTypes[(r * 3 + g) % 6] + "\"}";
    }
    if (r == kRoles - 1) out += ",{\"action\":\"approve\",\"type\":\"invoice\"}";
    out += "]";
  }
  return out + "}";
}

// Users user-0 .. user-(n-1), each with 1-3 roles; the requesting user (the middle one)
// has role-3, role-7 and, last, role-19.
std::string data_json(size_t users) {
  Rng rng(7);
  std::string out = "{\"grants\":" + grants_json() + ",\"users\":{";
  for (size_t u = 0; u < users; ++u) {
    if (u > 0) out += ',';
    out += "\"user-" + std::to_string(u) + "\":[";
    if (u == users / 2) {
      out += "\"role-3\",\"role-7\",\"role-19\"]";
      continue;
    }
    size_t n = 1 + rng.below(3);
    for (size_t i = 0; i < n; ++i) out += std::string(i > 0 ? "," : "") + "\"role-" + std::to_string(rng.below(kRoles - 1)) + "\"";
    out += "]";
  }
  return out + "}}";
}

struct Grant {
  std::string action;
  std::string type;
};

struct NativeRbac {
  std::unordered_map<std::string, std::vector<std::string>> users;
  std::unordered_map<std::string, std::vector<Grant>> grants;

  bool allow(const std::string& user, const std::string& action, const std::string& type) const {
    auto u = users.find(user);
    if (u == users.end()) return false;
    for (const auto& role : u->second) {
      auto g = grants.find(role);
      if (g == grants.end()) continue;
      for (const auto& grant : g->second) {
        if (grant.action == action && grant.type == type) return true;
      }
    }
    return false;
  }
};

NativeRbac native_from(const Value& data) {
  NativeRbac n;
  for (const auto& [user, roles] : data.find("users")->entries()) {
    auto& list = n.users[std::string(user.string_view())];
    for (const auto& r : roles.elements()) list.emplace_back(r.string_view());
  }
  for (const auto& [role, grants] : data.find("grants")->entries()) {
    auto& list = n.grants[std::string(role.string_view())];
    for (const auto& g : grants.elements()) {
      list.push_back({std::string(g.find("action")->string_view()), std::string(g.find("type")->string_view())});
    }
  }
  return n;
}

struct Workload {
  Decider decider;
  NativeRbac native;
  std::vector<Value> inputs;  // [0] is the timed request; the others are only verified
};

std::string request(size_t user, const char* action, const char* type) {
  return "{\"user\":\"user-" + std::to_string(user) + "\",\"action\":\"" + action + "\",\"type\":\"" + type + "\"}";
}

const Workload& workload(size_t users) {
  static std::unordered_map<size_t, Workload> cache;  // benchmarks run one at a time
  auto it = cache.find(users);
  if (it != cache.end()) return it->second;
  Workload w;
  Value data = json_value(data_json(users));
  w.native = native_from(data);
  w.decider = Decider::make({{"rbac.rego", kPolicy}}, data, "data.rbac.allow");
  w.inputs.push_back(json_value(request(users / 2, "approve", "invoice")));
  w.inputs.push_back(json_value(request(users / 2, "delete", "ticket")));
  w.inputs.push_back(json_value(request(0, "read", "document")));
  w.inputs.push_back(json_value(request(users + 1, "read", "document")));
  return cache.emplace(users, std::move(w)).first->second;
}

bool verify_all(benchmark::State& state, const Workload& w) {
  for (const auto& input : w.inputs) {
    EvalOptions options;
    options.input = input;
    bool native = w.native.allow(std::string(input.find("user")->string_view()),
                                 std::string(input.find("action")->string_view()),
                                 std::string(input.find("type")->string_view()));
    if (!verify(state, w.decider, options, Value::boolean(native))) return false;
  }
  return true;
}

}  // namespace

void register_rbac() {
  for (size_t users : {size_t{3}, size_t{100000}}) {
    add("BM_rbac/arcane/" + std::to_string(users), [users](benchmark::State& state) {
      const Workload& w = workload(users);
      if (!verify_all(state, w)) return;
      EvalOptions options;
      options.input = w.inputs[0];
      run_decision(state, w.decider, options);
    });
    add("BM_rbac/native/" + std::to_string(users), [users](benchmark::State& state) {
      const Workload& w = workload(users);
      if (!verify_all(state, w)) return;
      const Value& in = w.inputs[0];
      std::string user(in.find("user")->string_view());
      std::string action(in.find("action")->string_view());
      std::string type(in.find("type")->string_view());
      run_timed(state, [&] { return w.native.allow(user, action, type); });
      state.SetLabel(w.native.allow(user, action, type) ? "true" : "false");
    });
  }
  // The same decision through eval(), which builds OPA's full result (rows, expression
  // texts and locations, bindings): what the decision path saves.
  add("BM_rbac_eval/arcane/3", [](benchmark::State& state) {
    const Workload& w = workload(3);
    if (!verify_all(state, w)) return;
    EvalOptions options;
    options.input = w.inputs[0];
    run_timed(state, [&] { return w.decider.query->eval(options); });
  });
}

}  // namespace arcane::bench
