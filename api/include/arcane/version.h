// The version of the Arcane library and of the Rego language it implements.
#pragma once

namespace arcane {

// Our own version; bumped on releases.
inline constexpr const char* kVersion = "0.1.0";
// The OPA release whose behaviour (built-ins, conformance suite) we follow.
inline constexpr const char* kOpaCompatibleVersion = "1.20.0";

}  // namespace arcane
