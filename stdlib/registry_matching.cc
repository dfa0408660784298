// Declarations of the regex, glob, net, semver, uuid, uri built-ins.
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

void register_matching(std::vector<Builtin>& t) {
  (void)t;
}

}  // namespace arcane::stdlib
