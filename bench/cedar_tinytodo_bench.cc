// tinytodo (Cedar's benchmark model): users on teams (teams nest) and todo lists with an
// owner, readers and editors (users or teams). Anyone may create a list; reading needs
// reader (or editor), changing tasks or the list needs editor (or owner), deleting the
// list or changing its shares needs the owner.
//
// The generated graph: the principal is on the last team, each team is inside the
// previous one, and the requested list names only the top team as editors.
#include <string>

#include "bench/bench_util.h"
#include "bench/entity_model.h"

namespace arcane::bench {
namespace {

const char* kPolicy = R"(package tinytodo

default allow := false

edges[uid] := object.get(e, "parents", []) if {
	some uid, e in ENTITIES
}

# The principal and every team it is on, directly or through nested teams.
principals := graph.reachable(edges, {input.principal})

list := ENTITIES[input.resource]

owner if list.owner == input.principal

editor if owner

editor if {
	some p in list.editors
	p in principals
}

reader if editor

reader if {
	some p in list.readers
	p in principals
}

allow if input.action == "CreateList"

allow if {
	input.action in {"GetList", "GetTasks"}
	reader
}

allow if {
	input.action in {"UpdateList", "CreateTask", "UpdateTask", "DeleteTask"}
	editor
}

allow if {
	input.action in {"DeleteList", "EditShares"}
	owner
}
)";

std::string uid(const char* type, size_t i) { return std::string("\"") + type + "::" + std::to_string(i) + "\""; }

EntityWorkload generate(size_t e) {
  Rng rng(3000 + e);
  size_t users = std::max<size_t>(1, e * 4 / 10), teams = std::max<size_t>(1, e / 5);
  size_t lists = e - users - teams;
  std::string out = "{";
  auto entity = [&](const std::string& id, const std::string& body) {
    if (out.size() > 1) out += ',';
    out += id + ":{" + body + "}";
  };
  for (size_t u = 0; u < users; ++u) {
    entity(uid("User", u), "\"parents\":[" + uid("Team", u == users - 1 ? teams - 1 : rng.below(teams)) + "]");
  }
  for (size_t t = 0; t < teams; ++t) entity(uid("Team", t), t == 0 ? "" : "\"parents\":[" + uid("Team", t - 1) + "]");
  for (size_t l = 0; l < lists; ++l) {
    bool last = l == lists - 1;
    std::string owner = uid("User", users > 1 ? rng.below(users - 1) : 0);
    std::string readers = last ? "" : uid("User", rng.below(users));
    std::string editors = last ? uid("Team", 0) : uid("Team", rng.below(teams));
    entity(uid("List", l), "\"owner\":" + owner + ",\"readers\":[" + readers + "],\"editors\":[" + editors + "]");
  }
  out += "}";
  return {out, "\"principal\":" + uid("User", users - 1) + ",\"action\":\"UpdateTask\",\"resource\":" + uid("List", lists - 1)};
}

}  // namespace

void register_cedar_tinytodo() { register_entity_model("tinytodo", kPolicy, "data.tinytodo.allow", generate); }

}  // namespace arcane::bench
