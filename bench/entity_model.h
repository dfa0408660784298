// The three application models of Cedar's published benchmark (gdrive, github,
// tinytodo), written by us in Rego, share one harness: a policy template that names its
// entity graph ENTITIES, a generator of a graph of E entities plus one request, and the
// two ways of passing the graph: in the input with each request (`input.entities`, as
// Cedar's benchmark does) or held in data (`data.entities`).
//
// Benchmarks: BM_<model>/input/<E> and BM_<model>/data/<E> for E = 5, 10, 20, 50. There
// is no native baseline; the label is the decision.
#pragma once

#include <functional>
#include <string>

namespace arcane::bench {

struct EntityWorkload {
  std::string entities;  // a JSON object: entity uid -> attributes
  std::string request;   // JSON members of the input besides `entities`, e.g. "principal": ...
};

using EntityGenerator = std::function<EntityWorkload(size_t entities)>;

// `policy` is a Rego module in which every occurrence of ENTITIES is the entity graph;
// `query` the decision, e.g. "data.gdrive.allow".
void register_entity_model(const std::string& model, const std::string& policy, const std::string& query,
                           EntityGenerator generate);

}  // namespace arcane::bench
