// The implementation functions of the schemas group (registry_schemas.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {}  // namespace arcane::stdlib::impl
