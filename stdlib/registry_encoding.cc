// Declarations of the encoding, json/yaml, object, array, graph, types built-ins.
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

void register_encoding(std::vector<Builtin>& t) {
  (void)t;
}

}  // namespace arcane::stdlib
