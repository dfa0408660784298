// The implementation functions of the strings group (registry_strings.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {}  // namespace arcane::stdlib::impl
