// Capabilities: which built-in functions a policy may call, in OPA's capabilities
// document format.
//
//   std::string doc = arcane::current_capabilities_json();   // `arcane capabilities`
//   auto caps = arcane::Capabilities::load_file("caps.json");  // `--capabilities caps.json`
//   arcane::EngineOptions options;
//   options.capabilities = *caps;   // a call to a built-in the file lacks is a compile error
//
// Why a document rather than a list of names: it is what OPA's tooling writes and reads
// (`opa capabilities --current > caps.json`, `opa build --capabilities caps.json`), so a
// service can pin the built-ins its policies may use with the same file for both engines.
// As in OPA, a policy compiled against a capabilities document sees only the built-ins
// it lists: calling another is `rego_type_error: undefined function NAME`, located at the
// call. Built-ins an embedding service registers itself (EngineBuilder::add_builtin) are
// always available, as custom built-ins are in OPA.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "arcane/error.h"

namespace arcane {

namespace api {
struct CapabilitiesState;
struct CapabilitiesAccess;
}  // namespace api

class Capabilities {
 public:
  // Every built-in this build implements (the declaration table).
  static Capabilities current();
  // A capabilities document (only its "builtins" list restricts anything). Errors: text
  // that is not JSON, no "builtins" array, a built-in without a name.
  static Result<Capabilities> from_json(std::string_view json);
  // As from_json, reading the file; an unreadable file is an error naming it.
  static Result<Capabilities> load_file(const std::string& path);

  // The names of the built-ins it allows, sorted.
  std::vector<std::string> builtin_names() const;
  bool allows(std::string_view builtin) const;

 private:
  friend struct api::CapabilitiesAccess;
  explicit Capabilities(std::shared_ptr<const api::CapabilitiesState> s) : state_(std::move(s)) {}
  std::shared_ptr<const api::CapabilitiesState> state_;
};

struct CapabilitiesFormat {
  // Only what OPA's versioned capabilities files hold (capabilities/vX.Y.Z.json): no
  // descriptions, categories or operand names.
  bool minimal = false;
};

// This build's capabilities document as `opa capabilities --current` prints it (two-space
// indentation): "builtins" (name, description, categories, decl, infix, relation,
// deprecated, nondeterministic, the empty ones left out), "future_keywords",
// "wasm_abi_versions" and "features" as OPA's current version reports them.
std::string current_capabilities_json(const CapabilitiesFormat& format = {});

}  // namespace arcane
