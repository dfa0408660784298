// RemoveImports: imports have done their work in ResolveRefs; they move out of the
// modules (kept beside each module for tools) so later stages see rules only.
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

void remove_imports(CompiledProgram& p, StageContext&) {
  for (auto& m : p.modules) {
    m.imports = std::move(m.module.imports);
    m.module.imports.clear();
  }
}

}  // namespace arcane::compiler::stages
