// The implementation functions of the matching group (registry_matching.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {}  // namespace arcane::stdlib::impl
