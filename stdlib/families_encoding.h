// The implementation functions of the encoding group (registry_encoding.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {}  // namespace arcane::stdlib::impl
