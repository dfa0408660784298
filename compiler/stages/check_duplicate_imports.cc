// CheckDuplicateImports: in modules that follow v1's rules, two imports may not bind the
// same name (`import data.a.x` and `import data.b.x`): "import must not shadow import
// data.a.x", located at the later import.
#include "compiler/ast/ast_string.h"
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

namespace {

std::string import_text(const ast::Import& imp) {
  std::string out = "import " + ast::to_string(imp.path);
  if (!imp.alias.empty()) out += " as " + imp.alias;
  return out;
}

}  // namespace

void check_duplicate_imports(CompiledProgram& p, StageContext& ctx) {
  for (const auto& m : p.modules) {
    if (m.module.version == ast::RegoVersion::V0) continue;
    std::map<std::string, const ast::Import*> seen;
    for (const auto& imp : m.module.imports) {
      auto [it, fresh] = seen.emplace(import_name(imp), &imp);
      if (!fresh && !ctx.error(kCompileErr, "import must not shadow " + import_text(*it->second), imp.loc)) return;
    }
  }
}

}  // namespace arcane::compiler::stages
