// rego.metadata.chain() and rego.metadata.rule(): declared here so the compiler knows
// their signatures, but never run. As in OPA, the compiler replaces each call with the
// annotations of the enclosing rule (a constant it builds from the METADATA comments),
// so reaching an implementation means that rewrite did not happen: an internal error.
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

BuiltinResult not_rewritten(std::string_view name) {
  return BuiltinError{std::string(kInternalError), std::string(name) + ": call was not rewritten by the compiler"};
}

}  // namespace

BuiltinResult rego_metadata_chain(BuiltinContext&, Args) {
  return not_rewritten("rego.metadata.chain");
}

BuiltinResult rego_metadata_rule(BuiltinContext&, Args) {
  return not_rewritten("rego.metadata.rule");
}

}  // namespace arcane::stdlib::impl
