// SetRuleTree: OPA's NewRuleTree. Every rule is added at the ground prefix of its path
// (package path + head ref up to the first var), a module without rules adds its package
// path, and data.system is hidden. Rules of one node keep module order, then source order.
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

RuleTreeNode& node_at(RuleTreeNode& root, const std::vector<ast::Term>& path) {
  RuleTreeNode* node = &root;
  for (const auto& t : path) node = &node->add_child(t);
  return *node;
}

}  // namespace

void set_rule_tree(CompiledProgram& p, StageContext& ctx) {
  if (p.module_order.size() != p.modules.size()) set_module_tree(p, ctx);
  auto root = std::make_unique<RuleTreeNode>();
  for (uint32_t m : p.module_order) {
    ast::Module& mod = p.modules[m].module;
    if (mod.rules.empty()) node_at(*root, mod.package.path);
    for (auto& rule : mod.rules) {
      std::vector<ast::Term> path = rule_path(mod, rule);
      RuleTreeNode& node = node_at(*root, ground_prefix(path));
      node.rules.push_back(RuleEntry{&rule, m, std::move(path)});
    }
  }
  std::vector<ast::Term> system;
  system.push_back(ast::make_var("data", {}));
  system.push_back(ast::make_string("system", {}));
  RuleTreeNode* sys = root->child(system[0]);
  if (sys != nullptr) sys = sys->child(system[1]);
  if (sys != nullptr) sys->hide = true;
  p.rule_tree = std::move(root);
}

}  // namespace arcane::compiler::stages
