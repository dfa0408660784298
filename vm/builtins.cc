// The map-backed BuiltinProvider and the stdlib's provider; see builtins.h.
#include "vm/builtins.h"

namespace arcane::vm {

BuiltinTable& BuiltinTable::add(Builtin b) {
  std::string name = b.name;
  by_name_.insert_or_assign(std::move(name), std::move(b));
  return *this;
}

const Builtin* BuiltinTable::find(std::string_view name) const {
  auto it = by_name_.find(name);
  if (it != by_name_.end()) return &it->second;
  return fallback_ ? fallback_->find(name) : nullptr;
}

namespace {

stdlib::BuiltinResult call_stdlib(const BuiltinCall& call, std::span<const runtime::Value> args) {
  return stdlib::invoke(*static_cast<const stdlib::Builtin*>(call.data), call.context, args);
}

BuiltinTable make_stdlib_table() {
  BuiltinTable t;
  for (const stdlib::Builtin& b : stdlib::all_builtins()) {
    int arity = b.decl.type.variadic.is_nil() ? static_cast<int>(b.decl.type.arity()) : -1;
    t.add({std::string(b.decl.name), arity, call_stdlib, &b, b.decl.nondeterministic ? nullptr : b.impl});
  }
  return t;
}

}  // namespace

const BuiltinProvider& stdlib_builtins() {
  static const BuiltinTable table = make_stdlib_table();
  return table;
}

}  // namespace arcane::vm
