// Custom built-ins (arcane/builtin.h) inside the library: checking a declaration, the
// compiler's signature of one, and the VM's table of an engine's built-ins (the stdlib's
// with the engine's own stacked on top, so its entries win).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "arcane/builtin.h"
#include "compiler/compile/builtins.h"
#include "stdlib/types.h"
#include "vm/builtins.h"

namespace arcane::api {

using CustomBuiltins = std::vector<CustomBuiltin>;

struct TypeAccess {
  static Type wrap(stdlib::types::Type t);
  static const stdlib::types::Type& get(const Type& t);
};

// What is wrong with a declaration ("custom built-in my.f: no function"), or nullopt.
std::optional<std::string> check_custom_builtin(const CustomBuiltin& b);

stdlib::types::FunctionType function_type(const CustomBuiltin& b);
compiler::BuiltinSignature signature_of(const CustomBuiltin& b);

// `base` with every custom built-in added (replacing one of the same name).
std::shared_ptr<const compiler::BuiltinTable> with_custom_builtins(const compiler::BuiltinTable& base,
                                                                   const CustomBuiltins& custom);

// The VM's built-ins for an engine: the stdlib's, then `custom` (which must outlive it).
std::shared_ptr<const vm::BuiltinTable> vm_builtins(const CustomBuiltins& custom);

}  // namespace arcane::api
