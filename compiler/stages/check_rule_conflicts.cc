// CheckRuleConflicts: the rules at one path of the rule tree must agree. With OPA's
// messages (rego_type_error):
//   "rule data.a.p conflicts with [data.a.p.q]"   a ground rule with rules inside its extent
//   "conflicting rules data.a.p found"            kinds, arities or complete/partial differ
//   "multiple default rules data.a.p found at test-0.rego:3, test-0.rego:4"
//   "package a.p conflicts with rule p defined at test-0.rego:3"
#include <algorithm>
#include <functional>
#include <set>

#include "compiler/ast/ast_string.h"
#include "compiler/ast/compare.h"
#include "compiler/compile/dump.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

bool has_prefix(const std::vector<ast::Term>& ref, const std::vector<ast::Term>& prefix) {
  if (prefix.size() > ref.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ast::compare(ref[i], prefix[i]) != 0) return false;
  }
  return true;
}

int compare_refs(const std::vector<ast::Term>& a, const std::vector<ast::Term>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (int c = ast::compare(a[i], b[i]); c != 0) return c;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// OPA's refSet.AddPrefix over the rules below a node, sorted.
std::vector<std::vector<ast::Term>> flatten_children(const RuleTreeNode& n) {
  std::vector<std::vector<ast::Term>> set;
  auto add = [&set](const std::vector<ast::Term>& r) {
    for (const auto& s : set) {
      if (has_prefix(r, s)) return;
    }
    std::vector<std::vector<ast::Term>> out;
    std::vector<ast::Term> copy;
    for (const auto& t : r) copy.push_back(ast::clone(t));
    out.push_back(std::move(copy));
    for (auto& s : set) {
      if (!has_prefix(s, r)) out.push_back(std::move(s));
    }
    set = std::move(out);
  };
  std::function<void(const RuleTreeNode&)> walk = [&](const RuleTreeNode& x) {
    for (const auto& r : x.rules) add(r.path);
    for (const auto& c : x.children) walk(*c);
  };
  for (const auto& c : n.children) walk(*c);
  std::sort(set.begin(), set.end(), [](const auto& a, const auto& b) { return compare_refs(a, b) < 0; });
  return set;
}

bool check_node(const CompiledProgram& p, const RuleTreeNode& node, StageContext& ctx) {
  std::set<int> kinds, arities;
  int complete = 0, partial = 0;
  std::string name;
  std::vector<std::vector<ast::Term>> conflicts;
  std::vector<const RuleEntry*> defaults;
  for (const auto& r : node.rules) {
    const ast::Head& h = r.rule->head;
    name = ctx.display(r.path);
    bool multi = h.key && !h.value;
    kinds.insert(multi ? 1 : 0);
    arities.insert(static_cast<int>(h.args.size()));
    if (r.rule->is_default) defaults.push_back(&r);
    bool ground = ground_prefix(r.path).size() == r.path.size();
    if (ground && !node.children.empty()) conflicts = flatten_children(node);
    (!multi && ground ? complete : partial)++;
  }
  runtime::Location loc = node.rules[0].rule->loc;
  if (!conflicts.empty()) {
    std::string list;
    for (const auto& c : conflicts) list += (list.empty() ? "" : " ") + ast::to_string(c);
    return ctx.error(kTypeErr, "rule " + name + " conflicts with [" + list + "]", loc);
  }
  if (kinds.size() > 1 || arities.size() > 1 || (complete >= 1 && partial >= 1)) {
    return ctx.error(kTypeErr, "conflicting rules " + name + " found", loc);
  }
  if (defaults.size() > 1) {
    std::string where;
    for (const auto* d : defaults) where += (where.empty() ? "" : ", ") + ctx.location_text(d->rule->loc);
    runtime::Location pkg = p.modules[defaults[0]->module].module.package.loc;
    return ctx.error(kTypeErr, "multiple default rules " + name + " found at " + where, pkg);
  }
  return true;
}

bool walk(const CompiledProgram& p, const RuleTreeNode& node, StageContext& ctx) {
  if (!node.rules.empty() && !check_node(p, node, ctx)) return false;
  for (const auto& c : node.children) {
    if (!walk(p, *c, ctx)) return false;
  }
  return true;
}

void check_packages(const CompiledProgram& p, StageContext& ctx) {
  for (uint32_t m : p.module_order) {
    const auto& mod = p.modules[m].module;
    for (const auto& rule : mod.rules) {
      if (ground_prefix(rule.head.ref).size() < rule.head.ref.size()) continue;
      std::vector<ast::Term> path = rule_path(mod, rule);
      for (uint32_t other : p.module_order) {
        if (other == m || compare_refs(p.modules[other].module.package.path, path) != 0) continue;
        std::string msg = package_text(p.modules[other].module.package.path) + " conflicts with rule " +
                          ast::to_string(rule.head.ref) + " defined at " + ctx.location_text(rule.loc);
        if (!ctx.error(kTypeErr, msg, mod.package.loc)) return;
      }
    }
  }
}

}  // namespace

void check_rule_conflicts(CompiledProgram& p, StageContext& ctx) {
  if (!p.rule_tree) return;
  if (!walk(p, *p.rule_tree, ctx)) return;
  check_packages(p, ctx);
}

}  // namespace arcane::compiler::stages
