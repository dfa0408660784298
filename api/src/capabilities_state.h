// What a Capabilities handle holds (internal): the compiler's table of the built-ins the
// document allows. Immutable once made, shared by every engine built with it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "arcane/capabilities.h"
#include "compiler/compile/builtins.h"

namespace arcane::api {

struct CapabilitiesState {
  std::shared_ptr<const compiler::BuiltinTable> builtins;
  std::vector<std::string> names;  // sorted
};

struct CapabilitiesAccess {
  static Capabilities make(std::shared_ptr<const CapabilitiesState> s) { return Capabilities(std::move(s)); }
  static const CapabilitiesState& state(const Capabilities& c) { return *c.state_; }
};

}  // namespace arcane::api
