// graph.reachable and graph.reachable_paths (OPA's topdown/reachable.go).
//
// A graph is an object from node to its neighbours, given as an array or a set (any
// other value counts as no neighbours). reachable is a breadth-first search from the
// initial nodes that only reaches nodes the graph has as keys. reachable_paths follows
// every simple path from each initial node and records a path where it ends: at a node
// without neighbours, at a neighbour that is not in the graph (left out of the path), or
// where the next step would close a cycle.
#include <deque>
#include <set>
#include <vector>

#include "runtime/value_builder.h"
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

std::span<const Value> neighbours(const Value& edges) {
  if (edges.is_array() || edges.is_set()) return edges.elements();
  return {};
}

std::optional<BuiltinError> check_operands(std::string_view name, Args args) {
  if (!args[0].is_object()) return operand_type_error(name, 1, args[0], {"object"});
  if (!args[1].is_array() && !args[1].is_set()) return operand_type_error(name, 2, args[1], {"{array, set}"});
  return std::nullopt;
}

Value path_value(const std::vector<Value>& path) {
  runtime::ArrayBuilder out(path.size());
  for (const Value& v : path) out.push_back(v);
  return out.build();
}

// OPA's recursive pathBuilder, with an explicit stack so that a long chain cannot
// overflow the C++ one.
class PathSearch {
 public:
  PathSearch(const Value& graph, runtime::SetBuilder& paths, const Value& root) : graph_(graph), paths_(paths) {
    path_.push_back(root);
    on_path_.insert(root);
  }

  void run(const Value& start) {
    enter(start);
    while (!frames_.empty()) {
      Frame& f = frames_.back();
      if (f.next < f.edges.size()) {
        const Value& n = f.edges[f.next++];
        if (on_path_.count(n) != 0) {
          paths_.insert(path_value(path_));
        } else {
          enter(n);
        }
        continue;
      }
      if (f.added) on_path_.erase(path_.back());
      path_.pop_back();
      frames_.pop_back();
    }
  }

 private:
  struct Frame {
    std::span<const Value> edges;
    size_t next = 0;
    bool added = false;
  };

  void enter(const Value& node) {
    const Value* edges = graph_.find(node);
    if (edges == nullptr) {
      paths_.insert(path_value(path_));
      return;
    }
    path_.push_back(node);
    std::span<const Value> next = neighbours(*edges);
    if (next.empty()) {
      paths_.insert(path_value(path_));
      path_.pop_back();
      return;
    }
    frames_.push_back(Frame{next, 0, on_path_.insert(node).second});
  }

  const Value& graph_;
  runtime::SetBuilder& paths_;
  std::vector<Value> path_;
  std::set<Value> on_path_;
  std::vector<Frame> frames_;
};

}  // namespace

BuiltinResult graph_reachable(BuiltinContext&, Args args) {
  if (auto e = check_operands("graph.reachable", args)) return *e;
  const Value& graph = args[0];
  std::deque<Value> queue(args[1].elements().begin(), args[1].elements().end());
  std::set<Value> reached;
  while (!queue.empty()) {
    Value node = std::move(queue.front());
    queue.pop_front();
    if (reached.count(node) != 0) continue;
    const Value* edges = graph.find(node);
    if (edges == nullptr) continue;
    for (const Value& n : neighbours(*edges)) {
      if (reached.count(n) == 0) queue.push_back(n);
    }
    reached.insert(node);
  }
  runtime::SetBuilder out(reached.size());
  for (const Value& v : reached) out.insert(v);
  return out.build();
}

BuiltinResult graph_reachable_paths(BuiltinContext&, Args args) {
  if (auto e = check_operands("graph.reachable_paths", args)) return *e;
  const Value& graph = args[0];
  runtime::SetBuilder paths;
  for (const Value& node : args[1].elements()) {
    const Value* edges = graph.find(node);
    if (edges == nullptr) continue;
    std::span<const Value> next = neighbours(*edges);
    if (next.empty()) {
      paths.insert(path_value({node}));
      continue;
    }
    for (const Value& n : next) {
      PathSearch(graph, paths, node).run(n);
    }
  }
  return paths.build();
}

}  // namespace arcane::stdlib::impl
