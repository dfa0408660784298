// CheckRecursion: no rule may depend on itself. The dependency graph has an edge from a
// rule (each else branch is a node of its own) to every rule any ref in it may name (OPA's
// GetRulesDynamic: exact parts narrow the search, vars match every child, a ref's end
// takes the whole subtree). For each rule on a cycle: "rule data.x.p is recursive:
// data.x.p -> data.x.q -> data.x.p" (rego_recursion_error) at the rule.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "compiler/ast/ast_string.h"
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

bool is_constant(const ast::Term& t) {
  bool constant = true;
  walk_terms(t, [&constant](const ast::Term& x) {
    const auto& v = x.value;
    if (std::holds_alternative<ast::Var>(v) || std::holds_alternative<ast::Ref>(v) ||
        std::holds_alternative<ast::Call>(v) || std::holds_alternative<ast::ArrayComprehension>(v) ||
        std::holds_alternative<ast::SetComprehension>(v) || std::holds_alternative<ast::ObjectComprehension>(v) ||
        std::holds_alternative<ast::TemplateString>(v)) {
      constant = false;
    }
    return !constant;
  });
  return constant;
}

// Rules in the order first found (so cycles are reported deterministically), deduplicated.
struct RuleSet {
  std::vector<const ast::Rule*> order;
  std::set<const ast::Rule*> seen;
};

void add_unique(RuleSet& set, const ast::Rule* r) {
  if (set.seen.insert(r).second) set.order.push_back(r);
}

void add_rules(RuleSet& set, const RuleTreeNode& n) {
  for (const auto& e : n.rules) {
    for (const ast::Rule* r = e.rule; r != nullptr; r = r->else_rule.get()) add_unique(set, r);
  }
}

void add_subtree(RuleSet& set, const RuleTreeNode& n) {
  add_rules(set, n);
  for (const auto& c : n.children) add_subtree(set, *c);
}

// OPA's GetRulesDynamicWithOpts (hidden modules included).
void rules_dynamic(const RuleTreeNode& node, const std::vector<ast::Term>& ref, size_t i, RuleSet& out) {
  if (i >= ref.size()) {
    add_subtree(out, node);
  } else if (i == 0 || is_constant(ref[i])) {
    const RuleTreeNode* child = node.child(ref[i]);
    if (child == nullptr) return;
    add_rules(out, *child);
    rules_dynamic(*child, ref, i + 1, out);
  } else {
    for (const auto& c : node.children) {
      add_rules(out, *c);
      rules_dynamic(*c, ref, i + 1, out);
    }
  }
}

class Graph {
 public:
  explicit Graph(const RuleTreeNode& root) : root_(root) {}

  void add(const ast::Rule& r) {
    RuleSet& deps = edges_[&r];
    auto visit = [&](const ast::Term& t) {
      if (const auto* ref = ast::get_if<ast::Ref>(t)) {
        RuleSet found;
        rules_dynamic(root_, ref->parts, 0, found);
        for (const auto* x : found.order) add_unique(deps, x);
      }
      return false;
    };
    for (const auto& t : r.head.args) walk_terms(t, visit);
    if (r.head.key) walk_terms(*r.head.key, visit);
    if (r.head.value) walk_terms(*r.head.value, visit);
    walk_terms(r.body, visit);
  }

  // OPA's util.DFSPath from a back to a: the rules of a cycle, a first and last; empty if
  // none. Only rules of a's strongly connected component can lie on such a path, so the
  // search stays inside it (same path, found without walking the rest of the graph).
  std::vector<const ast::Rule*> cycle(const ast::Rule* a) const {
    auto comp = component_.find(a);
    if (comp == component_.end()) return {};
    std::set<const ast::Rule*> visited;
    std::vector<const ast::Rule*> path;
    std::function<bool(const ast::Rule*)> dfs = [&](const ast::Rule* u) {
      if (!visited.insert(u).second) return false;
      for (const auto* v : edges_.at(u).order) {
        auto cv = component_.find(v);
        if (cv == component_.end() || cv->second != comp->second) continue;
        if (v == a || dfs(v)) {
          if (v == a) path.push_back(a);
          path.push_back(u);
          return true;
        }
      }
      return false;
    };
    dfs(a);
    return {path.rbegin(), path.rend()};
  }

  // Tarjan's algorithm, iteratively: marks the rules that lie on some cycle with the id
  // of their strongly connected component.
  void find_cycles() {
    std::map<const ast::Rule*, std::pair<int, int>> index;  // rule -> (index, lowlink)
    std::vector<const ast::Rule*> stack;
    std::set<const ast::Rule*> on_stack;
    int next = 0;
    for (const auto& [root, unused] : edges_) {
      if (index.count(root) > 0) continue;
      std::vector<std::pair<const ast::Rule*, size_t>> work{{root, 0}};
      while (!work.empty()) {
        auto& [u, i] = work.back();
        if (i == 0 && index.count(u) == 0) {
          index[u] = {next, next};
          ++next;
          stack.push_back(u);
          on_stack.insert(u);
        }
        const auto& out = edges_.at(u).order;
        if (i < out.size()) {
          const ast::Rule* v = out[i++];
          if (index.count(v) == 0) {
            work.emplace_back(v, 0);
          } else if (on_stack.count(v) > 0) {
            index[u].second = std::min(index[u].second, index[v].first);
          }
          continue;
        }
        const ast::Rule* done = u;
        work.pop_back();
        if (!work.empty())
          index[work.back().first].second = std::min(index[work.back().first].second, index[done].second);
        if (index[done].second == index[done].first) pop_component(done, stack, on_stack);
      }
    }
  }

 private:
  void pop_component(const ast::Rule* root, std::vector<const ast::Rule*>& stack,
                     std::set<const ast::Rule*>& on_stack) {
    std::vector<const ast::Rule*> members;
    while (true) {
      const ast::Rule* x = stack.back();
      stack.pop_back();
      on_stack.erase(x);
      members.push_back(x);
      if (x == root) break;
    }
    bool self_loop = edges_.at(root).seen.count(root) > 0;
    if (members.size() == 1 && !self_loop) return;
    for (const auto* m : members) component_[m] = components_;
    ++components_;
  }

  const RuleTreeNode& root_;
  std::map<const ast::Rule*, RuleSet> edges_;
  std::map<const ast::Rule*, int> component_;  // rules on a cycle -> their component
  int components_ = 0;
};

void collect(const RuleTreeNode& n, std::vector<const RuleEntry*>& out) {
  for (const auto& e : n.rules) out.push_back(&e);
  for (const auto& c : n.children) collect(*c, out);
}

}  // namespace

void check_recursion(CompiledProgram& p, StageContext& ctx) {
  if (!p.rule_tree) return;
  std::vector<const RuleEntry*> entries;
  collect(*p.rule_tree, entries);
  Graph g(*p.rule_tree);
  std::map<const ast::Rule*, std::string> names;
  for (const auto* e : entries) {
    for (const ast::Rule* r = e->rule; r != nullptr; r = r->else_rule.get()) {
      g.add(*r);
      names[r] = ast::to_string(e->path);
    }
  }
  g.find_cycles();
  for (const auto* e : entries) {
    for (const ast::Rule* r = e->rule; r != nullptr; r = r->else_rule.get()) {
      auto path = g.cycle(r);
      if (path.empty()) continue;
      std::string chain;
      for (const auto* x : path) chain += (chain.empty() ? "" : " -> ") + names[x];
      if (!ctx.error(kRecursionErr, "rule " + names[r] + " is recursive: " + chain, r->loc)) return;
    }
  }
}

}  // namespace arcane::compiler::stages
