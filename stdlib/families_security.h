// The implementation functions of the security group (registry_security.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {}  // namespace arcane::stdlib::impl
