// Capabilities documents: reading one into the compiler's built-in table (see
// arcane/capabilities.h). The document this build prints is capabilities_json.cc's.
#include <algorithm>
#include <exception>

#include "api/src/capabilities_state.h"
#include "api/src/errors.h"
#include "api/src/files.h"
#include "compiler/compile/stdlib_builtins.h"
#include "runtime/json_reader.h"
#include "stdlib/builtin.h"

namespace arcane {

Capabilities Capabilities::current() {
  static const std::shared_ptr<const api::CapabilitiesState> state = [] {
    api::CapabilitiesState s{compiler::builtins_from_stdlib(), {}};
    for (const stdlib::Builtin& b : stdlib::all_builtins()) s.names.emplace_back(b.decl.name);
    return std::make_shared<const api::CapabilitiesState>(std::move(s));
  }();
  return Capabilities(state);
}

Result<Capabilities> Capabilities::from_json(std::string_view json) {
  try {
    auto table = compiler::builtins_from_capabilities(json);
    if (!table.ok()) return api::loading_error(table.error().message);
    api::CapabilitiesState s{table.value(), {}};
    // The table accepted the document, so it is JSON with a "builtins" array of named entries.
    auto doc = runtime::parse_json(json);
    for (const runtime::Value& entry : doc->find("builtins")->elements()) {
      s.names.emplace_back(entry.find("name")->string_view());
    }
    std::sort(s.names.begin(), s.names.end());
    s.names.erase(std::unique(s.names.begin(), s.names.end()), s.names.end());
    return Capabilities(std::make_shared<const api::CapabilitiesState>(std::move(s)));
  } catch (const std::exception& e) {
    return api::internal_error(e.what());
  }
}

Result<Capabilities> Capabilities::load_file(const std::string& path) {
  std::string text, error;
  if (!api::read_file(path, text, error)) return api::loading_error(error);
  auto caps = from_json(text);
  if (!caps.ok()) return api::loading_error(path + ": " + caps.error().message);
  return caps;
}

std::vector<std::string> Capabilities::builtin_names() const {
  return state_->names;
}

bool Capabilities::allows(std::string_view builtin) const {
  return state_->builtins->find(builtin) != nullptr;
}

}  // namespace arcane
