// Declarations of the time, crypto, tokens (JWT), providers.aws built-ins.
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

void register_security(std::vector<Builtin>& t) {
  (void)t;
}

}  // namespace arcane::stdlib
