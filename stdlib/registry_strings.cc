// Declarations of the strings, sprintf, conversions, units, bits, numbers built-ins.
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

void register_strings(std::vector<Builtin>& t) {
  (void)t;
}

}  // namespace arcane::stdlib
