// `arcane capabilities`: this build's capabilities document, as `opa capabilities
// --current` prints it (generated from the built-in declaration table; see
// arcane/capabilities.h). --minimal prints the form of OPA's versioned capabilities files.
// OPA without --current lists the versions it ships documents for; arcane ships none, so
// it prints the current document either way.
#include <cstdio>

#include "arcane/capabilities.h"
#include "cli/commands.h"

namespace arcane::cli {

int run_capabilities(const CapabilitiesCommand& cmd) {
  CapabilitiesFormat format;
  format.minimal = cmd.minimal;
  std::string doc = current_capabilities_json(format);
  std::fputs(doc.c_str(), stdout);
  std::fputc('\n', stdout);
  return 0;
}

}  // namespace arcane::cli
