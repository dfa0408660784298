// How the interpreter reaches built-in functions: through a provider it is given, never
// through a global table, so an embedding service can add its own built-ins, tests can
// inject fakes, and the stdlib is one provider among others (stdlib_builtins()).
//
// A plan names its built-ins (ir::Policy::builtins); lowering resolves each name once
// through the provider into a Builtin, and the bytecode calls it by index. The calling
// convention is stdlib/builtin.h's: operands in; a value, "undefined" or an error (OPA's
// code and wording, the built-in's name first) out. The VM attaches the call's location,
// applies the strict-errors setting, and stops the query on an error marked `halt`.
// Every call gets the evaluation's stdlib::BuiltinContext (clock read once per query,
// nondeterministic-result cache, print sink, cancellation flag) and the Builtin's own
// `data`, which a provider may use to reach its implementation.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "runtime/value.h"
#include "stdlib/builtin.h"
#include "stdlib/context.h"

namespace arcane::vm {

struct BuiltinCall {
  stdlib::BuiltinContext& context;
  const void* data;  // Builtin::data
};

using BuiltinFn = stdlib::BuiltinResult (*)(const BuiltinCall& call, std::span<const runtime::Value> args);

struct Builtin {
  std::string name;
  int arity = -1;  // operands; -1 accepts any number (print)
  BuiltinFn fn = nullptr;
  const void* data = nullptr;
  // When set, calling it with the evaluation's context is what `fn` does: a
  // deterministic stdlib built-in, which the VM then calls with no wrapper in between.
  stdlib::BuiltinImpl direct = nullptr;
};

class BuiltinProvider {
 public:
  virtual ~BuiltinProvider() = default;
  // The built-in called `name`, or nullptr. The result must outlive the lowered programs.
  virtual const Builtin* find(std::string_view name) const = 0;
};

// A provider that is a plain name -> Builtin map, optionally stacked on another provider
// (its own entries win), so a service can add or override built-ins over the stdlib's.
// Fill it before lowering: programs keep pointers to its entries.
class BuiltinTable : public BuiltinProvider {
 public:
  explicit BuiltinTable(const BuiltinProvider* fallback = nullptr) : fallback_(fallback) {}
  BuiltinTable& add(Builtin b);
  const Builtin* find(std::string_view name) const override;

 private:
  const BuiltinProvider* fallback_;
  std::map<std::string, Builtin, std::less<>> by_name_;
};

// Every built-in of stdlib/ (its declaration table), called through stdlib::invoke so
// nondeterministic ones are cached per evaluation as OPA does. Immutable, process-wide.
const BuiltinProvider& stdlib_builtins();

}  // namespace arcane::vm
