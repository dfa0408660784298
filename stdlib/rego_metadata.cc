// rego.metadata.chain() and rego.metadata.rule(): declared here so the compiler knows
// their signatures, but never run. As in OPA, the compiler replaces each call with the
// annotations of the enclosing rule (a constant it builds from the METADATA comments),
// so reaching an implementation means that rewrite did not happen: an internal error.
//
// rego.parse_module(file, text): the module's AST as OPA's JSON, through the parser the
// embedding layer put in the context.
#include "stdlib/context.h"
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

BuiltinResult rego_parse_module(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "rego.parse_module";
  for (int i = 0; i < 2; ++i) {
    if (!args[static_cast<size_t>(i)].is_string()) return operand_type_error(kName, i + 1, args[static_cast<size_t>(i)], {"string"});
  }
  const BuiltinContext::ModuleParser* parse = ctx.module_parser();
  if (parse == nullptr) return builtin_error(kName, "no Rego parser in this evaluation");
  return (*parse)(args[0].string_view(), args[1].string_view());
}

}  // namespace arcane::stdlib::impl
