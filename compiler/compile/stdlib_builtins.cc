// BuiltinTable from stdlib/'s declarations (see stdlib_builtins.h).
#include "compiler/compile/stdlib_builtins.h"

#include "stdlib/builtin.h"

namespace arcane::compiler {

std::shared_ptr<const BuiltinTable> builtins_from_stdlib() {
  auto table = std::make_shared<BuiltinTable>();
  for (const stdlib::Builtin& b : stdlib::all_builtins()) {
    BuiltinSignature sig;
    sig.name = std::string(b.decl.name);
    sig.arity = static_cast<int>(b.decl.type.arity());
    sig.has_result = !b.decl.type.is_void();
    sig.variadic = !b.decl.type.variadic.is_nil();
    sig.relation = b.decl.relation;
    sig.deprecated = b.decl.deprecated;
    table->add(std::move(sig));
  }
  return table;
}

}  // namespace arcane::compiler
