// Renaming locals in many places at once (ir::rename_local, in ir.h, renames one).
#pragma once

#include <unordered_map>

#include "ir/ir.h"

namespace arcane::ir {

// Every mention of each key of `renames` becomes its value, in one walk (renames are not
// chained: a value that is also a key is not renamed again).
void rename_locals(Block& b, const std::unordered_map<Local, Local>& renames);

}  // namespace arcane::ir
