// Options of a compilation (modules) and of a query compilation.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/compile/builtins.h"
#include "runtime/source.h"

namespace arcane::compiler {

struct CompileOptions {
  // The built-in functions the policies may call (required): arity checks, "undefined
  // function" errors, void and relation built-ins.
  std::shared_ptr<const BuiltinTable> builtins;
  // Where module names (for ordering, as OPA sorts modules by file name) and positions in
  // messages ("file:row") come from. Without it modules keep their given order.
  const runtime::SourceSet* sources = nullptr;
  // OPA's WithEnablePrintStatements: off erases print() calls, on rewrites their operands.
  bool enable_print_statements = false;
  // OPA's strict mode (`opa check --strict`): unused imports, unused assigned variables and
  // unused function arguments are errors.
  bool strict = false;
  // Run the pipeline up to and including this stage (a name from the stage table), then
  // return the program as it stands. Empty runs every stage.
  std::string stop_after;
};

// OPA's QueryContext: a query may be compiled as if written inside a package, with imports.
struct QueryOptions {
  std::vector<ast::Term> package_path;  // [data, "a", "b"], or empty
  std::vector<ast::Import> imports;
  const runtime::SourceSet* sources = nullptr;
  bool enable_print_statements = false;
  std::string stop_after;
};

}  // namespace arcane::compiler
