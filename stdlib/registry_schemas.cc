// Declarations of the graphql, json schema built-ins.
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

void register_schemas(std::vector<Builtin>& t) {
  (void)t;
}

}  // namespace arcane::stdlib
