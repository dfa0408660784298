// github (Cedar's benchmark model): users on teams (teams nest), organizations with
// owners, repositories of an organization with five roles, each held by users or teams:
// reader < triager < writer < maintainer < admin. An action needs a minimum role; an
// owner of the repository's organization is admin on it.
//
// The generated graph: the principal is on the last team, each team is inside the
// previous one, and the requested repository names only the top team as writers, so a
// push is allowed through the whole team chain. Everything else is random (fixed seed).
#include <string>

#include "bench/bench_util.h"
#include "bench/entity_model.h"

namespace arcane::bench {
namespace {

const char* kPolicy = R"(package github

default allow := false

edges[uid] := object.get(e, "parents", []) if {
	some uid, e in ENTITIES
}

# The principal and every team it is on, directly or through nested teams.
principals := graph.reachable(edges, {input.principal})

role_field := {"reader": "readers", "triager": "triagers", "writer": "writers", "maintainer": "maintainers", "admin": "admins"}

rank := {"reader": 1, "triager": 2, "writer": 3, "maintainer": 4, "admin": 5}

needs := {
	"pull": "reader", "fork": "reader",
	"assign_issue": "triager", "edit_issue": "triager",
	"push": "writer",
	"delete_issue": "maintainer", "manage_settings": "maintainer",
	"add_collaborator": "admin", "delete": "admin",
}

repo := ENTITIES[input.resource]

roles contains role if {
	some role, field in role_field
	some p in object.get(repo, field, [])
	p in principals
}

roles contains "admin" if {
	some p in ENTITIES[repo.org].owners
	p in principals
}

allow if {
	some role in roles
	rank[role] >= rank[needs[input.action]]
}
)";

std::string uid(const char* type, size_t i) { return std::string("\"") + type + "::" + std::to_string(i) + "\""; }

EntityWorkload generate(size_t e) {
  Rng rng(2000 + e);
  size_t users = std::max<size_t>(1, e * 4 / 10), teams = std::max<size_t>(1, e / 5), orgs = std::max<size_t>(1, e / 20);
  size_t repos = e - users - teams - orgs;
  std::string out = "{";
  auto entity = [&](const std::string& id, const std::string& body) {
    if (out.size() > 1) out += ',';
    out += id + ":{" + body + "}";
  };
  for (size_t u = 0; u < users; ++u) {
    entity(uid("User", u), "\"parents\":[" + uid("Team", u == users - 1 ? teams - 1 : rng.below(teams)) + "]");
  }
  for (size_t t = 0; t < teams; ++t) entity(uid("Team", t), t == 0 ? "" : "\"parents\":[" + uid("Team", t - 1) + "]");
  for (size_t o = 0; o < orgs; ++o) entity(uid("Org", o), "\"owners\":[" + uid("User", 0) + "]");
  const char* fields[] = {"readers", "triagers", "writers", "maintainers", "admins"};
  for (size_t r = 0; r < repos; ++r) {
    bool last = r == repos - 1;
    std::string body = "\"org\":" + uid("Org", rng.below(orgs));
    for (const char* f : fields) {
      std::string holders;
      if (last) {
        holders = std::string(f) == "writers" ? uid("Team", 0) : "";
      } else {
        holders = rng.below(2) ? uid("User", rng.below(users)) : uid("Team", rng.below(teams));
      }
      body += ",\"" + std::string(f) + "\":[" + holders + "]";
    }
    entity(uid("Repository", r), body);
  }
  out += "}";
  return {out, "\"principal\":" + uid("User", users - 1) + ",\"action\":\"push\",\"resource\":" + uid("Repository", repos - 1)};
}

}  // namespace

void register_cedar_github() { register_entity_model("github", kPolicy, "data.github.allow", generate); }

}  // namespace arcane::bench
