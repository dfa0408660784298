// Loading a bundle directory (`opa eval -b DIR`), as OPA's bundle reader does.
//
// Every file under DIR is looked at, in path order: .rego files are modules (named
// DIR/relative/path), data.json / data.yaml / data.yml are data mounted at their
// directory, the .manifest gives the revision, roots and Rego version; anything else (other
// JSON files included) is ignored. Then the manifest's roots (default: everything) are
// enforced: roots must not overlap, every module's package and every data path must lie
// under a root. Errors read as OPA's, e.g.
//   loading error: bundle bundle: manifest roots [authz agents] do not permit data at
//   path '/tenants' (hint: check bundle directory structure)
// Tarball bundles (.tar.gz) are not supported yet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/src/module_set.h"
#include "runtime/diagnostic.h"
#include "runtime/value.h"

namespace arcane::api {

struct LoadedBundle {
  std::string name;                // the path as given
  std::vector<std::string> roots;  // trimmed of slashes; {""} owns all of data
  runtime::Value data;             // an object
};

// nullopt with diagnostics on failure. `options` is the engine's parse options; the
// manifest's rego_version overrides its version.
std::optional<LoadedBundle> load_bundle(const std::string& path, const compiler::ParseOptions& options,
                                        ModuleSet& modules, runtime::Diagnostics& diags);

// OPA's RootPathsContain / RootPathsOverlap.
bool root_paths_contain(const std::vector<std::string>& roots, const std::string& path);
bool root_paths_overlap(const std::string& a, const std::string& b);

// Activates bundles over `documents`: each bundle replaces whatever is under its roots.
// Bundles whose roots overlap are an error.
bool activate_bundles(const std::vector<LoadedBundle>& bundles, runtime::Value& documents, runtime::Diagnostics& diags);

}  // namespace arcane::api
