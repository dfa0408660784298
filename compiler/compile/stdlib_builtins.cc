// BuiltinTable from stdlib/'s declarations (see stdlib_builtins.h).
#include "compiler/compile/stdlib_builtins.h"

#include "stdlib/builtin.h"
#include "stdlib/builtin_docs.h"

namespace arcane::compiler {

namespace {

void add_docs(BuiltinSignature& sig) {
  for (const stdlib::OperandDoc& d : stdlib::operand_docs_of(sig.name)) {
    OperandInfo info{std::string(d.name), std::string(d.description)};
    if (d.index < 0) {
      sig.result_doc = std::move(info);
    } else if (static_cast<size_t>(d.index) < sig.type.args.size()) {
      sig.args_doc.resize(sig.type.args.size());
      sig.args_doc[static_cast<size_t>(d.index)] = std::move(info);
    }
  }
}

}  // namespace

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
    sig.type = b.decl.type;
    sig.typed = true;
    add_docs(sig);
    table->add(std::move(sig));
  }
  return table;
}

}  // namespace arcane::compiler
