// SetModuleTree: the order in which packages are visited when the rule tree is built:
// depth-first over package paths (OPA's ModuleTree; we visit children in term order where
// OPA's map order is unspecified), modules of one package in file-name order.
#include <algorithm>

#include "compiler/ast/compare.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

int compare_paths(const std::vector<ast::Term>& a, const std::vector<ast::Term>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (int c = ast::compare(a[i], b[i]); c != 0) return c;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

}  // namespace

void set_module_tree(CompiledProgram& p, StageContext&) {
  p.module_order.clear();
  for (uint32_t i = 0; i < p.modules.size(); ++i) p.module_order.push_back(i);
  std::stable_sort(p.module_order.begin(), p.module_order.end(), [&p](uint32_t a, uint32_t b) {
    return compare_paths(p.modules[a].module.package.path, p.modules[b].module.package.path) < 0;
  });
}

}  // namespace arcane::compiler::stages
