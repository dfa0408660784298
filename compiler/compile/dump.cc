// Text forms of a compiled program (see dump.h).
#include "compiler/compile/dump.h"

#include "compiler/ast/ast_string.h"

namespace arcane::compiler {

std::string package_text(const std::vector<ast::Term>& path) {
  std::vector<ast::Term> rel;
  for (size_t i = 1; i < path.size(); ++i) rel.push_back(ast::clone(path[i]));
  if (!rel.empty()) {
    if (const auto* s = ast::get_if<ast::String>(rel[0])) rel[0] = ast::make_var(s->value, rel[0].loc);
  }
  return "package " + ast::to_string(rel);
}

std::string dump_module_rules(const CompiledProgram& program, size_t module) {
  std::string out;
  for (const auto& r : program.modules.at(module).module.rules) out += ast::to_string(r) + "\n";
  return out;
}

std::string dump_rules(const CompiledProgram& program) {
  std::string out;
  for (size_t i = 0; i < program.modules.size(); ++i) {
    out += package_text(program.modules[i].module.package.path) + "\n";
    out += dump_module_rules(program, i);
  }
  return out;
}

namespace {

void dump_node(const RuleTreeNode& node, std::string& out) {
  if (!node.rules.empty()) {
    const RuleEntry& first = node.rules.front();
    size_t defaults = 0;
    for (const auto& r : node.rules) defaults += r.rule->is_default ? 1 : 0;
    std::vector<ast::Term> path;
    for (const auto& t : first.path) path.push_back(ast::clone(t));
    out += ast::to_string(ground_prefix(path)) + ": " + rule_kind_name(rule_kind(*first.rule)) + ", " +
           std::to_string(node.rules.size()) + (node.rules.size() == 1 ? " rule" : " rules");
    if (defaults > 0) out += " (" + std::to_string(defaults) + " default)";
    out += "\n";
  }
  for (const auto& c : node.children) dump_node(*c, out);
}

}  // namespace

std::string dump_rule_tree(const CompiledProgram& program) {
  std::string out;
  if (program.rule_tree) dump_node(*program.rule_tree, out);
  return out;
}

}  // namespace arcane::compiler
