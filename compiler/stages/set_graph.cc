// SetGraph: OPA builds the rule dependency graph here for CheckRecursion and CheckTypes'
// ordering. We build it where it is used (check_recursion.cc), from the rule tree as it
// stands then; this entry keeps OPA's stage table whole, so stage names line up.
#include "compiler/stages/stages.h"

namespace arcane::compiler::stages {

void set_graph(CompiledProgram&, StageContext&) {}

}  // namespace arcane::compiler::stages
