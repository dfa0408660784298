// Finds the policy files named on a command line (files, and .rego files under
// directories, walked in lexical order as OPA walks them) and reads them into a SourceSet.
// File names are kept as the user spelled them, because OPA's messages print them so.
#pragma once

#include <string>
#include <vector>

#include "runtime/diagnostic.h"
#include "runtime/source.h"

namespace arcane::cli {

struct LoadedFile {
  uint32_t id;  // in the SourceSet
  std::string name;
};

// Reads every .rego file under `paths` (a path naming a file is read whatever its
// extension). Missing or unreadable paths become diagnostics.
std::vector<LoadedFile> load_rego_files(const std::vector<std::string>& paths, runtime::SourceSet& sources,
                                        runtime::Diagnostics& diags);

// The whole of a file, or a diagnostic naming the path and the system's reason.
bool read_file(const std::string& path, std::string& out, std::string& error);

}  // namespace arcane::cli
