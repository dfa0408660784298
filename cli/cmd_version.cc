#include <cstdio>

#include "arcane/version.h"
#include "cli/commands.h"

namespace arcane::cli {

int run_version() {
  std::printf("Version: %s\nRego compatible with: OPA %s\n", kVersion, kOpaCompatibleVersion);
  return 0;
}

}  // namespace arcane::cli
