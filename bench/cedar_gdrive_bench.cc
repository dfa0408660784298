// gdrive (Cedar's benchmark model): users in groups (groups nest), documents in folders
// (folders nest); a document or folder has an owner, viewers and editors (users or
// groups), and a document may be public. What a folder grants, it grants on everything
// below it. view needs viewer, edit/comment needs editor, delete/share needs owner;
// an editor may view and an owner may edit.
//
// The generated graph makes the request walk the deepest chains: the principal is in the
// last group, each group is inside the previous one, the document is in the last folder,
// each folder inside the previous one, and only the top folder names the top group as a
// viewer. Everything else is random (fixed seed).
#include <string>

#include "bench/bench_util.h"
#include "bench/entity_model.h"

namespace arcane::bench {
namespace {

const char* kPolicy = R"(package gdrive

default allow := false

edges[uid] := object.get(e, "parents", []) if {
	some uid, e in ENTITIES
}

# The principal and every group it is in, directly or through nested groups.
principals := graph.reachable(edges, {input.principal})

# The resource and every folder above it.
containers := graph.reachable(edges, {input.resource})

owner if {
	some c in containers
	ENTITIES[c].owner == input.principal
}

editor if owner

editor if {
	some c in containers
	some p in ENTITIES[c].editors
	p in principals
}

viewer if editor

viewer if {
	some c in containers
	some p in ENTITIES[c].viewers
	p in principals
}

viewer if ENTITIES[input.resource].public == true

allow if {
	input.action == "view"
	viewer
}

allow if {
	input.action in {"edit", "comment"}
	editor
}

allow if {
	input.action in {"delete", "share"}
	owner
}
)";

std::string uid(const char* type, size_t i) { return std::string("\"") + type + "::" + std::to_string(i) + "\""; }

// 1-2 random users or groups, as a JSON array.
std::string someone(Rng& rng, size_t users, size_t groups) {
  std::string out = "[";
  size_t n = 1 + rng.below(2);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += ',';
    out += rng.below(3) == 0 ? uid("Group", rng.below(groups)) : uid("User", rng.below(users));
  }
  return out + "]";
}

EntityWorkload generate(size_t e) {
  Rng rng(1000 + e);
  size_t users = std::max<size_t>(1, e * 3 / 10), groups = std::max<size_t>(1, e * 15 / 100);
  size_t folders = std::max<size_t>(1, e / 5), docs = e - users - groups - folders;
  std::string out = "{";
  auto entity = [&](const std::string& id, const std::string& body) {
    if (out.size() > 1) out += ',';
    out += id + ":{" + body + "}";
  };
  for (size_t u = 0; u < users; ++u) {
    std::string parents = u == users - 1 ? uid("Group", groups - 1) : uid("Group", rng.below(groups));
    entity(uid("User", u), "\"parents\":[" + parents + "]");
  }
  for (size_t g = 0; g < groups; ++g) entity(uid("Group", g), g == 0 ? "" : "\"parents\":[" + uid("Group", g - 1) + "]");
  for (size_t f = 0; f < folders; ++f) {
    std::string viewers = f == 0 ? "[" + uid("Group", 0) + "]" : "[" + uid("User", rng.below(users)) + "]";
    std::string owner = uid("User", users > 1 ? rng.below(users - 1) : 0);
    entity(uid("Folder", f), "\"owner\":" + owner + ",\"viewers\":" + viewers + ",\"editors\":[" +
                                 uid("User", rng.below(users)) + "]" +
                                 (f == 0 ? "" : ",\"parents\":[" + uid("Folder", f - 1) + "]"));
  }
  for (size_t d = 0; d < docs; ++d) {
    bool last = d == docs - 1;
    std::string owner = uid("User", users > 1 ? rng.below(users - 1) : 0);
    entity(uid("Document", d), "\"owner\":" + owner + ",\"viewers\":" +
                                   (last ? std::string("[]") : someone(rng, users, groups)) +
                                   ",\"editors\":" + (last ? std::string("[]") : someone(rng, users, groups)) +
                                   ",\"public\":false,\"parents\":[" + uid("Folder", last ? folders - 1 : rng.below(folders)) + "]");
  }
  out += "}";
  return {out, "\"principal\":" + uid("User", users - 1) + ",\"action\":\"view\",\"resource\":" + uid("Document", docs - 1)};
}

}  // namespace

void register_cedar_gdrive() { register_entity_model("gdrive", kPolicy, "data.gdrive.allow", generate); }

}  // namespace arcane::bench
